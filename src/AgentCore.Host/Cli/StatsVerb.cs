using System.Diagnostics;
using System.Globalization;
using System.Text;
using AgentCore.Diagnostics;

namespace AgentCore.Host.Cli;

/// <summary>
/// <c>agentcore stats [--json] [--show-output] -- VERB [ARGS...]</c>: runs one verb in this process with a metrics
/// listener on, then prints its per-operation metrics and the process's memory figures.
/// </summary>
internal sealed class StatsVerb : Verb
{
    private static readonly OptionSpec[] s_options = [new("json", TakesValue: false), new("show-output", TakesValue: false)];

    public override string Name => "stats";

    public override string Summary => "run a verb and print its metrics (operations, durations, bytes) and memory figures";

    public override string Usage =>
        "Usage: agentcore stats [--json] [--show-output] -- VERB [ARGS...]\n\n" +
        "Runs 'agentcore VERB ARGS...' inside this process with the metrics listener on (System.Diagnostics.Metrics,\n" +
        "meter \"AgentCore\"), then prints what it measured. The verb's own output is discarded unless --show-output\n" +
        "sends it to stderr; its errors go to stderr as usual. Add --trace FILE after VERB for a trace of the same run.\n\n" +
        "Output (stdout): the verb's exit code, wall and CPU time; one row per operation (count, bytes, total, p50, p99\n" +
        "and max duration in ms; percentiles from a log-scale histogram, within ~13 %); the memory figures: managed\n" +
        "heap, bytes allocated during the run, RSS now and at peak (VmRSS/VmHWM of /proc/self/status), GC collections\n" +
        "per generation during the run, threads and open handles; and the number of operations over 100 ms.\n" +
        "With --json the same as one JSON object.\n\n" +
        "Example: agentcore stats -- tokens README.md docs/*.md\n\n" +
        "Options:\n" +
        "  --json          one JSON object instead of the table\n" +
        "  --show-output   copy the verb's stdout to stderr instead of discarding it\n";

    public override ReadOnlySpan<OptionSpec> Options => s_options;

    public override async Task<int> RunAsync(ParsedArgs args, VerbContext context, CancellationToken cancellationToken)
    {
        if (args.Positionals.Count == 0)
        {
            throw new UsageException("'stats' needs a verb to run, after '--' (see 'agentcore stats --help')");
        }

        string[] inner = [.. args.Positionals];
        if (inner[0] is "stats" or "soak" or "bench")
        {
            throw new UsageException($"'stats' cannot run '{inner[0]}'");
        }

        bool json = args.Has("json");
        Stream sinkStream = args.Has("show-output") ? Console.OpenStandardError() : Stream.Null;
        var innerOut = new Utf8Output(sinkStream);
        var innerContext = new VerbContext(context.OpenStdin, innerOut, context.Error);

        using var collector = new MetricsCollector();
        StatsResult before = await StatsOperations.GetStatsAsync(new StatsRequest(), collector, cancellationToken).ConfigureAwait(false);
        long start = Stopwatch.GetTimestamp();
        int code = await CommandLine.RunAsync(inner, innerContext, cancellationToken).ConfigureAwait(false);

        TimeSpan wall = Stopwatch.GetElapsedTime(start);
        StatsResult after = await StatsOperations.GetStatsAsync(new StatsRequest(), collector, CancellationToken.None).ConfigureAwait(false);

        context.Out.Write(json
            ? FormatJson(inner, code, wall, before, after)
            : FormatTable(inner, code, wall, before, after));
        return ExitCodes.Ok;
    }

    private static string FormatTable(string[] inner, int code, TimeSpan wall, StatsResult beforeRun, StatsResult afterRun)
    {
        MemoryStats before = beforeRun.Memory, after = afterRun.Memory;
        long slow = afterRun.SlowOperations - beforeRun.SlowOperations;
        var sb = new StringBuilder();
        CultureInfo c = CultureInfo.InvariantCulture;
        sb.Append(c, $"run:        agentcore {string.Join(' ', inner)}\n");
        sb.Append(c, $"exit code:  {code}\n");
        sb.Append(c, $"wall time:  {wall.TotalMilliseconds:0.00} ms\n");
        sb.Append(c, $"cpu time:   {after.CpuMs - before.CpuMs:0.00} ms\n\n");
        sb.Append(c, $"{"operation",-24}{"count",10}{"bytes",14}{"total ms",12}{"p50 ms",10}{"p99 ms",10}{"max ms",10}\n");
        foreach (OperationStats op in afterRun.Operations)
        {
            sb.Append(c, $"{op.Operation,-24}{op.Count,10}{op.Bytes,14}{op.TotalMs,12:0.000}{op.P50Ms,10:0.000}{op.P99Ms,10:0.000}{op.MaxMs,10:0.000}\n");
        }

        sb.Append(c, $"\nGC heap:    {Mb(after.GcHeapBytes)} MB\n");
        sb.Append(c, $"allocated:  {Mb(after.AllocatedBytes - before.AllocatedBytes)} MB during the run\n");
        sb.Append(c, $"RSS:        {Mb(after.RssBytes)} MB now, {Mb(after.PeakRssBytes)} MB peak\n");
        sb.Append(c, $"GC count:   gen0 {after.Gen0Collections - before.Gen0Collections}, gen1 {after.Gen1Collections - before.Gen1Collections}, gen2 {after.Gen2Collections - before.Gen2Collections} during the run\n");
        sb.Append(c, $"threads:    {after.Threads}\n");
        sb.Append(c, $"handles:    {after.Handles}\n");
        sb.Append(c, $"slow ops:   {slow} over {SlowOperationWarnings.Threshold.TotalMilliseconds:0} ms\n");
        return sb.ToString();
    }

    private static string FormatJson(string[] inner, int code, TimeSpan wall, StatsResult beforeRun, StatsResult afterRun)
    {
        MemoryStats before = beforeRun.Memory, after = afterRun.Memory;
        long slow = afterRun.SlowOperations - beforeRun.SlowOperations;
        using var buffer = new MemoryStream();
        using (var w = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("command");
            foreach (string a in inner)
            {
                w.WriteStringValue(a);
            }

            w.WriteEndArray();
            w.WriteNumber("exitCode", code);
            w.WriteNumber("wallMs", Math.Round(wall.TotalMilliseconds, 3));
            w.WriteNumber("cpuMs", Math.Round(after.CpuMs - before.CpuMs, 3));
            w.WriteStartArray("operations");
            foreach (OperationStats op in afterRun.Operations)
            {
                w.WriteStartObject();
                w.WriteString("operation", op.Operation);
                w.WriteNumber("count", op.Count);
                w.WriteNumber("failures", op.Failures);
                w.WriteNumber("bytes", op.Bytes);
                w.WriteNumber("totalMs", Math.Round(op.TotalMs, 3));
                w.WriteNumber("p50Ms", Math.Round(op.P50Ms, 3));
                w.WriteNumber("p99Ms", Math.Round(op.P99Ms, 3));
                w.WriteNumber("maxMs", Math.Round(op.MaxMs, 3));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("memory");
            w.WriteNumber("gcHeapBytes", after.GcHeapBytes);
            w.WriteNumber("allocatedBytes", after.AllocatedBytes - before.AllocatedBytes);
            w.WriteNumber("rssBytes", after.RssBytes);
            w.WriteNumber("peakRssBytes", after.PeakRssBytes);
            w.WriteNumber("gen0Collections", after.Gen0Collections - before.Gen0Collections);
            w.WriteNumber("gen1Collections", after.Gen1Collections - before.Gen1Collections);
            w.WriteNumber("gen2Collections", after.Gen2Collections - before.Gen2Collections);
            w.WriteNumber("threads", after.Threads);
            w.WriteNumber("handles", after.Handles);
            w.WriteEndObject();
            w.WriteNumber("slowOperations", slow);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.00", CultureInfo.InvariantCulture);
}
