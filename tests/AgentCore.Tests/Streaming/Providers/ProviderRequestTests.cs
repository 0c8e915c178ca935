using System.Text;
using System.Text.Json;
using AgentCore.Streaming;
using AgentCore.Streaming.Http;
using AgentCore.Streaming.Providers;
using AgentCore.Tests.Streaming.Http;

namespace AgentCore.Tests.Streaming.Providers;

/// <summary>
/// What goes on the wire for each provider: URL, headers and body, byte for byte. The expected values are those the
/// client sent before the request builder was shared with the condense adapter (verified against that code).
/// </summary>
public sealed class ProviderRequestTests
{
    private const string KeyVariable = "AGENTCORE_TEST_KEY_WIRE";

    private static readonly ProviderClientOptions s_fast = new()
    {
        ConnectTimeout = TimeSpan.FromSeconds(5),
        IdleTimeout = TimeSpan.FromSeconds(10),
        MaxRetries = 0,
    };

    public static TheoryData<ProviderKind, string, string, string> Wire => new()
    {
        {
            ProviderKind.OpenAi, "/v1/chat/completions", "Authorization: Bearer k-wire-1|Accept: text/event-stream",
            """{"model":"m-1","messages":[{"role":"user","content":"Hi there,\nfriend."}],"stream":true,"stream_options":{"include_usage":true}}"""
        },
        {
            ProviderKind.OpenAiResponses, "/v1/responses", "Authorization: Bearer k-wire-1|Accept: text/event-stream",
            """{"model":"m-1","input":"Hi there,\nfriend.","stream":true,"store":false}"""
        },
        {
            ProviderKind.Anthropic, "/v1/messages", "anthropic-version: 2023-06-01|x-api-key: k-wire-1|Accept: text/event-stream",
            """{"model":"m-1","max_tokens":8192,"messages":[{"role":"user","content":"Hi there,\nfriend."}],"stream":true}"""
        },
        {
            ProviderKind.Gemini, "/v1/models/m-1:streamGenerateContent?alt=sse", "x-goog-api-key: k-wire-1|Accept: text/event-stream",
            """{"contents":[{"role":"user","parts":[{"text":"Hi there,\nfriend."}]}]}"""
        },
        {
            ProviderKind.Ollama, "/api/chat", "Accept: application/x-ndjson",
            """{"model":"m-1","messages":[{"role":"user","content":"Hi there,\nfriend."}],"stream":true}"""
        },
    };

    [Theory]
    [MemberData(nameof(Wire))]
    public async Task StreamChat_EachProvider_PathHeadersAndBodyByteForByte(ProviderKind provider, string path, string headers, string body)
    {
        Environment.SetEnvironmentVariable(KeyVariable, "k-wire-1");
        await using var server = new LoopbackHttpServer(async (_, _, stream, ct) =>
        {
            await LoopbackHttpServer.WriteAsync(stream, LoopbackHttpServer.JsonResponse(400, "Bad Request", """{"error":{"message":"stop here"}}"""), ct);
            return false;
        });
        using var client = new ProviderClient(s_fast);
        var request = new ChatRequest
        {
            Provider = provider,
            Model = "m-1",
            Prompt = "Hi there,\nfriend.",
            BaseUrl = server.BaseUrl + "/",
            ApiKeyVariable = provider == ProviderKind.Ollama ? null : KeyVariable,
        };

        ProviderException e = await Assert.ThrowsAsync<ProviderException>(() => client.StreamChatAsync(request, new ChunkCollector()));

        Assert.Equal("HTTP 400 Bad Request: stop here", e.Message);
        LoopbackRequest r = Assert.Single(server.Requests);
        Assert.Equal("POST", r.Method);
        Assert.Equal(path, r.Path);
        Assert.Equal(body, r.Body);
        Assert.Equal("agentcore", r.Headers["User-Agent"]);
        Assert.Equal("application/json", r.Headers["Content-Type"]);
        string[] expected = headers.Split('|');
        string[] actual = [.. r.Headers
            .Where(h => h.Key is not ("Host" or "Content-Length" or "Content-Type" or "User-Agent"))
            .Select(h => $"{h.Key}: {h.Value}")];
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Write_PromptWithCharactersJsonSerializerEscapes_JsonStringifyBytesSameValue()
    {
        const string prompt = "it's <b> & \"q\" \u00e9 \ud83d\ude00 + `x`";
        var request = new ChatRequest { Provider = ProviderKind.OpenAi, Model = "m", Prompt = prompt };

        string body = Encoding.UTF8.GetString(ProviderRequestBody.Write(request));

        // Before the shared builder the prompt went through System.Text.Json's default encoder (it\u0027s \u003Cb\u003E ...);
        // the bytes are now JSON.stringify's, as the extension's SDKs send them: the same JSON value.
        Assert.Equal("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"it's <b> & \\\"q\\\" é 😀 + `x`\"}],\"stream\":true,\"stream_options\":{\"include_usage\":true}}", body);
        using JsonDocument doc = JsonDocument.Parse(body);
        Assert.Equal(prompt, doc.RootElement.GetProperty("messages")[0].GetProperty("content").GetString());
    }

    [Theory]
    [InlineData("ftp://example.com/v1")]
    [InlineData("not a url")]
    public void Create_BaseUrlNotHttp_ProviderExceptionNamingIt(string baseUrl)
    {
        var request = new ChatRequest { Provider = ProviderKind.OpenAi, Model = "m", Prompt = "p", BaseUrl = baseUrl };
        ProviderException e = Assert.Throws<ProviderException>(() => ProviderRequest.Create(request));
        Assert.Equal($"'{baseUrl}' is not an http(s) URL", e.Message);
    }

    [Theory]
    [InlineData(ProviderKind.OpenAi, null, "https://api.openai.com/v1/chat/completions")]
    [InlineData(ProviderKind.Anthropic, null, "https://api.anthropic.com/v1/messages")]
    [InlineData(ProviderKind.Gemini, null, "https://generativelanguage.googleapis.com/v1beta/models/gemini%202.5%2Fx:streamGenerateContent?alt=sse")]
    [InlineData(ProviderKind.Ollama, null, "http://127.0.0.1:11434/api/chat")]
    [InlineData(ProviderKind.Ollama, "http://host:1/", "http://host:1/api/chat")]
    [InlineData(ProviderKind.OpenAiResponses, "http://host:1/v1//", "http://host:1/v1/responses")]
    public void Create_BaseUrls_Endpoint(ProviderKind provider, string? baseUrl, string expected)
    {
        var request = new ChatRequest { Provider = provider, Model = "gemini 2.5/x", Prompt = "p", BaseUrl = baseUrl, ApiKeyVariable = null };
        Assert.Equal(expected, ProviderRequest.Create(request).Uri.AbsoluteUri);
    }

    [Fact]
    public void Redact_KeyInMessage_Replaced()
    {
        Environment.SetEnvironmentVariable(KeyVariable, "k-wire-1");
        var request = new ChatRequest { Provider = ProviderKind.OpenAi, Model = "m", Prompt = "p", ApiKeyVariable = KeyVariable };
        Assert.Equal("bad key [redacted] here", ProviderRequest.Create(request).Redact("bad key k-wire-1 here"));
    }
}
