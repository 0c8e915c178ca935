using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace AgentCore.Benchmarks;

/// <summary>
/// <c>compare [--baseline FILE] [--results FILE] [--update]</c>: runs the fast subset of the suite and compares it
/// with the committed baseline (bench/baseline.json). Allocated bytes per operation must not grow at all (exit 1:
/// the CI gate); mean times more than 5 % above the baseline are reported, not failed (timings depend on the machine
/// and its load; compare times only on a quiet machine, see docs/performance.md). <c>--update</c> rewrites the
/// baseline from this run.
/// </summary>
internal static class RegressionCompare
{
    private const double TimeTolerance = 0.05;

    // BenchmarkDotNet reports allocated bytes per operation as a total divided by the operation count, so a figure can
    // move by a few bytes between runs (runtime allocations amortized over few operations: 0 -> 12 bytes measured on
    // the loaded shared machine). A real regression allocates at least one more object per operation (24 bytes or
    // more on x64), so growth of more than 16 bytes per operation fails. Benchmarks that allocate megabytes per operation
    // over few operations move by more (StringInterningBenchmarks.Interned: 2,570,056 -> 2,570,745 bytes between two runs
    // of the same build, +0.03 %): for them the slack is 0.1 % of the baseline.
    private const long AllocationSlackBytes = 16;
    private const double AllocationSlackRatio = 0.001;

    // Peers and ported baselines are compared for information only: their allocations are not AgentCore's to gate
    // (the OpenAI SDK's moved by 47 bytes per event between two runs of the same build).
    private static readonly HashSet<string> s_reportOnly = new(StringComparer.Ordinal)
    {
        "StreamDecodeBenchmarks.SseParserPlusSourceGenStj",
        "StreamDecodeBenchmarks.OpenAiSdk",
        "StreamedReplyBenchmarks.V1ReparsePerChunk",
        "StreamedReplyBenchmarks.V1Single",
        "StringInterningBenchmarks.Plain",
    };

    /// <summary>The fast subset: a few seconds each under ShortRun, covering every capability's hot path.</summary>
    private static readonly Type[] s_subset =
    [
        typeof(Diagnostics.ProfilingScopeBenchmarks),
        typeof(Memory.StringInterningBenchmarks),
        typeof(Streaming.StreamDecodeBenchmarks),
        typeof(Parsing.StreamedReplyBenchmarks),
    ];

    public static int Run(string[] args)
    {
        string root = FindRepositoryRoot();
        string baselinePath = Option(args, "--baseline") ?? Path.Combine(root, "bench", "baseline.json");
        string resultsPath = Option(args, "--results") ?? Path.Combine(root, "BenchmarkDotNet.Artifacts", "compare-results.json");
        bool update = args.Contains("--update");

        var results = new List<Result>();
        foreach (Summary summary in BenchmarkRunner.Run(s_subset, DefaultConfig.Instance.WithOptions(ConfigOptions.JoinSummary).WithBuildTimeout(TimeSpan.FromMinutes(15))))
        {
            foreach (BenchmarkReport report in summary.Reports)
            {
                string name = $"{report.BenchmarkCase.Descriptor.Type.Name}.{report.BenchmarkCase.Descriptor.WorkloadMethod.Name}";
                if (report.BenchmarkCase.HasParameters)
                {
                    name += $"({report.BenchmarkCase.Parameters.DisplayInfo})";
                }

                double? mean = report.ResultStatistics?.Mean;
                long? allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
                if (mean is null || allocated is null)
                {
                    Console.Error.WriteLine($"compare: {name} did not produce a result");
                    return 1;
                }

                results.Add(new Result(name, mean.Value, allocated.Value));
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(resultsPath)!);
        File.WriteAllText(resultsPath, ToJson(results));
        Console.WriteLine($"compare: results written to {resultsPath}");
        if (update)
        {
            File.WriteAllText(baselinePath, ToJson(results));
            Console.WriteLine($"compare: baseline {baselinePath} updated from this run");
            return 0;
        }

        Dictionary<string, Result> baseline = FromJson(File.ReadAllText(baselinePath)).ToDictionary(r => r.Name, StringComparer.Ordinal);
        int grown = 0;
        Console.WriteLine();
        Console.WriteLine($"{"benchmark",-64} {"baseline ns",14} {"now ns",14} {"time",8}  {"baseline B",12} {"now B",12}  verdict");
        foreach (Result now in results)
        {
            if (!baseline.TryGetValue(now.Name, out Result? was))
            {
                Console.WriteLine($"{now.Name,-64} {"-",14} {now.MeanNs,14:N1} {"",8}  {"-",12} {now.AllocatedBytes,12:N0}  new (not in the baseline)");
                continue;
            }

            double ratio = now.MeanNs / was.MeanNs;
            bool gated = !s_reportOnly.Contains(now.Name);
            bool allocatesMore = now.AllocatedBytes > was.AllocatedBytes + Slack(was.AllocatedBytes);
            string verdict = allocatesMore && gated ? "FAIL: allocates more"
                : allocatesMore ? "allocates more (peer/baseline: reported, not gated)"
                : ratio > 1 + TimeTolerance ? $"slower by {(ratio - 1) * 100:0} % (reported, not failed)"
                : now.AllocatedBytes < was.AllocatedBytes - Slack(was.AllocatedBytes) ? "ok, allocates less (update the baseline)"
                : "ok";
            grown += allocatesMore && gated ? 1 : 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{now.Name,-64} {was.MeanNs,14:N1} {now.MeanNs,14:N1} {ratio,8:0.00}x {was.AllocatedBytes,12:N0} {now.AllocatedBytes,12:N0}  {verdict}"));
        }

        foreach (string missing in baseline.Keys.Except(results.Select(r => r.Name)))
        {
            Console.WriteLine($"{missing,-64} missing from this run");
        }

        Console.WriteLine(grown == 0
            ? "compare: no allocation regression (times are for information; see docs/performance.md for a quiet-machine run)"
            : $"compare: {grown} benchmark(s) allocate more per operation than the baseline");
        return grown == 0 ? 0 : 1;
    }

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string FindRepositoryRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "AgentCore.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? Directory.GetCurrentDirectory();
    }

    private static string ToJson(List<Result> results)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("note", "bench/compare.sh baseline: allocated bytes per operation are the CI gate; meanNs is for information (machine-dependent)");
            w.WriteString("machine", $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
            w.WriteStartArray("benchmarks");
            foreach (Result r in results)
            {
                w.WriteStartObject();
                w.WriteString("name", r.Name);
                w.WriteNumber("meanNs", Math.Round(r.MeanNs, 1));
                w.WriteNumber("allocatedBytes", r.AllocatedBytes);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static List<Result> FromJson(string json)
    {
        var list = new List<Result>();
        foreach (JsonNode? node in JsonNode.Parse(json)!["benchmarks"]!.AsArray())
        {
            list.Add(new Result(node!["name"]!.GetValue<string>(), node["meanNs"]!.GetValue<double>(), node["allocatedBytes"]!.GetValue<long>()));
        }

        return list;
    }

    private static long Slack(long baseline) => Math.Max(AllocationSlackBytes, (long)(baseline * AllocationSlackRatio));

    private sealed record Result(string Name, double MeanNs, long AllocatedBytes);
}
