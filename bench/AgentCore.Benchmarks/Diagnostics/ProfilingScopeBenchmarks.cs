using AgentCore.Diagnostics;
using AgentCore.Tokenization;
using BenchmarkDotNet.Attributes;

namespace AgentCore.Benchmarks.Diagnostics;

/// <summary>
/// What a profiling scope costs in a hot loop: counting the tokens of 2,000 short messages (60-300 bytes, the size of
/// chat messages and tool results) one call each, with one extra scope per call compiled in and off, compiled in and
/// on (recording into the trace buffer), and with no extra scope (baseline). <c>Tokenizer.CountTokensUtf8</c> carries
/// its own scope in all three, so "off" vs "none" is exactly the cost of one disabled scope per call.
/// A second pair times an empty scope alone (ns per scope).
/// </summary>
/// <remarks>The figures are in docs/performance.md (Observability).</remarks>
[MemoryDiagnoser]
[ShortRunJob]
public class ProfilingScopeBenchmarks
{
    private byte[][] _messages = [];

    [GlobalSetup]
    public void Setup()
    {
        _messages = ShortMessages.Create();
    }

    [IterationSetup(Target = nameof(ScopesOn))]
    public void StartProfiler() => Profiler.Start(capacity: 1 << 16);

    [IterationCleanup(Target = nameof(ScopesOn))]
    public void StopProfiler() => Profiler.StopAndWrite(Stream.Null);

    [Benchmark(Baseline = true, Description = "token counting, no extra scope")]
    public long NoScope()
    {
        long total = 0;
        foreach (byte[] m in _messages)
        {
            total += Tokenizer.O200kBase.CountTokensUtf8(m);
        }

        return total;
    }

    [Benchmark(Description = "token counting, scope per call, profiler off")]
    public long ScopesOff()
    {
        long total = 0;
        foreach (byte[] m in _messages)
        {
            using ProfileScope scope = Profiler.Scope("bench.message");
            total += Tokenizer.O200kBase.CountTokensUtf8(m);
        }

        return total;
    }

    [Benchmark(Description = "token counting, scope per call, profiler on")]
    public long ScopesOn()
    {
        long total = 0;
        foreach (byte[] m in _messages)
        {
            using ProfileScope scope = Profiler.Scope("bench.message");
            total += Tokenizer.O200kBase.CountTokensUtf8(m);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = 1_000, Description = "empty scope, profiler off (per scope)")]
    public int EmptyScopeOff()
    {
        int n = 0;
        for (int i = 0; i < 1_000; i++)
        {
            using ProfileScope scope = Profiler.Scope("bench.empty");
            n += i;
        }

        return n;
    }
}
