using System.Text;
using AgentCore.Conversations;
using AgentCore.Memory;

namespace AgentCore.Tests.Memory;

public sealed class Utf8ArenaTests
{
    [Fact]
    public void Append_SmallRuns_ShareSegmentsAndReadBack()
    {
        var pool = new ArenaSegmentPool();
        using var arena = new Utf8Arena(pool);
        var slices = new List<ArenaSlice>();
        for (int i = 0; i < 1000; i++)
        {
            slices.Add(arena.Append(Encoding.UTF8.GetBytes($"message {i} é")));
        }

        Assert.Equal(1, arena.SegmentCount);
        for (int i = 0; i < 1000; i++)
        {
            Assert.Equal($"message {i} é", Encoding.UTF8.GetString(slices[i].Span));
        }
    }

    [Fact]
    public void Append_LargeRun_GetsExactArrayAndSmallOnesKeepFilling()
    {
        var pool = new ArenaSegmentPool();
        using var arena = new Utf8Arena(pool);
        arena.Append(new byte[10]);
        ArenaSlice big = arena.Append(new byte[100_000]);
        arena.Append(new byte[10]);
        Assert.Equal(100_000, big.Length);
        Assert.Equal(2, arena.SegmentCount);
        Assert.Equal(ArenaSegmentPool.DefaultSegmentSize + 100_000, arena.CapacityBytes);
    }

    [Fact]
    public void Clear_ThenRefill_ReusesPooledSegments()
    {
        var pool = new ArenaSegmentPool();
        using var arena = new Utf8Arena(pool);
        byte[] run = new byte[1000];
        for (int i = 0; i < 500; i++)
        {
            arena.Append(run);
        }

        long segments = pool.SegmentsAllocated;
        Assert.Equal(8, segments); // 500,000 bytes in 64 KiB segments (65 runs of 1000 per segment)
        arena.Clear();
        Assert.Equal(8, pool.FreeCount);
        for (int i = 0; i < 500; i++)
        {
            arena.Append(run);
        }

        Assert.Equal(segments, pool.SegmentsAllocated);
    }

    [Fact]
    public void Conversation_ClearThenSameHistory_AllocatesOnlyCountingScratch()
    {
        var pool = new ArenaSegmentPool();
        using var c = new Conversation(new ConversationOptions { SegmentPool = pool });
        byte[][] messages = MakeMessages(2000);
        Fill(c, messages);
        long segments = pool.SegmentsAllocated;
        c.Clear();

        long before = GC.GetAllocatedBytesForCurrentThread();
        Fill(c, messages);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(segments, pool.SegmentsAllocated); // every segment came back from the pool
        Assert.True(allocated < 64 * 1024, $"refilling a cleared conversation allocated {allocated} bytes");
    }

    // A conversation's memory is its text (UTF-8) within 10 %, plus a fixed overhead per message: the JSON
    // wrapper {"role":"user","content":[{"type":"text","text":""}],"ts":1731400000000} (≈ 75 bytes) and the
    // 24-byte entry (≤ 48 with the table's doubling).
    public const int PerMessageOverhead = 128;

    [Fact]
    public void Conversation_TenThousandMessages_WithinTenPercentOfTextPlusOverhead()
    {
        var pool = new ArenaSegmentPool();
        using var c = new Conversation(new ConversationOptions { SegmentPool = pool });
        long textBytes = 0;
        var random = new Random(6);
        for (int i = 0; i < 10_000; i++)
        {
            string text = Text(random, 50 + random.Next(400));
            textBytes += Encoding.UTF8.GetByteCount(text);
            c.Append(i % 2 == 0 ? MessageRole.User : MessageRole.Assistant, text, 1731400000000 + i);
        }

        long limit = (long)(textBytes * 1.10) + ((long)PerMessageOverhead * c.Count);
        Assert.True(c.MemoryBytes <= limit, $"{c.MemoryBytes} bytes for {textBytes} bytes of text in {c.Count} messages (limit {limit})");
    }

    private static void Fill(Conversation c, byte[][] messages)
    {
        foreach (byte[] m in messages)
        {
            c.AppendJson(m);
        }
    }

    private static byte[][] MakeMessages(int n)
    {
        var random = new Random(1);
        var result = new byte[n][];
        for (int i = 0; i < n; i++)
        {
            result[i] = Encoding.UTF8.GetBytes($$"""{"role":"user","content":[{"type":"text","text":"{{Text(random, 200).Replace("\n", "\\n", StringComparison.Ordinal)}}"}],"ts":{{i}}}""");
        }

        return result;
    }

    // Prose-like text: words, spaces, some newlines (escaped as \n in JSON: the escapes are part of the cost).
    internal static string Text(Random random, int length)
    {
        var sb = new StringBuilder(length);
        while (sb.Length < length)
        {
            int word = 2 + random.Next(8);
            for (int i = 0; i < word; i++)
            {
                sb.Append((char)('a' + random.Next(26)));
            }

            sb.Append(random.Next(12) == 0 ? '\n' : ' ');
        }

        return sb.ToString(0, length);
    }
}
