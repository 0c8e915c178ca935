using AgentCore.Workspace;

namespace AgentCore.Tests.Workspace;

public sealed class IgnoreRulesTests
{
    private static readonly NpmIgnore s_spec = new(IgnoreRules.Parse("node_modules\n.git\nsecrets/**\n*.log\nprivate/\n!keep.log\n/rootonly.txt\ndocs/*.md\n.rooignore"));

    // Parity spec §5, checked against the npm ignore package 7.0.3.
    [Theory]
    [InlineData("node_modules", true)]
    [InlineData("src/node_modules/x.js", true)]
    [InlineData("secrets", false)]
    [InlineData("secrets/a.json", true)]
    [InlineData("keep.log", false)]
    [InlineData("private", false)]
    [InlineData("private/", true)]
    [InlineData("private/x.txt", true)]
    [InlineData("a/private/x.txt", true)]
    [InlineData("rootonly.txt", true)]
    [InlineData("sub/rootonly.txt", false)]
    [InlineData("docs/a.md", true)]
    [InlineData("docs/sub/a.md", false)]
    [InlineData("sub/.rooignore", true)]
    [InlineData("node_modules.bak/x", false)]
    public void Ignores_SpecVectors_MatchNpmIgnore(string path, bool expected) => Assert.Equal(expected, s_spec.Ignores(path));

    [Theory]
    [InlineData("")]
    [InlineData("../x")]
    [InlineData("/abs")]
    [InlineData("./x")]
    public void Ignores_InvalidPath_Throws(string path) => Assert.Throws<ArgumentException>(() => s_spec.Ignores(path));

    [Theory]
    [InlineData("a/b/c.txt", false, "Ignore")]
    [InlineData("keep.txt", false, "Whitelist")]
    [InlineData("build", true, "Ignore")]
    [InlineData("build", false, "None")]
    [InlineData("x/build", true, "Ignore")]
    [InlineData("root.md", false, "Ignore")]
    [InlineData("sub/root.md", false, "None")]
    [InlineData("lib/deep/x/gen.c", false, "Ignore")]
    [InlineData("lib/gen.c", false, "Ignore")]
    [InlineData("trailing ", false, "Ignore")]
    [InlineData("#hash", false, "Ignore")]
    public void Match_GitSemantics_LastRuleWins(string path, bool isDir, string expected)
    {
        IgnoreRules rules = IgnoreRules.Parse("# comment\n*.txt\n!keep.txt\nbuild/\n/root.md\nlib/**/gen.c\ntrailing\\ \r\n\\#hash\n");
        Assert.Equal(expected, rules.Match(path, isDir).ToString());
    }

    [Theory]
    [InlineData("src/x.ts", false, "None")]
    [InlineData("node_modules/a/b.js", false, "None")]
    [InlineData("a/.hidden/x", false, "None")]
    public void Overrides_PrunableGlobs_LeaveFilesToDirectoryPruning(string path, bool isDir, string expected)
    {
        var o = new GlobOverrides(["!**/node_modules/**", "!**/.*/**", "!**/target/dependency/**"]);
        Assert.Equal(expected, o.Match(path, isDir).ToString());
        Assert.True(o.PrunesDirectory("node_modules"));
        Assert.True(o.PrunesDirectory("a/b/node_modules"));
        Assert.True(o.PrunesDirectory("x/.git"));
        Assert.True(o.PrunesDirectory("target/dependency"));
        Assert.True(o.PrunesDirectory("a/target/dependency"));
        Assert.False(o.PrunesDirectory("target"));
        Assert.False(o.PrunesDirectory("src/node_modules_x"));
    }

    [Fact]
    public void Overrides_Whitelist_ExcludesUnmatchedFilesOnly()
    {
        var o = new GlobOverrides(["*.md", "!secret.md"]);
        Assert.Equal(IgnoreMatch.Whitelist, o.Match("a/b.md", false));
        Assert.Equal(IgnoreMatch.Ignore, o.Match("a/secret.md", false));
        Assert.Equal(IgnoreMatch.Ignore, o.Match("a/b.ts", false));
        Assert.Equal(IgnoreMatch.None, o.Match("a", true));
    }

    [Theory]
    [InlineData("src/app.ts", true)]
    [InlineData("package.json", true)]
    [InlineData("secret-file.json", true)]
    [InlineData("node_modules/package.json", false)]
    [InlineData("node_modules", false)]
    [InlineData("src/node_modules/file.js", false)]
    [InlineData(".git/HEAD", false)]
    [InlineData("secrets/api-keys.json", false)]
    [InlineData("logs/app.log", false)]
    [InlineData("../outside-project/file.txt", true)]
    [InlineData("/etc/hosts", true)]
    [InlineData("secrets/../secrets/keys.json", false)]
    [InlineData("public/../secrets/keys.json", false)]
    [InlineData("public/css/../../secrets/keys.json", false)]
    [InlineData("public/css/../../public/app.js", true)]
    public void RooIgnore_ValidateAccess_SpecVectors(string path, bool allowed)
    {
        var c = RooIgnoreController.FromContent("/nonexistent-ws", "node_modules\n.git\nsecrets/**\n*.log");
        Assert.Equal(allowed, c.ValidateAccess(path));
    }

    [Fact]
    public void RooIgnore_EmptyContent_AllowsEverything() =>
        Assert.True(RooIgnoreController.FromContent("/w", "").ValidateAccess("node_modules/x"));
}
