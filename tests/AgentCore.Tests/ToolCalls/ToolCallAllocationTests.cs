using AgentCore.ToolCalls;

namespace AgentCore.Tests.ToolCalls;

/// <summary>Streaming a call allocates for the text it accumulates, not per delta.</summary>
public sealed class ToolCallAllocationTests
{
    [Fact]
    public void ProcessChunk_TwentyVersusTwoThousandCharDeltas_AllocatesAboutTheSame()
    {
        string args = WriteToFileCorpus.Arguments(200_000);
        string[] small = WriteToFileCorpus.Deltas(args, 20);
        string[] large = WriteToFileCorpus.Deltas(args, 2_000);
        Feed(small); // warm up
        Feed(large);
        long smallBytes = Feed(small);
        long largeBytes = Feed(large);

        // ~10,800 deltas against ~108 (the allocation counter is granular, so the totals differ by a few KB).
        Assert.True(smallBytes - largeBytes < 64 * 1024, $"20-char deltas {smallBytes} B, 2,000-char deltas {largeBytes} B");

        // The accumulated text (2 bytes a char, grown by doubling) and the decoded content dominate.
        Assert.True(smallBytes < args.Length * 2 * 6, $"{smallBytes} B for {args.Length} chars");
    }

    [Fact]
    public void ProcessChunk_SteadyState_NoDeltaAllocates()
    {
        string[] deltas = WriteToFileCorpus.Deltas(WriteToFileCorpus.Arguments(200_000), 20);
        var stream = new ToolCallStream(new NullSink());
        stream.ProcessChunk(0, ToolCallIndex.FromNumber(0), "call_1", "write_to_file", "");
        int allocating = 0;
        foreach (string d in deltas)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            stream.ProcessChunk(1, ToolCallIndex.FromNumber(0), null, null, d);
            if (GC.GetAllocatedBytesForCurrentThread() != before)
            {
                allocating++;
            }
        }

        // Only buffer growth (doubling: a few dozen times) and the first deltas (the tree, the partial) allocate.
        Assert.True(allocating < 60, $"{allocating} of {deltas.Length} deltas allocated");
    }

    private static long Feed(string[] deltas)
    {
        var sink = new NullSink();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var stream = new ToolCallStream(sink);
        stream.ProcessChunk(0, ToolCallIndex.FromNumber(0), "call_1", "write_to_file", "");
        foreach (string d in deltas)
        {
            stream.ProcessChunk(1, ToolCallIndex.FromNumber(0), null, null, d);
        }

        long after = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(deltas.Length, sink.Partials);
        return after - before;
    }

    private sealed class NullSink : IToolCallSink
    {
        public int Partials { get; private set; }

        public void OnEvent(int at, in ToolCallEvent e, bool duplicate)
        {
        }

        public void OnPartial(int at, string id, ToolUse? toolUse) => Partials += toolUse is null ? 0 : 1;

        public void OnFinal(int at, string id, ToolUse? toolUse, ToolCallErrorKind error)
        {
        }

        public void OnBlocks(int at, IReadOnlyList<ToolUse> blocks)
        {
        }
    }
}
