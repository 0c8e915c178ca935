using AgentCore.Streaming;

namespace AgentCore.Tests.Streaming;

/// <summary>The XmlMatcher vectors of parity spec 3.3 (tagName "think").</summary>
public sealed class ThinkTagMatcherTests
{
    private static List<(bool Matched, string Data)> Segments(ThinkTagMatcher m)
    {
        var list = new List<(bool, string)>();
        for (int i = 0; i < m.SegmentCount; i++)
        {
            string data = m.GetSegment(i, out bool matched).ToString();
            list.Add((matched, data));
        }

        return list;
    }

    /// <summary>Feeds the updates then final; returns all chunks, merged per call as the reference returns them.</summary>
    private static List<(bool, string)> Run(string[] updates, int position = 0)
    {
        using var m = new ThinkTagMatcher("think", position);
        var all = new List<(bool, string)>();
        foreach (string u in updates)
        {
            m.Update(u);
            all.AddRange(Segments(m));
        }

        m.Final();
        all.AddRange(Segments(m));
        return all;
    }

    [Theory]
    [InlineData("<think>data</think>", true, "data")]
    [InlineData("< think >data</ think >", true, "data")]
    [InlineData("< think 1>data</ think >", false, "< think 1>data</ think >")]
    [InlineData("<>data</>", false, "<>data</>")]
    [InlineData("<think>X<think>Y</think>Z</think>", true, "X<think>Y</think>Z")]
    [InlineData("1<think>data</think>", false, "1<think>data</think>")]
    [InlineData("<think>data", true, "data")]
    [InlineData("</think>hello", false, "hello")]
    [InlineData("<<think>x</think>", false, "<<think>x</think>")]
    [InlineData("\n<think>x</think>", false, "\n<think>x</think>")]
    [InlineData("<think>a<b</think>", true, "a<b")]
    [InlineData("<think>a</thinkk>b", true, "a</thinkk>b")]
    public void Update_SingleChunk_MatchesReference(string input, bool matched, string data)
    {
        Assert.Equal([(matched, data)], Run([input]));
    }

    [Fact]
    public void Update_SplitTag_ReturnsPerCallAsReference()
    {
        using var m = new ThinkTagMatcher();
        string[] inputs = ["<thi", "nk", ">dat", "a</", "think>"];
        var perCall = new List<List<(bool, string)>>();
        foreach (string s in inputs)
        {
            m.Update(s);
            perCall.Add(Segments(m));
        }

        Assert.Empty(perCall[0]);
        Assert.Empty(perCall[1]);
        Assert.Equal([(true, "dat")], perCall[2]);
        Assert.Equal([(true, "a")], perCall[3]);
        Assert.Empty(perCall[4]);
    }

    [Fact]
    public void Update_NestedWithBadClose_FinalFlushesCachedCloseTag()
    {
        using var m = new ThinkTagMatcher();
        m.Update("<think>X<think>Y</thxink>Z</think>");
        Assert.Equal([(true, "X<think>Y</thxink>Z")], Segments(m));
        m.Final();
        Assert.Equal([(true, "</think>")], Segments(m));
    }

    [Fact]
    public void Update_SecondBlockAfterClose_IsPlainText()
    {
        Assert.Equal([(true, "a"), (false, "b<think>c</think>")], Run(["<think>a</think>b<think>c</think>"]));
    }

    [Fact]
    public void Update_Position1_TagAfterOneCharacter()
    {
        Assert.Equal([(false, "a"), (true, "x")], Run(["a<think>x</think>"], position: 1));
    }

    [Fact]
    public void Update_PartialTagThenMismatch_BecomesText()
    {
        Assert.Equal([(false, "<thing>rest")], Run(["<thin", "g>rest"]));
    }

    [Fact]
    public void Update_EmptyUpdates_NoChunks()
    {
        Assert.Equal([(true, "abc")], Run(["<think>", "", "abc"]));
    }

    [Fact]
    public void Update_SurrogatePair_OneCodePoint()
    {
        Assert.Equal([(true, "😀"), (false, "z")], Run(["<think>😀</think>z"]));
    }

    [Fact]
    public void IsPassThrough_AfterFirstNonTagCharacter_True()
    {
        using var m = new ThinkTagMatcher();
        Assert.False(m.IsPassThrough);
        m.Update("Hello");
        Assert.True(m.IsPassThrough);
    }

    // Provider-level vectors (base-openai-compatible-provider.spec.ts) through the OpenAI Chat decoder.
    [Fact]
    public void OpenAiChat_ThinkDeltas_ReasoningThenText()
    {
        List<StreamChunkRecord> chunks = StreamTestData.Decode(StreamFormat.OpenAiChat, Chat("<think>Let me think", " about this</think>", "The answer is 42"));
        Assert.Equal(
            [(StreamChunkType.Reasoning, "Let me think"), (StreamChunkType.Reasoning, " about this"), (StreamChunkType.Text, "The answer is 42")],
            chunks.Select(c => (c.Type, c.Text!)));
    }

    [Fact]
    public void OpenAiChat_TextBeforeThink_AllText()
    {
        List<StreamChunkRecord> chunks = StreamTestData.Decode(StreamFormat.OpenAiChat, Chat("Regular text before ", "<think>Complete thought</think>", " regular text after"));
        Assert.Equal(
            [(StreamChunkType.Text, "Regular text before "), (StreamChunkType.Text, "<think>Complete thought</think>"), (StreamChunkType.Text, " regular text after")],
            chunks.Select(c => (c.Type, c.Text!)));
    }

    [Fact]
    public void OpenAiChat_PlainDeltas_Unchanged()
    {
        List<StreamChunkRecord> chunks = StreamTestData.Decode(StreamFormat.OpenAiChat, Chat("Just regular text", " without reasoning"));
        Assert.Equal(["Just regular text", " without reasoning"], chunks.Select(c => c.Text!));
    }

    internal static string Chat(params string[] deltas) =>
        string.Concat(deltas.Select(d => "data: {\"choices\":[{\"delta\":{\"content\":" + System.Text.Json.JsonSerializer.Serialize(d, StreamingTestJsonContext.Default.String) + "}}]}\n\n")) + "data: [DONE]\n\n";
}
