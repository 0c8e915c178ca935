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
}
