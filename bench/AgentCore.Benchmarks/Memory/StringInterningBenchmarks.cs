using System.Text;
using AgentCore.Diagnostics.Workloads;
using BenchmarkDotNet.Attributes;

namespace AgentCore.Benchmarks.Memory;

/// <summary>
/// The seed's "string interning" pair: building a name -> occurrences index from 200,000 identifier occurrences
/// arriving as UTF-8 (as a parser sees them; ~6,000 distinct names, Zipf-like repetition). Baseline: a new string per
/// occurrence (what a naive index keeps). Interned: one string per distinct name, found by span lookup
/// (<c>Dictionary.GetAlternateLookup&lt;ReadOnlySpan&lt;char&gt;&gt;</c>), so a repeated name allocates nothing.
/// The setup prints the bytes each index retains.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class StringInterningBenchmarks
{
    private byte[][] _occurrences = [];

    [GlobalSetup]
    public void Setup()
    {
        string[] words = TokenCorpus.Mixed(400_000).Split([' ', '\n', '(', ')', '.', ',', ';', '{', '}', '"', ':', '[', ']'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length is >= 3 and <= 40 && char.IsAsciiLetter(w[0])).Distinct().Take(6_000).ToArray();
        var random = new Random(11);
        _occurrences = new byte[200_000][];
        for (int i = 0; i < _occurrences.Length; i++)
        {
            // Zipf-like: low indices far more often.
            int index = (int)(words.Length * Math.Pow(random.NextDouble(), 3));
            _occurrences[i] = Encoding.UTF8.GetBytes(words[index]);
        }

        long before = GC.GetTotalMemory(true);
        List<string> plain = Plain();
        long plainBytes = GC.GetTotalMemory(true) - before;
        GC.KeepAlive(plain);
        plain = [];
        before = GC.GetTotalMemory(true);
        List<string> interned = Interned();
        long internedBytes = GC.GetTotalMemory(true) - before;
        GC.KeepAlive(interned);
        Console.WriteLine($"// retained: plain strings {plainBytes:N0} bytes, interned {internedBytes:N0} bytes");
    }

    [Benchmark(Baseline = true, Description = "plain: new string per occurrence")]
    public List<string> Plain()
    {
        var names = new List<string>(_occurrences.Length);
        foreach (byte[] o in _occurrences)
        {
            names.Add(Encoding.UTF8.GetString(o));
        }

        return names;
    }

    [Benchmark(Description = "interned: one string per distinct name")]
    public List<string> Interned()
    {
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        var names = new List<string>(_occurrences.Length);
        Span<char> buffer = stackalloc char[128];
        foreach (byte[] o in _occurrences)
        {
            int n = Encoding.UTF8.GetChars(o, buffer);
            ReadOnlySpan<char> name = buffer[..n];
            if (!lookup.TryGetValue(name, out string? s))
            {
                s = name.ToString();
                lookup[name] = s;
            }

            names.Add(s);
        }

        return names;
    }
}
