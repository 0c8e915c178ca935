using AgentCore.Parsing;

namespace AgentCore.Tests.Parsing;

/// <summary>
/// docs/parity.md "Assistant-message parsing": a parameter tag inside a write_to_file's content overwrites the tool's
/// parameter in the reference (vector 27); with fixes on it does not.
/// </summary>
public sealed class AssistantMessageParserFixesTests
{
    private const string Vector27 = "<write_to_file><path>x</path><content>a</content> <path>y</path> b</content></write_to_file>";

    [Fact]
    public void ProcessChunk_PathTagInsideContent_ReferenceOverwritesPath()
    {
        foreach ((string _, int[] sizes) in ParserVectors.Chunkings(Vector27.Length))
        {
            Assert.Equal(
                """[{"type":"text","content":"","partial":false},{"type":"tool_use","name":"write_to_file","params":{"path":"y","content":"a</content> <path>y</path> b"},"partial":false}]""",
                ParserVectors.Feed(Vector27, sizes));
        }
    }

    [Fact]
    public void ProcessChunk_PathTagInsideContentWithFixes_KeepsPath()
    {
        foreach ((string _, int[] sizes) in ParserVectors.Chunkings(Vector27.Length))
        {
            Assert.Equal(
                """[{"type":"text","content":"","partial":false},{"type":"tool_use","name":"write_to_file","params":{"path":"x","content":"a</content> <path>y</path> b"},"partial":false}]""",
                ParserVectors.Feed(Vector27, sizes, fixes: true));
        }
    }

    [Fact]
    public void ProcessChunk_ParamFirstSeenInsideContentWithFixes_IsRemoved()
    {
        const string Input = "<write_to_file><path>x</path><content>a</content><line_count>9</line_count>b</content></write_to_file>";
        Assert.Equal(
            """[{"type":"text","content":"","partial":false},{"type":"tool_use","name":"write_to_file","params":{"path":"x","content":"a</content><line_count>9</line_count>b","line_count":"9"},"partial":false}]""",
            ParserVectors.Feed(Input, [Input.Length]));
        Assert.Equal(
            """[{"type":"text","content":"","partial":false},{"type":"tool_use","name":"write_to_file","params":{"path":"x","content":"a</content><line_count>9</line_count>b"},"partial":false}]""",
            ParserVectors.Feed(Input, [Input.Length], fixes: true));
    }

    [Fact]
    public void ProcessChunk_WithFixesWhileContentIsAmbiguous_ShowsTheTentativeParamUntilTheNextContentTag()
    {
        var parser = new AssistantMessageParser(fixes: true);
        parser.ProcessChunk("<write_to_file><path>x</path><content>a</content> <path>y</path>");
        var tool = (AssistantToolUseBlock)parser.Blocks[1];
        Assert.True(tool.TryGetParam("path", out string? tentative));
        Assert.Equal("y", tentative);
        parser.ProcessChunk(" b</content>");
        Assert.True(tool.TryGetParam("path", out string? path));
        Assert.Equal("x", path);
    }

    [Theory]
    [InlineData("10")]
    [InlineData("17")]
    [InlineData("19")]
    [InlineData("26")]
    [InlineData("30")]
    [InlineData("31")]
    public void ProcessChunk_VectorsWithoutTheDefectWithFixes_EqualReference(string name)
    {
        System.Text.Json.JsonElement v = ParserVectors.Load("parity-vectors.json").Single(x => x.GetProperty("n").GetString() == name);
        string input = v.GetProperty("input").GetString()!;
        foreach ((string _, int[] sizes) in ParserVectors.Chunkings(input.Length))
        {
            Assert.Equal(v.GetProperty("expected").GetString(), ParserVectors.Feed(input, sizes, fixes: true));
        }
    }

    [Fact]
    public void ProcessChunk_RandomVectorsWithFixes_DifferOnlyInWriteToFileParams()
    {
        foreach (System.Text.Json.JsonElement v in ParserVectors.Load("random-vectors.json"))
        {
            string input = v.GetProperty("input").GetString()!;
            var reference = new AssistantMessageParser();
            var corrected = new AssistantMessageParser(fixes: true);
            AssistantMessageBlocks a = reference.ProcessChunk(input);
            AssistantMessageBlocks b = corrected.ProcessChunk(input);
            Assert.Equal(a.Count, b.Count);
            for (int i = 0; i < a.Count; i++)
            {
                Assert.Equal(a[i].Type, b[i].Type);
                Assert.Equal(a[i].Partial, b[i].Partial);
                if (a[i] is AssistantTextBlock ta)
                {
                    Assert.Equal(ta.Content, ((AssistantTextBlock)b[i]).Content);
                    continue;
                }

                var ua = (AssistantToolUseBlock)a[i];
                var ub = (AssistantToolUseBlock)b[i];
                Assert.Equal(ua.Name, ub.Name);
                bool same = ua.ParamCount == ub.ParamCount
                    && Enumerable.Range(0, ua.ParamCount).All(p => ua.GetParamName(p) == ub.GetParamName(p) && ua.GetParamValue(p) == ub.GetParamValue(p));
                if (!same)
                {
                    Assert.Equal("write_to_file", ua.Name);
                    Assert.True(ua.TryGetParam("content", out string? content));
                    Assert.True(ub.TryGetParam("content", out string? fixedContent));
                    Assert.Equal(content, fixedContent);
                }
            }
        }
    }
}
