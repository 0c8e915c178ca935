using System.Diagnostics;
using System.Globalization;

namespace AgentCore.Benchmarks.Diagnostics;

/// <summary>
/// <c>scope-cost [rounds]</c>: the two variants of <see cref="ScopeCostBenchmarks"/> (scopes compiled in and off vs
/// folded out by the feature switch) in interleaved child processes, alternating which goes first each round, the
/// minimum per loop and variant kept. BenchmarkDotNet runs one variant's process after the other, so on a shared
/// machine a change of load between the two shows up as a difference; interleaving many short processes exposes both
/// variants to the same load, and the minimum keeps the least disturbed run of each.
/// </summary>
internal static class ScopeCostHarness
{
    private const string Variable = "AGENTCORE_BENCH_PROFILER_SUPPORTED";
    private static readonly string[] s_loops = ["token counting (2,000 messages, scope per message)", "stream decoding (5 bodies, scope per 512-byte read)", "parsing (write_to_file reply, scope per 20-char chunk)"];

    public static void Run(int rounds)
    {
        string self = Environment.ProcessPath ?? throw new InvalidOperationException("scope-cost: the path of this executable is unknown");
        var folded = new double[s_loops.Length];
        var compiled = new double[s_loops.Length];
        Array.Fill(folded, double.MaxValue);
        Array.Fill(compiled, double.MaxValue);
        for (int r = 0; r < rounds; r++)
        {
            foreach (bool supported in r % 2 == 0 ? new[] { false, true } : [true, false])
            {
                double[] t = Child(self, supported);
                double[] into = supported ? compiled : folded;
                for (int i = 0; i < into.Length; i++)
                {
                    into[i] = Math.Min(into[i], t[i]);
                }
            }

            Console.Error.Write($"\rscope-cost: round {r + 1}/{rounds}");
        }

        Console.Error.WriteLine();
        Console.WriteLine($"scope-cost: {rounds} rounds x 2 processes, interleaved; minimum per loop and variant (each process: 1 s warm-up, then the best of 1.5 s of runs)");
        Console.WriteLine($"  {"loop",-58} {"folded out",12} {"compiled in, off",18} {"ratio",8}");
        for (int i = 0; i < s_loops.Length; i++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {s_loops[i],-58} {folded[i] * 1e6,9:0.0} µs {compiled[i] * 1e6,15:0.0} µs {compiled[i] / folded[i],8:0.000}"));
        }
    }

    /// <summary>In the child: times each loop of <see cref="ScopeCostBenchmarks"/> and prints the best seconds, one line each.</summary>
    public static void RunChild()
    {
        var b = new ScopeCostBenchmarks();
        b.Setup();
        long check = 0;
        Console.WriteLine(Best(() => check += b.TokenCounting()).ToString("R", CultureInfo.InvariantCulture));
        Console.WriteLine(Best(() => check += b.StreamDecoding()).ToString("R", CultureInfo.InvariantCulture));
        Console.WriteLine(Best(() => check += b.Parsing()).ToString("R", CultureInfo.InvariantCulture));
        GC.KeepAlive(check);
    }

    private static double[] Child(string self, bool supported)
    {
        var psi = new ProcessStartInfo(self, "scope-cost-child") { RedirectStandardOutput = true, UseShellExecute = false };
        psi.Environment[Variable] = supported ? "true" : "false";
        using Process p = Process.Start(psi) ?? throw new InvalidOperationException($"scope-cost: {self} could not be started");
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"scope-cost: the child process ({Variable}={supported}) exited with {p.ExitCode}");
        }

        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => double.Parse(l, CultureInfo.InvariantCulture))];
    }

    private static double Best(Action work)
    {
        // Warm-up long enough for tiered compilation to replace the loop's methods with their optimized (tier-1) code,
        // where the static readonly switch is a constant.
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(1))
        {
            work();
        }

        double best = double.MaxValue;
        clock.Restart();
        for (int runs = 0; runs < 5 || clock.Elapsed < TimeSpan.FromSeconds(1.5); runs++)
        {
            long start = Stopwatch.GetTimestamp();
            work();
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        return best;
    }
}
