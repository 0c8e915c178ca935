using System.Diagnostics;
using AgentCore.Diagnostics;

namespace AgentCore.Benchmarks.Diagnostics;

/// <summary>
/// <c>scope-overhead [rounds]</c>: the three variants of <see cref="ProfilingScopeBenchmarks"/> timed in interleaved
/// rounds (none, off, on, none, off, on, ...) and the minimum of each kept. On a busy machine the minimum of many
/// interleaved rounds is far steadier than a mean, and interleaving exposes every variant to the same load.
/// </summary>
internal static class ScopeOverheadHarness
{
    public static void Run(int rounds)
    {
        var b = new ProfilingScopeBenchmarks();
        b.Setup();
        double none = double.MaxValue, off = double.MaxValue, on = double.MaxValue;
        long check = b.NoScope() + b.ScopesOff();
        for (int r = 0; r < rounds; r++)
        {
            none = Math.Min(none, Time(() => check += b.NoScope()));
            off = Math.Min(off, Time(() => check += b.ScopesOff()));
            b.StartProfiler();
            on = Math.Min(on, Time(() => check += b.ScopesOn()));
            b.StopProfiler();
        }

        Console.WriteLine($"scope-overhead: {rounds} interleaved rounds, minimum per variant, 2,000 token counts (60-300 bytes) per round (checksum {check})");
        Console.WriteLine($"  no extra scope (baseline)   {none * 1e3,9:0.000} ms  {none / 2000 * 1e9,8:0} ns/call");
        Console.WriteLine($"  scope per call, off         {off * 1e3,9:0.000} ms  {off / 2000 * 1e9,8:0} ns/call  {(off / none - 1) * 100,6:+0.00;-0.00} %");
        Console.WriteLine($"  scope per call, on          {on * 1e3,9:0.000} ms  {on / 2000 * 1e9,8:0} ns/call  {(on / none - 1) * 100,6:+0.00;-0.00} %");

        // 100 rounds of the empty loop take a few milliseconds: without a warm-up they all run the unoptimized (tier-0)
        // code, where Profiler.Scope is a call, not an inlined flag test.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(1))
        {
            check += b.EmptyScopeOff();
        }

        double empty = double.MaxValue;
        for (int r = 0; r < rounds; r++)
        {
            empty = Math.Min(empty, Time(() => check += b.EmptyScopeOff()) / 1000);
        }

        Console.WriteLine($"  empty scope, off            {empty * 1e9,9:0.00} ns per scope (1,000 per round, minimum of {rounds})");
        GC.KeepAlive(Profiler.IsEnabled);
    }

    private static double Time(Action a)
    {
        long start = Stopwatch.GetTimestamp();
        a();
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }
}
