using AgentCore.Streaming;
using AgentCore.Streaming.Http;
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
}
