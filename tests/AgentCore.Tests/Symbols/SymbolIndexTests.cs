using AgentCore.Symbols;

namespace AgentCore.Tests.Symbols;

/// <summary>The symbol index: lookup ranking, snapshot corruption, incremental update equal to a full rebuild.</summary>
public sealed class SymbolIndexTests : IDisposable
{
    private static readonly string s_vectors = Path.Combine(AppContext.BaseDirectory, "TestData", "Symbols", "Vectors");
    private readonly string _root = Directory.CreateTempSubdirectory("agentcore-index-").FullName;
    private readonly string _snapshots = Directory.CreateTempSubdirectory("agentcore-snap-").FullName;

    public SymbolIndexTests()
    {
        foreach (string name in (string[])["a.ts", "py1.py", "cs1.cs", "go1.go", "rs1.rs", "js1.js", "j1.java", "c1.c", "r1.rb", "x1.tsx"])
        {
            string dir = Path.Combine(_root, name.Contains('.', StringComparison.Ordinal) && name.EndsWith(".py", StringComparison.Ordinal) ? "pkg2" : "src");
            Directory.CreateDirectory(dir);
            File.Copy(Path.Combine(s_vectors, name), Path.Combine(dir, name));
        }

        Directory.CreateDirectory(Path.Combine(_root, "node_modules", "x"));
        File.WriteAllText(Path.Combine(_root, "node_modules", "x", "ignored.ts"), "export class Ignored {}\n");
    }

    public void Dispose()
    {
        Directory.Delete(_root, true);
        Directory.Delete(_snapshots, true);
    }

    private string Snapshot(string name = "main.idx") => Path.Combine(_snapshots, name);

    private SymbolIndex Open(string? snapshot = null) => SymbolIndexOperations.Open(_root, snapshot ?? Snapshot(), CancellationToken.None);

    private static List<(string, string, string, int, int)> Sorted(SymbolIndex index) => [.. index.AllSymbols().Order()];

    [Fact]
    public void Find_ExactPrefixSubstringFuzzy_RankedAndLocated()
    {
        using SymbolIndex index = Open();
        Assert.Equal(10, index.Statistics.Files);
        Assert.Equal(new SymbolMatch("Greeter", "class", "pkg2/py1.py", 3, 10, 1.0), index.Find("greeter", 5)[0]);
        Assert.Equal(0.8, index.Find("Gree", 5)[0].Score);
        Assert.Equal(0.7, index.Find("reete", 5)[0].Score);
        SymbolMatch fuzzy = Assert.Single(index.Find("Grtr", 5));
        Assert.Equal(("Greeter", 0.5), (fuzzy.Name, fuzzy.Score));
        Assert.Contains(index.Find("main", 10), m => m.Name == "main" && m.Kind == "function" && m.Path == "src/go1.go");
        Assert.Contains(index.Find("Calculator", 10), m => m.Kind == "class" && m.Path == "src/cs1.cs" && m.StartLine == 5);
        Assert.Empty(index.Find("Ignored", 10));
        List<SymbolMatch> all = index.Find("e", 1000);
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public void Open_Unchanged_ReusesSnapshotWithoutParsing()
    {
        List<(string, string, string, int, int)> first;
        using (SymbolIndex index = Open())
        {
            first = Sorted(index);
            Assert.Equal(10, index.Statistics.Parsed);
        }

        using SymbolIndex again = Open();
        Assert.Equal((0, 10, (string?)null), (again.Statistics.Parsed, again.Statistics.Reused, again.Statistics.RebuildReason));
        Assert.Equal(first, Sorted(again));
    }

    [Theory]
    [InlineData("truncate")]
    [InlineData("flip")]
    [InlineData("header")]
    [InlineData("empty")]
    public void Open_CorruptSnapshot_RebuildsSameIndex(string damage)
    {
        List<(string, string, string, int, int)> expected;
        using (SymbolIndex index = Open())
        {
            expected = Sorted(index);
        }

        byte[] bytes = File.ReadAllBytes(Snapshot());
        byte[] damaged = damage switch
        {
            "truncate" => bytes[..(bytes.Length * 2 / 3)],
            "flip" => Flip(bytes, bytes.Length - 7),
            "header" => Flip(bytes, 40),
            _ => [],
        };
        File.WriteAllBytes(Snapshot(), damaged);

        using SymbolIndex rebuilt = Open();
        Assert.NotNull(rebuilt.Statistics.RebuildReason);
        Assert.Equal(10, rebuilt.Statistics.Parsed);
        Assert.Equal(expected, Sorted(rebuilt));

        static byte[] Flip(byte[] b, int at)
        {
            byte[] c = (byte[])b.Clone();
            c[at] ^= 0x5A;
            return c;
        }
    }

    [Fact]
    public void Open_AfterEditRenameDelete_IncrementalEqualsFullRebuild()
    {
        using (Open())
        {
        }

        string edited = Path.Combine(_root, "src", "a.ts");
        File.AppendAllText(edited, "\nexport function addedLater(x: number) {\n  const y = x\n  return y\n}\n");
        File.SetLastWriteTimeUtc(edited, DateTime.UtcNow.AddMinutes(1));
        File.Move(Path.Combine(_root, "src", "rs1.rs"), Path.Combine(_root, "src", "renamed.rs"));
        File.Delete(Path.Combine(_root, "src", "c1.c"));

        using SymbolIndex incremental = Open();
        Assert.Equal((2, 7), (incremental.Statistics.Parsed, incremental.Statistics.Reused));
        using SymbolIndex full = Open(Snapshot("fresh.idx"));
        Assert.Equal(9, full.Statistics.Parsed);
        Assert.Equal(Sorted(full), Sorted(incremental));
        Assert.Contains(incremental.Find("addedLater", 5), m => m.Path == "src/a.ts" && m.Score == 1.0);
        Assert.Contains(incremental.Find("Point", 5), m => m.Path == "src/renamed.rs");
        Assert.DoesNotContain(incremental.AllSymbols(), s => s.Path == "src/c1.c");

        using SymbolIndex reopened = Open();
        Assert.Equal(0, reopened.Statistics.Parsed);
        Assert.Equal(Sorted(full), Sorted(reopened));
    }

    [Fact]
    public void Open_SnapshotOfAnotherRoot_Rebuilds()
    {
        using (Open())
        {
        }

        string other = Directory.CreateTempSubdirectory("agentcore-other-").FullName;
        try
        {
            File.Copy(Path.Combine(s_vectors, "a.ts"), Path.Combine(other, "a.ts"));
            using SymbolIndex index = SymbolIndexOperations.Open(other, Snapshot(), CancellationToken.None);
            Assert.Equal("snapshot of another directory", index.Statistics.RebuildReason);
            Assert.Equal(1, index.Statistics.Files);
        }
        finally
        {
            Directory.Delete(other, true);
        }
    }
}
