using System.Text;
using AgentCore.Conversations;
using AgentCore.Streaming.Http;
using AgentCore.Streaming.Providers;
using AgentCore.Tests.Streaming.Http;

namespace AgentCore.Tests.Streaming.Providers;

public sealed class ProviderSummaryModelTests
{
    private static readonly ProviderClientOptions s_fast = new()
    {
        ConnectTimeout = TimeSpan.FromSeconds(5),
        IdleTimeout = TimeSpan.FromSeconds(10),
        MaxRetries = 0,
    };

    private static Conversation History()
    {
        var c = new Conversation();
        c.AppendJson("""{"role":"user","content":[{"type":"text","text":"<task>\nfix it\n</task>"},{"type":"image","source":{"type":"base64","media_type":"image/png","data":"AAAA"}}],"ts":1}"""u8);
        c.AppendJson("""{"role":"assistant","content":[{"type":"text","text":"reading"}],"ts":2}"""u8);
        c.AppendJson("""{"role":"user","content":[{"type":"text","text":"result 1"}],"ts":3}"""u8);
        c.AppendJson("""{"role":"assistant","content":[{"type":"text","text":"done 1"}],"ts":4}"""u8);
        c.AppendJson("""{"role":"user","content":[{"type":"text","text":"next"}],"ts":5}"""u8);
        return c;
    }

    private static ChatRequest Template(LoopbackHttpServer server, ProviderKind provider) => new()
    {
        Provider = provider,
        Model = provider == ProviderKind.Anthropic ? "claude-sonnet-4-20250514" : "gpt-4.1-mini",
        Prompt = "",
        BaseUrl = server.BaseUrl,
        ApiKeyVariable = null,
    };

    [Fact]
    public async Task Summarize_OpenAiLoopback_SummaryFromStreamAndRequestShape()
    {
        await using var server = new LoopbackHttpServer(async (_, _, stream, ct) =>
        {
            await LoopbackHttpServer.WriteAsync(stream, LoopbackHttpServer.StreamHead(), ct);
            await LoopbackHttpServer.WriteAsync(stream,
                "data: {\"choices\":[{\"delta\":{\"content\":\" Sum\"}}]}\n\n" +
                "data: {\"choices\":[{\"delta\":{\"content\":\"mary. \"}}]}\n\n" +
                "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":7}}\n\n" +
                "data: [DONE]\n\n", ct);
            return false;
        });
        using var client = new ProviderClient(s_fast);
        using Conversation c = History();
        var model = new ProviderSummaryModel(client, Template(server, ProviderKind.OpenAi), supportsImages: true);

        CondenseResult r = await ConversationCondenser.SummarizeAsync(c, model, "PROMPT", "", prevContextTokens: 100000);

        Assert.Null(r.Error);
        Assert.Equal("Summary.", r.Summary);
        Assert.Equal(5, c.Count); // first, summary, last 3
        Assert.Equal("""{"role":"assistant","content":"Summary.","ts":3,"isSummary":true}""", c[1].ToString());
        LoopbackRequest request = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal(
            """{"model":"gpt-4.1-mini","messages":[{"role":"system","content":"PROMPT"},{"role":"user","content":[{"type":"text","text":"<task>\nfix it\n</task>"},{"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA"}}]},{"role":"assistant","content":[{"type":"text","text":"reading"}]},{"role":"user","content":"Summarize the conversation so far, as described in the prompt instructions."}],"stream":true,"stream_options":{"include_usage":true}}""",
            request.Body);
    }

    [Fact]
    public async Task Summarize_AnthropicLoopback_MessagesSentAsTheyAre()
    {
        await using var server = new LoopbackHttpServer(async (_, _, stream, ct) =>
        {
            await LoopbackHttpServer.WriteAsync(stream, LoopbackHttpServer.StreamHead(), ct);
            await LoopbackHttpServer.WriteAsync(stream,
                "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":50,\"output_tokens\":1}}}\n\n" +
                "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n" +
                "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"S\"}}\n\n" +
                "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":9}}\n\n" +
                "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n", ct);
            return false;
        });
        using var client = new ProviderClient(s_fast);
        using Conversation c = History();
        var model = new ProviderSummaryModel(client, Template(server, ProviderKind.Anthropic), supportsImages: false);

        CondenseResult r = await ConversationCondenser.SummarizeAsync(c, model, "PROMPT", "", prevContextTokens: 100000);

        Assert.Null(r.Error);
        Assert.Equal("S", r.Summary);
        LoopbackRequest request = Assert.Single(server.Requests);
        Assert.Equal("/v1/messages", request.Path);
        Assert.Equal(
            """{"model":"claude-sonnet-4-20250514","max_tokens":8192,"system":"PROMPT","messages":[{"role":"user","content":[{"type":"text","text":"<task>\nfix it\n</task>"},{"type":"text","text":"[Referenced image in conversation]"}]},{"role":"assistant","content":[{"type":"text","text":"reading"}]},{"role":"user","content":"Summarize the conversation so far, as described in the prompt instructions."}],"stream":true}""",
            request.Body);
    }

    [Fact]
    public async Task TruncateIfNeeded_ProviderError_PropagatesAsTheReferenceThrows()
    {
        await using var server = new LoopbackHttpServer(async (_, _, stream, ct) =>
        {
            await LoopbackHttpServer.WriteAsync(stream, LoopbackHttpServer.JsonResponse(400, "Bad Request", """{"error":{"message":"bad model"}}"""), ct);
            return false;
        });
        using var client = new ProviderClient(s_fast);
        using Conversation c = History();
        var model = new ProviderSummaryModel(client, Template(server, ProviderKind.OpenAi), supportsImages: true);
        var options = new ContextWindowOptions { ContextWindow = 1000, MaxTokens = 100, TotalTokens = 5000 };
        ProviderException e = await Assert.ThrowsAsync<ProviderException>(() =>
            ConversationCondenser.TruncateConversationIfNeededAsync(c, options, model, "PROMPT", "").AsTask());
        Assert.Contains("bad model", e.Message, StringComparison.Ordinal);
        Assert.Equal(5, c.Count);
    }

    [Theory]
    [InlineData(ProviderKind.Gemini, """{"systemInstruction":{"parts":[{"text":"S"}]},"contents":[{"role":"user","parts":[{"text":"a"}]},{"role":"model","parts":[{"text":"b"}]}]}""")]
    [InlineData(ProviderKind.OpenAiResponses, """{"model":"m","instructions":"S","input":[{"role":"user","content":[{"type":"input_text","text":"a"}]},{"role":"assistant","content":[{"type":"output_text","text":"b"}]}],"stream":true,"store":false}""")]
    [InlineData(ProviderKind.Ollama, """{"model":"m","messages":[{"role":"system","content":"S"},{"role":"user","content":"a"},{"role":"assistant","content":"b"}],"stream":true}""")]
    public void BuildBody_TextProviders_Shapes(ProviderKind provider, string expected)
    {
        var template = new ChatRequest { Provider = provider, Model = "m", Prompt = "" };
        byte[] body = ProviderRequestBody.Write(template with
        {
            SystemPrompt = "S",
            Messages = """[{"role":"user","content":[{"type":"text","text":"a"},{"type":"image","source":{"data":"AA"}}]},{"role":"assistant","content":"b"}]"""u8.ToArray(),
        });
        Assert.Equal(expected, Encoding.UTF8.GetString(body));
    }

    [Theory]
    [InlineData(ProviderKind.OpenAi, """{"model":"m","messages":[{"role":"user","content":"a"}],"stream":true,"stream_options":{"include_usage":true}}""")]
    [InlineData(ProviderKind.OpenAiResponses, """{"model":"m","input":[{"role":"user","content":[{"type":"input_text","text":"a"}]}],"stream":true,"store":false}""")]
    [InlineData(ProviderKind.Anthropic, """{"model":"m","max_tokens":8192,"messages":[{"role":"user","content":"a"}],"stream":true}""")]
    [InlineData(ProviderKind.Gemini, """{"contents":[{"role":"user","parts":[{"text":"a"}]}]}""")]
    [InlineData(ProviderKind.Ollama, """{"model":"m","messages":[{"role":"user","content":"a"}],"stream":true}""")]
    public void BuildBody_MessagesWithoutSystemPrompt_NoSystemField(ProviderKind provider, string expected)
    {
        var request = new ChatRequest { Provider = provider, Model = "m", Prompt = "ignored", Messages = """[{"role":"user","content":"a"}]"""u8.ToArray() };
        Assert.Equal(expected, Encoding.UTF8.GetString(ProviderRequestBody.Write(request)));
    }
}
