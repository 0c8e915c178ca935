using System.Text.Json;
using AgentCore.Parsing;

namespace AgentCore.Tests.Parsing;

/// <summary>Loads the reference vectors and feeds texts to the parser under different chunkings.</summary>
internal static class ParserVectors
{
    private static readonly string s_dir = Path.Combine(AppContext.BaseDirectory, "TestData", "Parsing");

    public static IReadOnlyList<JsonElement> Load(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(s_dir, file)));
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    /// <summary>Whole, one code unit at a time, the reference spec's LCG chunking (seed 42) and three more random ones.</summary>
    public static IEnumerable<(string Name, int[] Sizes)> Chunkings(int length)
    {
        yield return ("whole", [length]);
        yield return ("1-char", Enumerable.Repeat(1, length).ToArray());
        yield return ("lcg42", LcgChunks(length, 42));
        foreach (int seed in new[] { 1, 2, 3 })
        {
            var random = new Random(seed);
            yield return ($"random{seed}", Sizes(length, () => random.Next(1, 11)));
        }
    }

    /// <summary>The reference spec's deterministic chunk sizes (Numerical Recipes LCG, sizes 1–10).</summary>
    public static int[] LcgChunks(int length, uint seed)
    {
        ulong state = seed;
        return Sizes(length, () =>
        {
            state = ((state * 1664525) + 1013904223) % 0x100000000;
            return (int)Math.Floor(state / (double)0x100000000 * 10) + 1;
        });
    }

    public static string Feed(string input, int[] sizes, bool fixes = false, bool finalize = false)
    {
        var parser = new AssistantMessageParser(fixes);
        int pos = 0;
        foreach (int size in sizes)
        {
            int n = Math.Min(size, input.Length - pos);
            parser.ProcessChunk(input.AsSpan(pos, n));
            pos += n;
        }

        Assert.Equal(input.Length, pos);
        if (finalize)
        {
            parser.FinalizeContentBlocks();
        }

        return AssistantMessageJson.ToJson(parser.Blocks);
    }

    private static int[] Sizes(int length, Func<int> next)
    {
        var sizes = new List<int>();
        for (int pos = 0; pos < length;)
        {
            int n = Math.Min(length - pos, next());
            sizes.Add(n);
            pos += n;
        }

        return sizes.ToArray();
    }
}
