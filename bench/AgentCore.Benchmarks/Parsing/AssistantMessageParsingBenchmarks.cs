// Last run (docs/performance.md, "Assistant-message parsing"): BenchmarkDotNet 0.15.8, ShortRun, AMD EPYC 2.60GHz,
// 2 cores shared with other builds, .NET 10.0.12, X64 RyuJIT x86-64-v4.
//
// StreamedReplyBenchmarks (19,619 chars)
// | Method                               | Mean         | Ratio | Allocated   |
// |------------------------------------- |-------------:|------:|------------:|
// | 'V1 re-parse per 20-char chunk'      | 78,875.75 us | 1.002 | 51684.05 KB |
// | 'AgentCore, 20-char chunks'          |     39.59 us | 0.001 |    64.47 KB |
// | 'AgentCore, 1-char chunks'           |    308.13 us | 0.004 |    64.47 KB |
// | 'AgentCore, whole reply'             |     15.38 us | 0.000 |    64.47 KB |
// | 'V1 single parse of the whole reply' |     95.09 us | 0.001 |    52.76 KB |
//
// LargeReplyBenchmarks
// | Method                               | Length  | Mean       | Ratio | Allocated  |
// |------------------------------------- |-------- |-----------:|------:|-----------:|
// | 'V1 single parse of the whole reply' | 65536   |   384.0 us |  1.00 |  211.07 KB |
// | 'AgentCore, 20-char chunks'          | 65536   |   148.0 us |  0.39 |  131.73 KB |
// | 'AgentCore, whole reply'             | 65536   |   112.4 us |  0.29 |  131.73 KB |
// | 'V1 single parse of the whole reply' | 262144  | 1,577.2 us |  1.00 |  803.64 KB |
// | 'AgentCore, 20-char chunks'          | 262144  |   366.6 us |  0.23 |  524.84 KB |
// | 'AgentCore, whole reply'             | 262144  |   377.3 us |  0.24 |  524.58 KB |
// | 'V1 single parse of the whole reply' | 1048576 | 5,554.5 us |  1.00 | 3282.99 KB |
// | 'AgentCore, 20-char chunks'          | 1048576 | 2,339.1 us |  0.42 | 2099.73 KB |
// | 'AgentCore, whole reply'             | 1048576 |   776.2 us |  0.14 | 2100.07 KB |

using AgentCore.Parsing;
using BenchmarkDotNet.Attributes;

using AgentCore.Diagnostics.Workloads;

namespace AgentCore.Benchmarks.Parsing;

/// <summary>
/// The 19.6 K-character reply streamed in 20-character chunks (981 chunks), parsed after every chunk:
/// the extension's old way (V1 re-parse of the whole accumulated text per chunk, ported) vs AgentCore's incremental
/// parser, plus AgentCore at other chunk sizes to show allocations do not depend on the chunk count.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class StreamedReplyBenchmarks
{
    private string _reply = "";

    [GlobalSetup]
    public void Setup()
    {
        _reply = ReplyCorpus.WriteToFileReply();
        ParsingBenchmarkChecks.SameBlocks(_reply);
    }

    [Benchmark(Baseline = true, Description = "V1 re-parse per 20-char chunk")]
    public int V1ReparsePerChunk() => ParsingBenchmarkChecks.V1ReparsePerChunk(_reply, 20);

    [Benchmark(Description = "AgentCore, 20-char chunks")]
    public int AgentCore20() => ParsingBenchmarkChecks.Incremental(_reply, 20);

    [Benchmark(Description = "AgentCore, 1-char chunks")]
    public int AgentCore1() => ParsingBenchmarkChecks.Incremental(_reply, 1);

    [Benchmark(Description = "AgentCore, whole reply")]
    public int AgentCoreWhole() => ParsingBenchmarkChecks.Incremental(_reply, _reply.Length);

    [Benchmark(Description = "V1 single parse of the whole reply")]
    public int V1Single() => V1AssistantMessageParser.Parse(_reply).Count;
}

/// <summary>
/// Growth to the 1 MiB limit: AgentCore's incremental parser in 20-character chunks at 64 K, 256 K and 1 MiB
/// (time per character should stay flat), and one V1 parse of the whole text (the baseline re-parse per chunk costs
/// about chunks/2 of those; at 1 MiB and 20-character chunks that is ~26,000 full parses, too long to run).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class LargeReplyBenchmarks
{
    private string _reply = "";

    [Params(65_536, 262_144, 1_048_576)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _reply = ReplyCorpus.MixedReply(Length);
        ParsingBenchmarkChecks.SameBlocks(_reply);
    }

    [Benchmark(Baseline = true, Description = "V1 single parse of the whole reply")]
    public int V1Single() => V1AssistantMessageParser.Parse(_reply).Count;

    [Benchmark(Description = "AgentCore, 20-char chunks")]
    public int AgentCore20() => ParsingBenchmarkChecks.Incremental(_reply, 20);

    [Benchmark(Description = "AgentCore, whole reply")]
    public int AgentCoreWhole() => ParsingBenchmarkChecks.Incremental(_reply, _reply.Length);
}

/// <summary>Shared bodies and the setup check that baseline and AgentCore agree on the corpus.</summary>
public static class ParsingBenchmarkChecks
{
    public static int Incremental(string reply, int chunk)
    {
        var parser = new AssistantMessageParser();
        int count = 0;
        for (int pos = 0; pos < reply.Length; pos += chunk)
        {
            count = parser.ProcessChunk(reply.AsSpan(pos, Math.Min(chunk, reply.Length - pos))).Count;
        }

        return count;
    }

    public static int V1ReparsePerChunk(string reply, int chunk)
    {
        int count = 0;
        for (int pos = chunk; ; pos += chunk)
        {
            int end = Math.Min(pos, reply.Length);
            count = V1AssistantMessageParser.Parse(reply[..end]).Count;
            if (end == reply.Length)
            {
                return count;
            }
        }
    }

    /// <summary>Throws unless the V1 port and AgentCore give the same blocks for <paramref name="reply"/>.</summary>
    public static void SameBlocks(string reply)
    {
        List<V1Block> v1 = V1AssistantMessageParser.Parse(reply);
        var parser = new AssistantMessageParser();
        AssistantMessageBlocks blocks = parser.ProcessChunk(reply);
        int j = 0;
        foreach (AssistantMessageBlock block in blocks)
        {
            if (j >= v1.Count)
            {
                throw new InvalidOperationException($"V1 port has {v1.Count} blocks, AgentCore more");
            }

            V1Block b = v1[j++];
            bool same = block switch
            {
                AssistantTextBlock t => b.Name is null && b.Content == t.Content && b.Partial == t.Partial,
                AssistantToolUseBlock u => b.Name == u.Name && b.Partial == u.Partial && b.Params.Count == u.ParamCount
                    && Enumerable.Range(0, u.ParamCount).All(p => b.Params[p].Key == u.GetParamName(p) && b.Params[p].Value == u.GetParamValue(p)),
                _ => false,
            };
            if (!same)
            {
                throw new InvalidOperationException($"V1 port and AgentCore differ at block {j - 1}");
            }
        }

        if (j != v1.Count)
        {
            throw new InvalidOperationException($"V1 port has {v1.Count} blocks, AgentCore matched {j}");
        }
    }
}
