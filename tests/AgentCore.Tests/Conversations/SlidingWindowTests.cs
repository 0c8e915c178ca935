using System.Text;
using AgentCore.Conversations;

namespace AgentCore.Tests.Conversations;

public sealed class SlidingWindowTests
{
    // Parity spec 2.8: n, fraction, removed, kept indices.
    public static TheoryData<int, double, int, int[]> TruncationVectors => new()
    {
        { 3, 0.5, 0, [0, 1, 2] },
        { 5, 0.5, 2, [0, 3, 4] },
        { 7, 0.3, 0, [0, 1, 2, 3, 4, 5, 6] },
        { 3, 0, 0, [0, 1, 2] },
        { 4, 1, 2, [0, 3] },
        { 1, 0.5, 0, [0] },
        { 2, 0.5, 0, [0, 1] },
        { 4, 0.5, 0, [0, 1, 2, 3] },
        { 6, 0.5, 2, [0, 3, 4, 5] },
        { 7, 0.5, 2, [0, 3, 4, 5, 6] },
        { 10, 0.5, 4, [0, 5, 6, 7, 8, 9] },
        { 11, 0.5, 4, [0, 5, 6, 7, 8, 9, 10] },
        { 21, 0.5, 10, [0, .. Enumerable.Range(11, 10)] },
        { 100, 0.5, 48, [0, .. Enumerable.Range(49, 51)] },
    };

    [Theory]
    [MemberData(nameof(TruncationVectors))]
    public void KeptIndices_ParityVectors_MatchReference(int n, double fraction, int removed, int[] kept)
    {
        Assert.Equal(removed, SlidingWindow.MessagesToRemove(n, fraction));
        Assert.Equal(kept, SlidingWindow.KeptIndices(n, fraction));
    }

    [Theory]
    [MemberData(nameof(TruncationVectors))]
    public void TruncateConversation_ParityVectors_KeepsFirstAndTail(int n, double fraction, int removed, int[] kept)
    {
        using Conversation c = Numbered(n);
        Assert.Equal(removed, SlidingWindow.TruncateConversation(c, fraction));
        Assert.Equal(kept.Length, c.Count);
        for (int i = 0; i < kept.Length; i++)
        {
            Assert.Equal(Message(kept[i]), c[i].ToString());
        }
    }

    [Fact]
    public void KeptIndices_HundredMessages_Has52()
    {
        Assert.Equal(52, SlidingWindow.KeptIndices(100, 0.5).Length);
    }

    // Parity spec 2.9 (test): 5 messages, the last content "", so prevContextTokens == totalTokens.
    [Theory]
    [InlineData(100000, 30000, 60000, 59999, false)]
    [InlineData(100000, 30000, 60000, 60001, true)]
    [InlineData(100000, 30000, 60000, 70001, true)]
    [InlineData(100000, 30000, 60000, 69999, true)]
    [InlineData(100000, 30000, 60000, 60000, false)] // strictly greater
    [InlineData(100000, 50000, 40000, 39999, false)]
    [InlineData(100000, 50000, 40000, 50001, true)]
    [InlineData(100000, null, 81808, 81807, false)]
    [InlineData(100000, null, 81808, 81809, true)]
    [InlineData(50000, 10000, 35000, 34999, false)]
    [InlineData(50000, 10000, 35000, 40001, true)]
    [InlineData(200000, 30000, 150000, 149999, false)]
    [InlineData(200000, 30000, 150000, 170001, true)]
    public void Report_AutoCondenseOff_TruncatesOnlyAboveAllowed(int window, int? maxTokens, int allowed, int total, bool truncated)
    {
        using Conversation c = FiveWithEmptyLast();
        var options = new ContextWindowOptions { ContextWindow = window, MaxTokens = maxTokens, TotalTokens = total, AutoCondenseContext = false };
        ContextReport r = ContextReport.Create(c, options);
        Assert.Equal(allowed, r.Assessment.AllowedTokens);
        Assert.Equal(total, r.Assessment.PrevContextTokens);
        Assert.Equal(truncated ? ContextDecision.Truncate : ContextDecision.None, r.Decision);
        Assert.Equal(truncated ? [0, 3, 4] : [0, 1, 2, 3, 4], r.KeptIndices);
    }

    [Theory]
    [InlineData(true, 100, null, 70001, true)] // on / 100: 70001 > allowed
    [InlineData(false, 50, null, 70001, false)] // off / 50: summarise not called
    [InlineData(true, 50, null, 60000, true)] // 60 % >= 50
    [InlineData(true, 50, null, 40000, false)]
    [InlineData(true, 100, 60.0, 65000, true)] // profile 60: 65 >= 60
    [InlineData(true, 75, -1.0, 80000, true)] // profile -1 uses the global 75
    [InlineData(true, 80, null, 50000, false)] // only another profile set
    public void Assess_ThresholdVectors_CondenseAsReference(bool auto, double globalPercent, double? profile, int total, bool condense)
    {
        var options = new ContextWindowOptions
        {
            ContextWindow = 100000, MaxTokens = 30000, TotalTokens = total,
            AutoCondenseContext = auto, AutoCondenseContextPercent = globalPercent, ProfileThreshold = profile,
        };
        ContextAssessment a = SlidingWindow.Assess(options, lastMessageTokens: 0);
        Assert.Equal(condense, a.ShouldCondense);
        Assert.False(a.InvalidProfileThreshold);
    }

    [Fact]
    public void Assess_OffAt50Percent_TruncatesWithoutSummary()
    {
        using Conversation c = FiveWithEmptyLast();
        ContextReport r = ContextReport.Create(c, new ContextWindowOptions
        {
            ContextWindow = 100000, MaxTokens = 30000, TotalTokens = 70001, AutoCondenseContext = false, AutoCondenseContextPercent = 50,
        });
        Assert.Equal(ContextDecision.Truncate, r.Decision);
    }

    [Theory]
    [InlineData(4.0, 100)]
    [InlineData(101.0, 100)]
    [InlineData(0.0, 100)]
    [InlineData(-2.0, 100)]
    [InlineData(5.0, 5)]
    [InlineData(100.0, 100)]
    [InlineData(-1.0, 100)]
    public void EffectiveThreshold_ProfileValues_FollowReferenceRules(double profile, double expected)
    {
        double t = SlidingWindow.EffectiveThreshold(100, profile, out bool invalid);
        Assert.Equal(expected, t);
        Assert.Equal(profile is not (-1 or (>= 5 and <= 100)), invalid);
    }

    // Incoming-content vectors (test + computed): contextWindow 100000, maxTokens 30000, allowed 60000.
    [Theory]
    [InlineData(59987, 3, false)]
    [InlineData(69986, 29, true)]
    public void Assess_IncomingContent_AddsLastMessageTokens(int total, int lastTokens, bool exceeds)
    {
        ContextAssessment a = SlidingWindow.Assess(new ContextWindowOptions { ContextWindow = 100000, MaxTokens = 30000, TotalTokens = total, AutoCondenseContext = false }, lastTokens);
        Assert.Equal(total + lastTokens, a.PrevContextTokens);
        Assert.Equal(exceeds, a.ExceedsAllowed);
    }

    [Theory]
    [InlineData(null, 8192)]
    [InlineData(0.0, 8192)]
    [InlineData(double.NaN, 8192)]
    [InlineData(-1.0, -1)]
    [InlineData(30000.0, 30000)]
    public void Assess_MaxTokens_ReservesAsJavaScriptFalsy(double? maxTokens, double reserved)
    {
        ContextAssessment a = SlidingWindow.Assess(new ContextWindowOptions { ContextWindow = 128000, MaxTokens = maxTokens }, 0);
        Assert.Equal(reserved, a.ReservedTokens);
        Assert.Equal((128000 * 0.9) - reserved, a.AllowedTokens);
    }

    [Fact]
    public void Assess_OpenAiCompatibleDefaultModel_AllowsOneMore()
    {
        // Spec 2.5 quirk: maxTokens -1 is truthy, so reserved = -1 and allowed = 115201.
        Assert.Equal(115201, SlidingWindow.Assess(new ContextWindowOptions { ContextWindow = 128000, MaxTokens = -1 }, 0).AllowedTokens);
    }

    [Fact]
    public void Report_TotalTokensZero_NoneAndEveryIndexKept()
    {
        using Conversation c = FiveWithEmptyLast();
        ContextReport r = ContextReport.Create(c, new ContextWindowOptions { ContextWindow = 1000, TotalTokens = 0 });
        Assert.Equal(ContextDecision.None, r.Decision);
        Assert.Equal([0, 1, 2, 3, 4], r.KeptIndices);
    }

    [Fact]
    public void Report_Condense_KeptIndicesNull()
    {
        using Conversation c = FiveWithEmptyLast();
        ContextReport r = ContextReport.Create(c, new ContextWindowOptions { ContextWindow = 100000, MaxTokens = 30000, TotalTokens = 70001 });
        Assert.Equal(ContextDecision.Condense, r.Decision);
        Assert.Null(r.KeptIndices);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        r.ToResult([]).WriteJson(new AgentCore.Json.JsJsonWriter(buffer));
        Assert.Equal("""{"messageTokens":[0,0,0,0,0],"totalTokens":70001,"prevContextTokens":70001,"allowedTokens":60000,"decision":"condense","keptIndices":null}""",
            Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void Report_TwoMessagesOverAllowed_TruncateRemovingNothing()
    {
        using Conversation c = Numbered(2);
        ContextReport r = ContextReport.Create(c, new ContextWindowOptions { ContextWindow = 100000, MaxTokens = 30000, TotalTokens = 70001, AutoCondenseContext = false });
        Assert.Equal(ContextDecision.Truncate, r.Decision);
        Assert.Equal([0, 1], r.KeptIndices);
    }

    [Fact]
    public void Assess_EmptyConversation_Throws()
    {
        using var c = new Conversation();
        Assert.Throws<InvalidOperationException>(() => SlidingWindow.Assess(new ContextWindowOptions { ContextWindow = 1 }, c));
    }

    private static string Message(int i) => $$"""{"role":"{{(i % 2 == 0 ? "user" : "assistant")}}","content":[],"ts":{{i}}}""";

    private static Conversation Numbered(int n)
    {
        var c = new Conversation();
        for (int i = 0; i < n; i++)
        {
            c.AppendJson(Encoding.UTF8.GetBytes(Message(i)));
        }

        return c;
    }

    private static Conversation FiveWithEmptyLast()
    {
        var c = new Conversation();
        c.AppendJson("""{"role":"user","content":""}"""u8);
        c.AppendJson("""{"role":"assistant","content":""}"""u8);
        c.AppendJson("""{"role":"user","content":""}"""u8);
        c.AppendJson("""{"role":"assistant","content":""}"""u8);
        c.AppendJson("""{"role":"user","content":""}"""u8);
        return c;
    }
}
