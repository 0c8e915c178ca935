using System.Globalization;
using System.Text.Json;
using AgentCore.Diagnostics;

namespace AgentCore.Host.Cli;

/// <summary><c>agentcore soak --duration D [--concurrency N]</c>: the mixed-workload stress run with memory sampling.</summary>
internal sealed class SoakVerb : Verb
{
    private static readonly OptionSpec[] s_options =
    [
        new("duration", TakesValue: true), new("concurrency", TakesValue: true), new("interval", TakesValue: true),
        new("warmup", TakesValue: true), new("out", TakesValue: true), new("json", TakesValue: false),
    ];

    public override string Name => "soak";

    public override string Summary => "run a mixed workload for a duration; sample memory to CSV/SVG; fail on growth or lost operations";

    public override string Usage =>
        "Usage: agentcore soak --duration D [--concurrency N] [--interval D] [--warmup D] [--out PREFIX] [--json]\n\n" +
        "Runs N operations at once (default 100) for D (e.g. 90s, 2m, 24h, 1h30m): provider streams decoded from the\n" +
        "recordings in the binary through a loopback HTTP server and the real provider client, token counts,\n" +
        "incremental parses, conversation appends with sliding-window truncation, recursive list_files walks of a\n" +
        "generated workspace and symbol-index updates after rewriting one of its files, each checked against the\n" +
        "result computed before the run. Every --interval (default 5s) it samples RSS, managed heap, open handles\n" +
        "and threads, and prints progress on stderr.\n\n" +
        "Pass/fail (exit 0/1): every operation started must complete with the expected result (no failure, none\n" +
        "lost), and RSS after the warm-up (default: a quarter of D, at most 5m) must stay at or below\n" +
        "1.25 x the highest RSS of the warm-up + 16 MiB.\n\n" +
        "Output: PREFIX.csv (samples, written as taken) and PREFIX.svg (plot), default PREFIX 'soak'; a summary on\n" +
        "stdout (--json: the full result as JSON). Slow operations (over 100 ms) are reported on stderr, rate-limited.\n\n" +
        "Options:\n" +
        "  --duration D     how long to run (required)\n" +
        "  --concurrency N  operations in flight at once, 1..100000 (default 100)\n" +
        "  --interval D     time between samples (default 5s)\n" +
        "  --warmup D       samples in this first part set the memory baseline\n" +
        "  --out PREFIX     output file prefix (default soak)\n" +
        "  --json           the result as JSON on stdout\n";

    public override ReadOnlySpan<OptionSpec> Options => s_options;

    public override async Task<int> RunAsync(ParsedArgs args, VerbContext context, CancellationToken cancellationToken)
    {
        args.ExpectPositionals(0, 0);
        TimeSpan duration = ParseDuration(args, "duration") ?? throw new UsageException("'soak' needs --duration (see 'agentcore soak --help')");
        int concurrency = (int)(args.GetInt64("concurrency", 1, 100_000) ?? 100);
        TimeSpan interval = ParseDuration(args, "interval") ?? TimeSpan.FromSeconds(5);
        TimeSpan? warmup = ParseDuration(args, "warmup");
        string prefix = args.Get("out") ?? "soak";

        SlowOperationWarnings.Enabled = true;
        var request = new SoakRequest
        {
            Duration = duration, Concurrency = concurrency, SampleInterval = interval, Warmup = warmup,
            CsvPath = prefix + ".csv", SvgPath = prefix + ".svg",
        };
        CultureInfo c = CultureInfo.InvariantCulture;
        context.WriteError(string.Create(c, $"soak: {duration} at concurrency {concurrency}, sampling every {interval.TotalSeconds:0.#} s -> {request.CsvPath}, {request.SvgPath}\n"));
        SoakResult result;
        try
        {
            result = await SoakOperations.RunAsync(request, s => context.WriteError(string.Create(c,
            $"soak: {TimeSpan.FromSeconds(Math.Round(s.ElapsedSeconds)):c} elapsed, {s.Operations:N0} operations, {s.Failures} failed, RSS {s.RssBytes / 1048576.0:0.0} MB, heap {s.GcHeapBytes / 1048576.0:0.0} MB, {s.Handles} handles, {s.Threads} threads\n")),
            cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The verb itself is one long operation: it must not report itself as slow.
            SlowOperationWarnings.Enabled = false;
        }

        if (args.Has("json"))
        {
            context.Out.WriteUtf8(JsonSerializer.SerializeToUtf8Bytes(result, DiagnosticsJsonContext.Default.SoakResult));
            context.Out.Write('\n');
        }
        else
        {
            context.Out.Write(string.Create(c, $"soak: {(result.Passed ? "PASSED" : "FAILED")} after {result.ElapsedSeconds:0.0} s at concurrency {concurrency}\n"));
            context.Out.Write(string.Create(c, $"operations: {result.Started:N0} started, {result.Completed:N0} completed, {result.Failed} failed, {result.Lost} lost ({string.Join(", ", result.CompletedByKind.Select(kv => $"{kv.Key} {kv.Value:N0}"))})\n"));
            context.Out.Write(string.Create(c, $"RSS: warm-up peak {result.WarmupPeakRssBytes / 1048576.0:0.0} MB, bound {result.RssBoundBytes / 1048576.0:0.0} MB, peak after warm-up {result.PeakRssAfterWarmupBytes / 1048576.0:0.0} MB{(result.BoundExceededAtSeconds is double t ? $", bound exceeded at {t:0} s" : "")}\n"));
            if (result.FirstFailure is not null)
            {
                context.Out.Write($"first failure: {result.FirstFailure}\n");
            }

            context.Out.Write($"samples: {request.CsvPath}, plot: {request.SvgPath}\n");
        }

        return result.Passed ? ExitCodes.Ok : ExitCodes.Failure;
    }

    /// <summary>Parses a duration such as <c>90s</c>, <c>2m</c>, <c>24h</c>, <c>1h30m</c> or plain seconds.</summary>
    internal static TimeSpan? ParseDuration(ParsedArgs args, string name)
    {
        string? text = args.Get(name);
        if (text is null)
        {
            return null;
        }

        return TryParseDuration(text, out TimeSpan value) && value > TimeSpan.Zero
            ? value
            : throw new UsageException($"option '--{name}' needs a duration such as 30s, 2m, 24h or 1h30m; got '{text}'");
    }

    internal static bool TryParseDuration(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double plain))
        {
            value = TimeSpan.FromSeconds(plain);
            return plain <= 31 * 86400;
        }

        int i = 0;
        double total = 0;
        while (i < text.Length)
        {
            int start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
            {
                i++;
            }

            if (start == i || i == text.Length || !double.TryParse(text.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double n))
            {
                return false;
            }

            double unit = text[i] switch { 's' => 1, 'm' => 60, 'h' => 3600, 'd' => 86400, _ => 0 };
            if (unit == 0)
            {
                return false;
            }

            total += n * unit;
            i++;
        }

        value = TimeSpan.FromSeconds(total);
        return total <= 31 * 86400;
    }
}
