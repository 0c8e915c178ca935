using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Cysharp.Text;

namespace AgentCore.Benchmarks.Diagnostics;

// BenchmarkDotNet v0.15.8, Linux Debian GNU/Linux 12 (bookworm)
// AMD EPYC 2.60GHz, 1 CPU, 2 logical and 2 physical cores (shared, load average 3-5)
//   [Host]   : .NET 10.0.12 (10.0.12, 10.0.1226.42308), X64 RyuJIT x86-64-v4
// Job=ShortRun  IterationCount=3  LaunchCount=1  WarmupCount=3  Toolchain=InProcessEmitToolchain
// | Method                    | Mean      | Error     | StdDev    | Ratio | RatioSD | Gen0   | Allocated | Alloc Ratio |
// | StringBuilderInterpolated |  3.188 us | 0.2175 us | 0.0119 us |  1.00 |    0.00 | 4.8752 |   9.98 KB |        1.00 |
// | ZStringBuilder            | 35.241 us | 7.6402 us | 0.4188 us | 11.06 |    0.12 | 1.8311 |    3.8 KB |        0.38 |
// docs/performance.md, "ZString".

/// <summary>
/// The <c>bench</c> verb's result table (20 rows, as <c>bench --quick</c> prints): StringBuilder with interpolated
/// appends (what BenchVerb does; baseline) vs ZString's pooled Utf16ValueStringBuilder. It runs once per process.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class TableFormatBenchmarks
{
    private static readonly CultureInfo s_c = CultureInfo.InvariantCulture;
    private (string Name, double Value, string Unit, string Detail)[] _rows = [];

    [GlobalSetup]
    public void Setup()
    {
        _rows = [.. Enumerable.Range(0, 20).Select(i => ($"stream decode {i} (openai-responses)", 1234.5678 / (i + 1), "µs/event", "recorded reply, 200 bodies"))];
        if (StringBuilderInterpolated() != ZStringBuilder())
        {
            throw new InvalidOperationException("the tables differ");
        }
    }

    [Benchmark(Baseline = true)]
    public string StringBuilderInterpolated()
    {
        var sb = new StringBuilder();
        sb.Append(s_c, $"{"measurement",-40}{"value",12}  {"unit",-11} how\n");
        foreach ((string name, double value, string unit, string detail) in _rows)
        {
            string v = value >= 100 ? value.ToString("N0", s_c) : value >= 1 ? value.ToString("0.00", s_c) : value.ToString("0.000", s_c);
            sb.Append(s_c, $"{name,-40}{v,12}  {unit,-11} {detail}\n");
        }

        return sb.ToString();
    }

    [Benchmark]
    public string ZStringBuilder()
    {
        Utf16ValueStringBuilder sb = ZString.CreateStringBuilder();
        try
        {
            AppendPadded(ref sb, "measurement", -40);
            AppendPadded(ref sb, "value", 12);
            sb.Append("  ");
            AppendPadded(ref sb, "unit", -11);
            sb.Append(" how\n");
            Span<char> number = stackalloc char[32];
            foreach ((string name, double value, string unit, string detail) in _rows)
            {
                AppendPadded(ref sb, name, -40);
                value.TryFormat(number, out int n, value >= 100 ? "N0" : value >= 1 ? "0.00" : "0.000", s_c);
                AppendPadded(ref sb, number[..n], 12);
                sb.Append("  ");
                AppendPadded(ref sb, unit, -11);
                sb.Append(' ');
                sb.Append(detail);
                sb.Append('\n');
            }

            return sb.ToString();
        }
        finally
        {
            sb.Dispose();
        }
    }

    private static void AppendPadded(ref Utf16ValueStringBuilder sb, ReadOnlySpan<char> text, int alignment)
    {
        int pad = Math.Abs(alignment) - text.Length;
        if (alignment > 0 && pad > 0)
        {
            sb.Append(' ', pad);
        }

        sb.Append(text);
        if (alignment < 0 && pad > 0)
        {
            sb.Append(' ', pad);
        }
    }
}
