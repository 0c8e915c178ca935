using System.Text;
using AgentCore.Conversations;
using AgentCore.Memory;
using AgentCore.Tokenization;
using BenchmarkDotNet.Attributes;

namespace AgentCore.Benchmarks.Conversations;

// BenchmarkDotNet v0.15.8, Debian GNU/Linux 12, AMD EPYC 2.60GHz, 2 cores (shared), .NET 10.0.12, ShortRun
// | Method                               | Mean          | Ratio | Allocated   | Alloc Ratio |
// |------------------------------------- |--------------:|------:|------------:|------------:|
// | ListString_AppendEstimateEach        | 1,239.3 ms    |  1.00 | 42,721,776 B|        1.00 |
// | Arena_AppendEstimateEach             | 1,264.8 ms    |  1.02 |    839,240 B|        0.02 |
// | ListString_EstimateOnly_10k          |     5,093.7 ns|     - |           - |           - |
// | Arena_EstimateOnly_10k               |         0.26 ns|    - |           - |           - |
// | Arena_AppendEstimateEach_NoPoolReuse | 1,226.6 ms    |  0.99 | 23,391,992 B|        0.55 |
// retained per 1 M chars: List<string> 2,017,115 B (2.02x UTF-8), arena 1,092,821 B (1.09x UTF-8)

/// <summary>
/// The seed's "before / after arena" benchmark: append 10,000 messages (prose-like text, 200–4,000 chars like the extension's tool results and environment details, arriving as
/// UTF-8) and compute the whole-history context estimate after each append.
/// Baseline: a plain <c>List&lt;string&gt;</c> (one string per message) with a parallel list of cached token counts
/// summed for every estimate (O(n) per estimate). Arena: <see cref="Conversation"/> (UTF-8 JSON in pooled
/// segments, running token total: O(1) per estimate). Both tokenize each message once with the same tokenizer.
/// Memory per 1 M characters of history is printed by the global setup (retained bytes after a full GC).
/// Results and the command are in docs/performance.md (Conversations).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ConversationBenchmarks
{
    private const int Messages = 10_000;
    private byte[][] _utf8 = [];
    private readonly ArenaSegmentPool _pool = new(maxRetainedSegments: 1024);
    private List<int> _fullCounts = [];
    private Conversation _full = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20);
        _utf8 = new byte[Messages][];
        long chars = 0;
        for (int i = 0; i < Messages; i++)
        {
            string text = Prose(random, 200 + random.Next(3800));
            chars += text.Length;
            _utf8[i] = Encoding.UTF8.GetBytes(text);
        }

        long utf8Bytes = _utf8.Sum(b => (long)b.Length);
        _fullCounts = [.. _utf8.Select(b => Tokenizer.O200kBase.CountTokensUtf8(b))];
        _full = new Conversation();
        foreach (byte[] b in _utf8)
        {
            _full.Append(MessageRole.User, b);
        }

        (long listBytes, long arenaBytes, long arenaReported) = MeasureRetained();
        double perMillion = 1_000_000.0 / chars;
        Console.WriteLine($"// {Messages} messages, {chars} chars, {utf8Bytes} UTF-8 bytes");
        Console.WriteLine($"// retained per 1 M chars: List<string> {listBytes * perMillion:F0} B ({(double)listBytes / utf8Bytes:F2}x UTF-8), " +
            $"arena {arenaBytes * perMillion:F0} B ({(double)arenaBytes / utf8Bytes:F2}x UTF-8; Conversation.MemoryBytes {arenaReported * perMillion:F0} B)");
        Console.WriteLine($"// arena bytes per message beyond the UTF-8 text: {(double)(arenaBytes - utf8Bytes) / Messages:F1}");
    }

    [Benchmark(Baseline = true)]
    public long ListString_AppendEstimateEach()
    {
        var messages = new List<string>();
        var counts = new List<int>();
        long last = 0;
        Tokenizer o200k = Tokenizer.O200kBase;
        foreach (byte[] utf8 in _utf8)
        {
            messages.Add(Encoding.UTF8.GetString(utf8));
            counts.Add(o200k.CountTokensUtf8(utf8));
            long sum = 0;
            foreach (int c in counts)
            {
                sum += c;
            }

            last = TokenEstimator.ApplyFudgeFactor(sum);
        }

        return last + messages.Count;
    }

    [Benchmark]
    public long Arena_AppendEstimateEach()
    {
        using var conversation = new Conversation(new ConversationOptions { SegmentPool = _pool });
        long last = 0;
        for (int i = 0; i < _utf8.Length; i++)
        {
            conversation.Append((i & 1) == 0 ? MessageRole.User : MessageRole.Assistant, _utf8[i], 1731400000000 + i);
            last = conversation.EstimateTokenCount();
        }

        return last + conversation.Count;
    }

    /// <summary>The estimate alone on the full 10,000-message history: summing cached counts (O(n)).</summary>
    [Benchmark]
    public long ListString_EstimateOnly_10k()
    {
        long sum = 0;
        foreach (int c in _fullCounts)
        {
            sum += c;
        }

        return TokenEstimator.ApplyFudgeFactor(sum);
    }

    /// <summary>The estimate alone on the full 10,000-message history: the running total (O(1)).</summary>
    [Benchmark]
    public long Arena_EstimateOnly_10k() => _full.EstimateTokenCount();

    [Benchmark]
    public long Arena_AppendEstimateEach_NoPoolReuse()
    {
        using var conversation = new Conversation(new ConversationOptions { SegmentPool = new ArenaSegmentPool(maxRetainedSegments: 0) });
        long last = 0;
        for (int i = 0; i < _utf8.Length; i++)
        {
            conversation.Append((i & 1) == 0 ? MessageRole.User : MessageRole.Assistant, _utf8[i], 1731400000000 + i);
            last = conversation.EstimateTokenCount();
        }

        return last + conversation.Count;
    }

    private (long List, long Arena, long ArenaReported) MeasureRetained()
    {
        // Tokenize everything once first: the tokenizer's own caches must not be charged to either side.
        foreach (byte[] b in _utf8)
        {
            Tokenizer.O200kBase.CountTokensUtf8(b);
        }

        long before = GC.GetTotalMemory(forceFullCollection: true);
        var list = new List<string>(0);
        foreach (byte[] b in _utf8)
        {
            list.Add(Encoding.UTF8.GetString(b));
        }

        long listBytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(list);
        list = null!;

        before = GC.GetTotalMemory(forceFullCollection: true);
        var conversation = new Conversation(new ConversationOptions { SegmentPool = new ArenaSegmentPool(maxRetainedSegments: 0) });
        for (int i = 0; i < _utf8.Length; i++)
        {
            conversation.Append(MessageRole.User, _utf8[i], 1731400000000 + i);
        }

        long arenaBytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        long reported = conversation.MemoryBytes;
        GC.KeepAlive(conversation);
        return (listBytes, arenaBytes, reported);
    }

    private static string Prose(Random random, int length)
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
