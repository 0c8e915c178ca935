using System.Text.Json;
using AgentCore.Parsing;

namespace AgentCore.Tests.Parsing;

/// <summary>Parity spec section 4.6: every vector, fed whole, one character at a time and in random 1–10 chunks.</summary>
public sealed class AssistantMessageParserVectorTests
{
    private static readonly IReadOnlyList<JsonElement> s_parity = ParserVectors.Load("parity-vectors.json");
    private static readonly IReadOnlyList<JsonElement> s_random = ParserVectors.Load("random-vectors.json");

    public static TheoryData<string> ParityVectorNames()
    {
        var data = new TheoryData<string>();
        foreach (JsonElement v in s_parity)
        {
            data.Add(v.GetProperty("n").GetString()!);
        }

        return data;
    }

    public static TheoryData<int> RandomVectorIndexes()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < s_random.Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ParityVectorNames))]
    public void ProcessChunk_ParityVectorAnyChunking_EqualsReference(string name)
    {
        JsonElement v = s_parity.Single(x => x.GetProperty("n").GetString() == name);
        string input = v.GetProperty("input").GetString()!;
        foreach ((string chunking, int[] sizes) in ParserVectors.Chunkings(input.Length))
        {
            Assert.True(v.GetProperty("expected").GetString() == ParserVectors.Feed(input, sizes), $"vector {name}, chunking {chunking}");
            Assert.True(v.GetProperty("finalized").GetString() == ParserVectors.Feed(input, sizes, finalize: true), $"vector {name} finalized, chunking {chunking}");
        }
    }

    [Theory]
    [MemberData(nameof(RandomVectorIndexes))]
    public void ProcessChunk_RandomVectorAnyChunking_EqualsReference(int index)
    {
        JsonElement v = s_random[index];
        string input = v.GetProperty("input").GetString()!;
        foreach ((string chunking, int[] sizes) in ParserVectors.Chunkings(input.Length))
        {
            Assert.True(v.GetProperty("final").GetString() == ParserVectors.Feed(input, sizes), $"chunking {chunking}");
            Assert.True(v.GetProperty("finalized").GetString() == ParserVectors.Feed(input, sizes, finalize: true), $"finalized, chunking {chunking}");
        }
    }

    [Fact]
    public void ProcessChunk_RandomVectorsAfterEveryChunk_EqualReferenceSnapshots()
    {
        int checkedCases = 0;
        foreach (JsonElement v in s_random)
        {
            if (!v.TryGetProperty("snapshots", out JsonElement snapshots))
            {
                continue;
            }

            string input = v.GetProperty("input").GetString()!;
            var parser = new AssistantMessageParser();
            int pos = 0;
            int k = 0;
            foreach (JsonElement size in v.GetProperty("chunks").EnumerateArray())
            {
                int n = size.GetInt32();
                AssistantMessageBlocks blocks = parser.ProcessChunk(input.AsSpan(pos, n));
                pos += n;
                Assert.Equal(snapshots[k++].GetString(), AssistantMessageJson.ToJson(blocks));
            }

            checkedCases++;
        }

        Assert.Equal(40, checkedCases);
    }

    [Fact]
    public void ProcessChunk_SpecStreamingSnapshots_ShowLiveRawParams()
    {
        var parser = new AssistantMessageParser();
        (string Chunk, string Json)[] steps =
        [
            ("Let me ", """[{"type":"text","content":"Let me","partial":true}]"""),
            ("read. <re", """[{"type":"text","content":"Let me read. <re","partial":true}]"""),
            ("ad_file><pa", """[{"type":"text","content":"Let me read.","partial":false},{"type":"tool_use","name":"read_file","params":{},"partial":true}]"""),
            ("th>src/", """[{"type":"text","content":"Let me read.","partial":false},{"type":"tool_use","name":"read_file","params":{"path":"src/"},"partial":true}]"""),
            ("a.ts</pa", """[{"type":"text","content":"Let me read.","partial":false},{"type":"tool_use","name":"read_file","params":{"path":"src/a.ts</pa"},"partial":true}]"""),
            ("th></read_file>", """[{"type":"text","content":"Let me read.","partial":false},{"type":"tool_use","name":"read_file","params":{"path":"src/a.ts"},"partial":false}]"""),
        ];
        foreach ((string chunk, string json) in steps)
        {
            Assert.Equal(json, AssistantMessageJson.ToJson(parser.ProcessChunk(chunk)));
        }
    }

    [Fact]
    public void ProcessChunk_ParamJustOpened_IsAbsentUntilItsFirstCharacter()
    {
        var parser = new AssistantMessageParser();
        var tool = (AssistantToolUseBlock)parser.ProcessChunk("<read_file><path>")[1];
        Assert.Equal(0, tool.ParamCount);
        parser.ProcessChunk("s");
        Assert.Equal(1, tool.ParamCount);
        Assert.Equal("s", tool.GetParamValue(0));
    }

    [Fact]
    public void ProcessChunk_ReturnedBlocks_KeepTheirCountButShareLiveBlocks()
    {
        var parser = new AssistantMessageParser();
        AssistantMessageBlocks first = parser.ProcessChunk("Hi <read_file><path>a");
        parser.ProcessChunk("b</path></read_file> after");
        Assert.Equal(2, first.Count);
        var tool = (AssistantToolUseBlock)first[1];
        Assert.False(tool.Partial);
        Assert.True(tool.TryGetParam("path", out string? path));
        Assert.Equal("ab", path);
        Assert.Equal(3, parser.Blocks.Count);
    }

    [Fact]
    public void FinalizeContentBlocks_OpenParam_KeepsRawValueAndClearsPartial()
    {
        var parser = new AssistantMessageParser();
        parser.ProcessChunk("Text <read_file><path>  src/file.ts  ");
        parser.FinalizeContentBlocks();
        Assert.Equal(
            """[{"type":"text","content":"Text","partial":false},{"type":"tool_use","name":"read_file","params":{"path":"  src/file.ts  "},"partial":false}]""",
            AssistantMessageJson.ToJson(parser.Blocks));
    }

    [Fact]
    public void Reset_AfterInput_StartsAnEmptyMessage()
    {
        var parser = new AssistantMessageParser();
        AssistantMessageBlocks before = parser.ProcessChunk("old text");
        parser.Reset();
        Assert.Equal(0, parser.Length);
        Assert.Empty(parser.Blocks);
        Assert.Equal("[]", AssistantMessageJson.ToJson(parser.Blocks));
        parser.ProcessChunk("<read_file><path>a</path></read_file>");
        Assert.Equal("old text", ((AssistantTextBlock)before[0]).Content);
        Assert.Equal(2, parser.Blocks.Count);
    }
}
