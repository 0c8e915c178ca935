using AgentCore.Workspace;

namespace AgentCore.Tests.Workspace;

public sealed class FilesListFormatterTests
{
    [Fact]
    public void Format_SortVector_MatchesReference()
    {
        string[] input = ["b.txt", "a/", "a/x.txt", "A.txt", "_x.md", "-y.md", "file10.txt", "file9.txt", "Zeta.md", "zeta.md", "a/b/", "a/b/c.txt", ".env", "1.txt", "10.txt", "2.txt", "é.txt", "e.txt", "f.txt"];
        string output = FilesListFormatter.Format("/p", [.. input.Select(i => "/p/" + i)], false, null, false, null);
        Assert.Equal("_x.md\n-y.md\n.env\n1.txt\n2.txt\n10.txt\nA.txt\nb.txt\né.txt\ne.txt\nf.txt\nfile9.txt\nfile10.txt\nZeta.md\nzeta.md\na/\na/x.txt\na/b/\na/b/c.txt", output);
    }

    [Fact]
    public void Format_Truncated_AppendsNotice() =>
        Assert.Equal("x.ts\n\n(File list truncated. Use list_files on specific subdirectories if you need to explore further.)",
            FilesListFormatter.Format("/p", ["/p/x.ts"], true, null, false, null));

    [Fact]
    public void Format_Empty_NoFilesFound()
    {
        Assert.Equal("No files found.", FilesListFormatter.Format("/p", [], false, null, false, null));
        Assert.Equal("No files found.", FilesListFormatter.Format("/p", [], false, RooIgnoreController.FromContent("/p", "x"), false, null));
        Assert.Equal("/", FilesListFormatter.Format("/", ["/"], false, null, false, null));
        Assert.Equal("No files found.", FilesListFormatter.Format("/home/u", ["/home/u"], false, null, false, null));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Format_RooIgnore_LocksOrDrops(bool show)
    {
        var c = RooIgnoreController.FromContent("/p", "node_modules\n.git\nsecrets/");
        string[] files = ["/p/src/app.ts", "/p/node_modules/package.json", "/p/README.md", "/p/.git/HEAD", "/p/secrets/keys.json", "/p/AGENTS.md"];
        string output = FilesListFormatter.Format("/p", files, false, c, show, new RooProtectedController("/p"));
        Assert.Equal(show
            ? "\U0001F6E1\uFE0F AGENTS.md\nREADME.md\n\U0001F512 .git/HEAD\n\U0001F512 node_modules/package.json\n\U0001F512 secrets/keys.json\nsrc/app.ts"
            : "\U0001F6E1\uFE0F AGENTS.md\nREADME.md\nsrc/app.ts", output);
    }

    [Fact]
    public void Format_RandomTrees_KeyedSortEqualsComparatorSort()
    {
        // Sibling names that tie under the numeric/base collation (App/app, 01/1) take the comparator sort; the rest
        // the keyed one: both must give the comparator's stable order.
        string[] names = ["a", "A", "b", "01", "1", "2", "10", "x.ts", "X.ts", "\u00e9", "e", "_", "-"];
        var random = new Random(5);
        for (int round = 0; round < 200; round++)
        {
            var files = new List<string>();
            bool ties = round % 2 == 0;
            for (int k = 0; k < 30; k++)
            {
                int depth = random.Next(1, 4);
                var parts = new string[depth];
                for (int d = 0; d < depth; d++)
                {
                    string n = names[random.Next(names.Length)];
                    parts[d] = ties ? n : n.ToLowerInvariant().Replace("01", "3", StringComparison.Ordinal).Replace("\u00e9", "f", StringComparison.Ordinal);
                }

                files.Add("/p/" + string.Join('/', parts) + (random.Next(3) == 0 ? "/" : ""));
            }

            files = [.. files.Distinct()];
            string[] entries = [.. files.Select(f => f[3..])];
            string[] expected = [.. entries.Select((e, i) => (e, i)).OrderBy(x => x, Comparer<(string E, int I)>.Create((x, y) =>
            {
                int c = FilesListFormatter.ComparePaths(x.E, y.E);
                return c != 0 ? c : x.I.CompareTo(y.I);
            })).Select(x => x.e)];
            Assert.Equal(string.Join('\n', expected), FilesListFormatter.Format("/p", files, false, null, false, null));
        }
    }

    [Fact]
    public void Format_PathsOutsideAndAtRoot_GroupedSortEqualsComparatorSort()
    {
        // Entries that are not plain slices ("", "/", "../x") must group apart from the listed directory's own
        // entries: "/" splits into two empty segments (not last), "x" is one last segment.
        string[] files = ["/p/x", "/", "/p/a/", "/q/b", "/p/a/y", "/q/", "/p/0/", "/p", "/p/b", "/p/a/", "/r/s/t"];
        var random = new Random(7);
        for (int round = 0; round < 50; round++)
        {
            string[] shuffled = [.. files.OrderBy(_ => random.Next())];
            string[] entries = [.. shuffled.Select(f => { string r = JsPath.Relative("/p", JsPath.Normalize(f)); return f.EndsWith('/') ? r + "/" : r; })];
            string[] expected = [.. entries.Select((e, i) => (e, i)).OrderBy(x => x, Comparer<(string E, int I)>.Create((x, y) =>
            {
                int c = FilesListFormatter.ComparePaths(x.E, y.E);
                return c != 0 ? c : x.I.CompareTo(y.I);
            })).Select(x => x.e)];
            Assert.Equal(string.Join('\n', expected), FilesListFormatter.Format("/p", shuffled, false, null, false, null));
        }
    }

    [Theory]
    [InlineData("/w/sub")]
    [InlineData("/w")]
    public void Format_ProtectedFiles_ShieldsAsIsWriteProtected(string dir)
    {
        // Without a .rooignore the protected check runs on spans; it must agree with IsWriteProtected on each path.
        var c = RooIgnoreController.FromContent("/w", null);
        var rooProtected = new RooProtectedController("/w");
        string[] names = [".roo/x.md", "AGENTS.md", "a.code-workspace", ".roorules-x", "ok.ts", ".vscode/", ".vscode/s.json", "x:y", "..x", ".clinerules", "d/AGENT.md"];
        string output = FilesListFormatter.Format(dir, [.. names.Select(n => dir + "/" + n)], false, c, false, rooProtected);
        string[] lines = output.Split('\n');
        Assert.Equal(names.Length, lines.Length);
        foreach (string line in lines)
        {
            string entry = line.StartsWith("\U0001F6E1\uFE0F ", StringComparison.Ordinal) ? line[4..] : line;
            Assert.Equal(rooProtected.IsWriteProtected(dir + "/" + entry.TrimEnd('/')), entry != line);
        }

        Assert.Contains("\U0001F6E1\uFE0F AGENTS.md", lines);
    }
}
