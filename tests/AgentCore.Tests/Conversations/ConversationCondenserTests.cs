using System.Runtime.CompilerServices;
using System.Text;
using AgentCore.Conversations;

namespace AgentCore.Tests.Conversations;

public sealed class ConversationCondenserTests
{
    private sealed class ScriptedModel(bool supportsImages, params SummaryStreamChunk[] chunks) : ISummaryModel
    {
        public string? SystemPrompt { get; private set; }

        public string? Request { get; private set; }

        public int Calls { get; private set; }

        public bool SupportsImages => supportsImages;

        public async IAsyncEnumerable<SummaryStreamChunk> StreamAsync(string systemPrompt, ReadOnlyMemory<byte> messagesJson, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Calls++;
            SystemPrompt = systemPrompt;
            Request = Encoding.UTF8.GetString(messagesJson.Span);
            foreach (SummaryStreamChunk c in chunks)
            {
                await Task.Yield();
                yield return c;
            }
        }
    }

    // Image-only contents: token counts are ceil(sqrt(len)) whatever the tokenizer, so figures are exact here.
    private static string Img(int role, int dataLength, int ts) =>
        $$$"""{"role":"{{{(role % 2 == 0 ? "user" : "assistant")}}}","content":[{"type":"image","source":{"type":"base64","media_type":"image/png","data":"{{{new string('A', dataLength)}}}"}}],"ts":{{{ts}}}}""";

    private static Conversation Build(int n, int dataLength = 100)
    {
        var c = new Conversation();
        for (int i = 0; i < n; i++)
        {
            c.AppendJson(Encoding.UTF8.GetBytes(Img(i, dataLength, 1000 + i)));
        }

        return c;
    }

    [Fact]
    public async Task Summarize_SixMessages_KeepsFirstSummaryAndLastThree()
    {
        using Conversation c = Build(6);
        var model = new ScriptedModel(true, SummaryStreamChunk.FromText("  The "), SummaryStreamChunk.FromText("summary. "),
            SummaryStreamChunk.Usage(0.01, 50), SummaryStreamChunk.Usage(0.05, 100));
        CondenseResult r = await ConversationCondenser.SummarizeAsync(c, model, "PROMPT", "", prevContextTokens: 100000);

        Assert.Null(r.Error);
        Assert.Equal(ContextDecision.Condense, r.Decision);
        Assert.Equal("The summary.", r.Summary);
        Assert.Equal(0.05, r.Cost); // the last usage chunk
        Assert.Equal(100 + 45, r.NewContextTokens); // outputTokens + ceil((0 + 3 × 10) × 1.5)
        Assert.Equal("PROMPT", model.SystemPrompt);
        Assert.Equal(5, c.Count);
        Assert.Equal(Img(0, 100, 1000), c[0].ToString());
        Assert.Equal("""{"role":"assistant","content":"The summary.","ts":1003,"isSummary":true}""", c[1].ToString());
        Assert.Equal(Img(3, 100, 1003), c[2].ToString());
        Assert.Equal(Img(5, 100, 1005), c[4].ToString());

        // Request: messages 0..2 as {role, content}, then the final request.
        string img = "[{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"" + new string('A', 100) + "\"}}]";
        Assert.Equal(
            $$"""[{"role":"user","content":{{img}}},{"role":"assistant","content":{{img}}},{"role":"user","content":{{img}}},{"role":"user","content":"Summarize the conversation so far, as described in the prompt instructions."}]""",
            model.Request);
    }

    [Fact]
    public async Task Summarize_NoOutputTokens_CountsSummaryToo()
    {
        using Conversation c = Build(6);
        var model = new ScriptedModel(true, SummaryStreamChunk.FromText("s"), SummaryStreamChunk.Usage(null, null));
        CondenseResult r = await ConversationCondenser.SummarizeAsync(c, model, "P", "", 100000);
        Assert.Equal(0, r.Cost);
        long raw = 30 + MessageTokenCounterProbe.Text("s");
        Assert.Equal(Math.Ceiling(raw * 1.5), r.NewContextTokens);
    }

    [Fact]
    public async Task Summarize_ModelWithoutImages_ImagesBecomePlaceholders()
    {
        using Conversation c = Build(5);
        var model = new ScriptedModel(false, SummaryStreamChunk.FromText("s"), SummaryStreamChunk.Usage(0, 1));
        await ConversationCondenser.SummarizeAsync(c, model, "P", "", 100000);
        Assert.Equal(
            """[{"role":"user","content":[{"type":"text","text":"[Referenced image in conversation]"}]},{"role":"assistant","content":[{"type":"text","text":"[Referenced image in conversation]"}]},{"role":"user","content":"Summarize the conversation so far, as described in the prompt instructions."}]""",
            model.Request);
    }

    [Theory]
    [InlineData(4, ConversationCondenser.NotEnoughMessagesError)]
    [InlineData(3, ConversationCondenser.NotEnoughMessagesError)]
    [InlineData(1, ConversationCondenser.NotEnoughMessagesError)]
    public async Task Summarize_TooFewMessages_ErrorAndUnchanged(int n, string error)
    {
        using Conversation c = Build(n);
        byte[] before = c.ToJsonBytes();
        var model = new ScriptedModel(true, SummaryStreamChunk.FromText("s"));
        CondenseResult r = await ConversationCondenser.SummarizeAsync(c, model, "P", "", 100000);
        Assert.Equal(error, r.Error);
        Assert.Equal(0, model.Calls);
        Assert.Equal(before, c.ToJsonBytes());
    }

    [Fact]
    public async Task Summarize_SummaryAmongLastThree_CondensedRecently()
    {
        using Conversation c = Build(6);
        c.AppendSummary("old", 5);
        c.AppendJson(Encoding.UTF8.GetBytes(Img(0, 4, 7)));
        CondenseResult r = await ConversationCondenser.SummarizeAsync(c, new ScriptedModel(true), "P", "", 100000);
        Assert.Equal(ConversationCondenser.CondensedRecentlyError, r.Error);
    }

    [Fact]
    public async Task Summarize_AfterEarlierSummary_SummarisesFromItWithFirstMessage()
    {
        using Conversation c = Build(2);
        c.AppendSummary("old", 5); // index 2 (assistant)
        for (int i = 3; i < 8; i++)
        {
            c.AppendJson(Encoding.UTF8.GetBytes(Img(i + 1, 4, 2000 + i)));
        }

        var model = new ScriptedModel(false, SummaryStreamChunk.FromText("new"), SummaryStreamChunk.Usage(0, 1));
        CondenseResult r = await ConversationCondenser.SummarizeAsync(c, model, "P", "", 100000);
        Assert.Null(r.Error);
        Assert.StartsWith("""[{"role":"user","content":[{"type":"text","text":"[Referenced image in conversation]"}]},{"role":"assistant","content":"old"},""", model.Request, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summarize_EmptySummary_FailsCarryingCost()
    {
        using Conversation c = Build(6);
        CondenseResult r = await ConversationCondenser.SummarizeAsync(c, new ScriptedModel(true, SummaryStreamChunk.FromText("  \n"), SummaryStreamChunk.Usage(0.25, 3)), "P", "", 100000);
        Assert.Equal(ConversationCondenser.CondenseFailedError, r.Error);
        Assert.Equal(0.25, r.Cost);
        Assert.Equal(6, c.Count);
    }

    [Fact]
    public async Task Summarize_ContextGrew_FailsCarryingCost()
    {
        using Conversation c = Build(6);
        CondenseResult r = await ConversationCondenser.SummarizeAsync(c, new ScriptedModel(true, SummaryStreamChunk.FromText("s"), SummaryStreamChunk.Usage(0.5, 1000)), "P", "", prevContextTokens: 1045);
        Assert.Equal(ConversationCondenser.ContextGrewError, r.Error);
        Assert.Equal(0.5, r.Cost);
        Assert.Equal(6, c.Count);
    }

    // Parity 2.9: auto-condense on, summary error -> falls back to truncation [m0, m3, m4], summary "", error and cost carried.
    [Fact]
    public async Task TruncateIfNeeded_CondenseFails_FallsBackToTruncation()
    {
        using Conversation c = FiveEmpty();
        var options = new ContextWindowOptions { ContextWindow = 100000, MaxTokens = 30000, TotalTokens = 70001 };
        var model = new ScriptedModel(true, SummaryStreamChunk.Usage(0.125, 0));
        CondenseResult r = await ConversationCondenser.TruncateConversationIfNeededAsync(c, options, model, "P", "System prompt");
        Assert.Equal(ContextDecision.Truncate, r.Decision);
        Assert.Equal("", r.Summary);
        Assert.Equal(70001, r.PrevContextTokens);
        Assert.NotNull(r.Error);
        Assert.Equal(3, c.Count);
        Assert.Equal("""{"role":"user","content":"m0"}""", c[0].ToString());
        Assert.Equal("""{"role":"assistant","content":"m3"}""", c[1].ToString());
    }

    [Fact]
    public async Task TruncateIfNeeded_CondenseSucceeds_ReturnsSummaryWithPrevTokens()
    {
        using Conversation c = Build(6);
        var options = new ContextWindowOptions { ContextWindow = 100000, MaxTokens = 30000, TotalTokens = 70001 };
        var model = new ScriptedModel(true, SummaryStreamChunk.FromText("sum"), SummaryStreamChunk.Usage(0.1, 10));
        CondenseResult r = await ConversationCondenser.TruncateConversationIfNeededAsync(c, options, model, "P", "");
        Assert.Equal(ContextDecision.Condense, r.Decision);
        Assert.Equal(70001 + 15, r.PrevContextTokens); // last message: ceil(10 * 1.5)
        Assert.Equal(1, model.Calls);
        Assert.Equal(5, c.Count);
    }

    [Fact]
    public async Task TruncateIfNeeded_BelowEverything_UnchangedNoCall()
    {
        using Conversation c = FiveEmpty();
        var model = new ScriptedModel(true);
        CondenseResult r = await ConversationCondenser.TruncateConversationIfNeededAsync(c,
            new ContextWindowOptions { ContextWindow = 100000, MaxTokens = 30000, TotalTokens = 40000, AutoCondenseContextPercent = 50 }, model, "P", "");
        Assert.Equal(ContextDecision.None, r.Decision);
        Assert.Equal(0, r.Cost);
        Assert.Null(r.Error);
        Assert.Equal(0, model.Calls);
        Assert.Equal(5, c.Count);
    }

    private static Conversation FiveEmpty()
    {
        var c = new Conversation();
        for (int i = 0; i < 5; i++)
        {
            c.AppendJson(Encoding.UTF8.GetBytes($$"""{"role":"{{(i % 2 == 0 ? "user" : "assistant")}}","content":"{{(i == 4 ? "" : "m" + i)}}"}"""));
        }

        return c;
    }

    [Theory]
    [InlineData(" \t\n a b \u00A0\u3000", "a b")]
    [InlineData("\uFEFFx\uFEFF", "x")]
    [InlineData("\u0085x\u0085", "\u0085x\u0085")]
    [InlineData("\u2028\u2029", "")]
    public void JsTrim_MatchesStringPrototypeTrim(string input, string expected) =>
        Assert.Equal(expected, AgentCore.JavaScript.JsText.Trim(input));
}
