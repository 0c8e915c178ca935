using AgentCore.Parsing;

namespace AgentCore.Tests.Parsing;

/// <summary>Parity spec section 4.4: the 1 MiB message limit and the 102,400-character parameter limit.</summary>
public sealed class AssistantMessageParserLimitTests
{
    [Fact]
    public void ProcessChunk_ExactlyOneMebibyte_IsAccepted()
    {
        var parser = new AssistantMessageParser();
        parser.ProcessChunk(new string('a', AssistantMessageParser.MaxAccumulatorSize - 1));
        parser.ProcessChunk("b");
        Assert.Equal(AssistantMessageParser.MaxAccumulatorSize, parser.Length);
    }

    [Fact]
    public void ProcessChunk_PastOneMebibyte_ThrowsReferenceMessageAndKeepsState()
    {
        var parser = new AssistantMessageParser();
        parser.ProcessChunk("Hello <read_file><path>a</path></read_file>");
        string before = AssistantMessageJson.ToJson(parser.Blocks);
        int length = parser.Length;
        var e = Assert.Throws<AssistantMessageTooLargeException>(
            () => parser.ProcessChunk(new string('x', AssistantMessageParser.MaxAccumulatorSize - length + 1)));
        Assert.Equal("Assistant message exceeds maximum allowed size", e.Message);
        Assert.Equal(length, parser.Length);
        Assert.Equal(before, AssistantMessageJson.ToJson(parser.Blocks));
    }

    [Fact]
    public void ProcessChunk_ChunkCrossingTheLimit_ThrowsOnThatChunkOnly()
    {
        var parser = new AssistantMessageParser();
        string chunk = new('t', 1000);
        int fed = 0;
        Assert.Throws<AssistantMessageTooLargeException>(() =>
        {
            for (int i = 0; i < 2000; i++)
            {
                parser.ProcessChunk(chunk);
                fed += chunk.Length;
            }
        });
        Assert.Equal(1_048_000, fed);
        Assert.Equal(fed, parser.Length);
        Assert.Equal(fed, ((AssistantTextBlock)parser.Blocks[0]).Content.Length);
    }

    [Fact]
    public void ProcessChunk_CommandOverParamLimit_KeepsFirst102400AndClosesTool()
    {
        string input = "<execute_command><command>" + new string('x', 102_405) + "</command></execute_command>";
        foreach (int chunk in new[] { input.Length, 1000, 7, 1 })
        {
            AssistantMessageBlocks blocks = Feed(input, chunk);
            Assert.Equal(2, blocks.Count);
            var tool = (AssistantToolUseBlock)blocks[1];
            Assert.False(tool.Partial);
            Assert.Equal(1, tool.ParamCount);
            Assert.Equal(new string('x', AssistantMessageParser.MaxParamLength), tool.GetParamValue(0));
        }
    }

    [Fact]
    public void ProcessChunk_WriteToFileContentOverParamLimit_LastContentTagRestoresFullContent()
    {
        string input = "<write_to_file><path>big.txt</path><content>" + new string('y', 102_401) + "</content></write_to_file>After tool";
        foreach (int chunk in new[] { input.Length, 997, 10, 1 })
        {
            AssistantMessageBlocks blocks = Feed(input, chunk);
            Assert.Equal(3, blocks.Count);
            var tool = (AssistantToolUseBlock)blocks[1];
            Assert.False(tool.Partial);
            Assert.True(tool.TryGetParam("path", out string? path));
            Assert.Equal("big.txt", path);
            Assert.True(tool.TryGetParam("content", out string? content));
            Assert.Equal(102_401, content.Length);
            var text = (AssistantTextBlock)blocks[2];
            Assert.Equal("After tool", text.Content);
            Assert.True(text.Partial);
        }
    }

    [Fact]
    public void ProcessChunk_ParamAbandonedBeforeATag_TagOpensANewParam()
    {
        // At 102,401 characters the content is abandoned in the middle of "<path>"; the rest of the tag then completes
        // in the tool and opens path (reference behaviour, computed).
        string input = "<write_to_file><content>" + new string('z', 102_399) + "<path>p</path>q</content></write_to_file>";
        foreach (int chunk in new[] { input.Length, 4096, 3 })
        {
            var tool = (AssistantToolUseBlock)Feed(input, chunk)[1];
            Assert.Equal("content", tool.GetParamName(0));
            Assert.Equal(102_414, tool.GetParamValue(0).Length);
            Assert.Equal("path", tool.GetParamName(1));
            Assert.Equal("p", tool.GetParamValue(1));
        }
    }

    [Fact]
    public void ProcessChunk_ParamOfExactlyTheLimit_ClosesNormally()
    {
        // The closing tag counts towards the length: a value of 102,400 - 10 characters plus "</command>" still closes.
        string value = new('v', AssistantMessageParser.MaxParamLength - "</command>".Length);
        var tool = (AssistantToolUseBlock)Feed("<execute_command><command>" + value + "</command><cwd>d</cwd>", 512)[1];
        Assert.Equal(value, tool.GetParamValue(0));
        Assert.Equal("d", tool.GetParamValue(1));

        // One more character and the '>' of "</command>" is the 102,401st: the command is abandoned with its first
        // 102,400 characters (the partial closing tag included), and cwd opens from the tool as before.
        var longer = (AssistantToolUseBlock)Feed("<execute_command><command>v" + value + "</command><cwd>d</cwd>", 512)[1];
        Assert.Equal(2, longer.ParamCount);
        Assert.Equal("v" + value + "</command", longer.GetParamValue(0));
        Assert.Equal("d", longer.GetParamValue(1));
    }

    private static AssistantMessageBlocks Feed(string input, int chunk)
    {
        var parser = new AssistantMessageParser();
        for (int pos = 0; pos < input.Length; pos += chunk)
        {
            parser.ProcessChunk(input.AsSpan(pos, Math.Min(chunk, input.Length - pos)));
        }

        return parser.Blocks;
    }
}
