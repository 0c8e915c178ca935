using System.Globalization;
using System.Text;
using AgentCore.Workspace;
using BenchmarkDotNet.Attributes;

namespace AgentCore.Benchmarks.Workspace;

// BenchmarkDotNet v0.15.8, Linux Debian GNU/Linux 12 (bookworm)
// AMD EPYC 2.60GHz, 1 CPU, 2 logical and 2 physical cores (shared, load average 3-5)
//   [Host]   : .NET 10.0.12 (10.0.12, 10.0.1226.42308), X64 RyuJIT x86-64-v4
// Job=ShortRun  IterationCount=3  LaunchCount=1  WarmupCount=3  Toolchain=InProcessEmitToolchain
// | Method                | Mean       | Error      | StdDev    | Ratio | RatioSD | Gen0     | Gen1     | Gen2     | Allocated | Alloc Ratio |
// | SplitPadStringBuilder | 1,380.9 us | 4,503.1 us | 246.83 us |  1.02 |    0.22 | 142.5781 | 142.5781 | 142.5781 | 813.43 KB |        1.00 |
// | StringBuilderSpans    |   738.8 us |   690.8 us |  37.87 us |  0.55 |    0.09 | 142.5781 | 142.5781 | 142.5781 | 464.97 KB |        0.57 |
// | ZStringSpans          |   639.9 us |   882.5 us |  48.37 us |  0.47 |    0.08 |  71.2891 |  71.2891 |  71.2891 | 230.51 KB |        0.28 |
// docs/performance.md, "ZString".

/// <summary>
/// read_file's line numbering (<c>addLineNumbers</c>) of a 2,000-line source file (the 2026 reader's default line
/// limit, 84 KB): the first version (string.Split, a number string and a padded copy per line, StringBuilder;
/// baseline) vs the same spans into a presized StringBuilder vs the shipped ZString version (pooled buffer).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ReadFileFormatBenchmarks
{
    private string _content = "";

    [GlobalSetup]
    public void Setup()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 2000; i++)
        {
            sb.Append(i % 10 == 0 ? "" : "    ").Append(i % 7 == 0 ? "}" : "var value = Compute(input, options, cancellationToken);").Append('\n');
        }

        _content = sb.ToString();
        string expected = SplitPadStringBuilder();
        if (StringBuilderSpans() != expected || ZStringSpans() != expected)
        {
            throw new InvalidOperationException("the formatters disagree");
        }
    }

    [Benchmark(Baseline = true)]
    public string SplitPadStringBuilder()
    {
        string[] lines = _content.Split('\n');
        int count = lines.Length;
        if (count > 0 && lines[^1].Length == 0)
        {
            count--;
        }

        int width = count.ToString(CultureInfo.InvariantCulture).Length;
        var sb = new StringBuilder(_content.Length + (count * (width + 4)));
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                sb.Append('\n');
            }

            sb.Append((1L + i).ToString(CultureInfo.InvariantCulture).PadLeft(width)).Append(" | ").Append(lines[i]);
        }

        return sb.Append('\n').ToString();
    }

    [Benchmark]
    public string StringBuilderSpans()
    {
        ReadOnlySpan<char> rest = _content;
        int count = rest.Count('\n') + (_content[^1] == '\n' ? 0 : 1);
        Span<char> number = stackalloc char[20];
        count.TryFormat(number, out int width, default, CultureInfo.InvariantCulture);
        var sb = new StringBuilder(_content.Length + (count * (width + 4)));
        for (int i = 0; i < count; i++)
        {
            int nl = rest.IndexOf('\n');
            ReadOnlySpan<char> line = nl < 0 ? rest : rest[..nl];
            rest = nl < 0 ? default : rest[(nl + 1)..];
            if (i > 0)
            {
                sb.Append('\n');
            }

            (1L + i).TryFormat(number, out int length, default, CultureInfo.InvariantCulture);
            sb.Append(' ', width - length).Append(number[..length]).Append(" | ").Append(line);
        }

        return sb.Append('\n').ToString();
    }

    [Benchmark]
    public string ZStringSpans() => ReadFileFormatter.AddLineNumbers(_content);
}
