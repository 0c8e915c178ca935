using System.Text;
using AgentCore.Parsing;

namespace AgentCore.Tests.Parsing;

/// <summary>Allocations depend on the message, not on how it was chunked.</summary>
public sealed class AssistantMessageParserAllocationTests
{
    [Fact]
    public void ProcessChunk_OneCharVersusTwentyCharChunks_AllocatesTheSame()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 40; i++)
        {
            sb.Append("Step ").Append(i).Append(":\n<read_file><path>src/f").Append(i).Append(".ts</path></read_file>\n");
            sb.Append("<write_to_file><path>out.txt</path><content>\nline <b>bold</b>\n</content><line_count>1</line_count></write_to_file>\n");
        }

        string text = sb.ToString();
        Feed(text, 20); // warm up (static tables, JIT)
        long oneChar = Feed(text, 1);
        long twentyChars = Feed(text, 20);
        long whole = Feed(text, text.Length);
        Assert.Equal(oneChar, twentyChars);
        Assert.True(whole <= twentyChars, $"whole {whole} > chunked {twentyChars}");
    }

    private static long Feed(string text, int chunk)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var parser = new AssistantMessageParser();
        for (int pos = 0; pos < text.Length; pos += chunk)
        {
            parser.ProcessChunk(text.AsSpan(pos, Math.Min(chunk, text.Length - pos)));
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(161, parser.Blocks.Count);
        return allocated;
    }
}
