using AgentCore.Workspace;

namespace AgentCore.Tests.Workspace;

public sealed class SearchFilesTests
{
    private static TempTree SpecTree()
    {
        var t = new TempTree();
        t.Dir(".git");
        t.File("src/app.ts", "import x\n\nfunction processData(data: any) {\n  // TODO: Implement error handling\n  return data\n}\n\n// filler 1\n// filler 2\n// filler 3\nconst a = 1 // TODO: second\nconst b = 2 // TODO: adjacent\n");
        t.File("src/sub/notes.md", "line one\nTODO here\n");
        t.File("src/long.txt", new string('x', 600) + " TODO long\n");
        return t;
    }

    private static SearchFilesResult Search(string root, string path, string regex, string? glob = null) =>
        WorkspaceOperations.SearchFilesAsync(new SearchFilesRequest { Path = path, Regex = regex, FilePattern = glob, WorkspaceRoot = root }, CancellationToken.None).GetAwaiter().GetResult();

    [Fact]
    public void Search_SpecVector_GroupsContextAndTruncation()
    {
        using TempTree t = SpecTree();
        SearchFilesResult r = Search(t.Root, "src", "TODO");
        Assert.Equal(4, r.Results);
        Assert.Equal("Found 4 results.\n\n# src/app.ts\n  3 | function processData(data: any) {\n  4 |   // TODO: Implement error handling\n  5 |   return data\n----\n 10 | // filler 3\n 11 | const a = 1 // TODO: second\n 12 | const b = 2 // TODO: adjacent\n----\n\n" +
            "# src/long.txt\n  1 | " + new string('x', 500) + " [truncated...]\n----\n\n# src/sub/notes.md\n  1 | line one\n  2 | TODO here\n----", r.Output);
    }

    [Fact]
    public void Search_GlobRegexErrorsAndNoMatch()
    {
        using TempTree t = SpecTree();
        Assert.Equal("Found 1 result.\n\n# src/sub/notes.md\n  1 | line one\n  2 | TODO here\n----", Search(t.Root, "src", "TODO", "*.md").Output);
        SearchFilesResult bad = Search(t.Root, "src", "(");
        Assert.Equal("No results found", bad.Output);
        Assert.NotNull(bad.RegexError);
        Assert.Equal("Found 0 results.", Search(t.Root, "src", "nomatch").Output);
    }

    [Fact]
    public void Search_CrlfBinaryHiddenAndRooIgnore()
    {
        using TempTree t = SpecTree();
        t.File("src/crlf.txt", "a\r\nTODO crlf\r\nb\r\n");
        t.File("src/bin.dat", "TODO before\0TODO after\n");
        t.File("src/.hidden.txt", "TODO hidden\n");
        t.File(".gitignore", "ignored.txt\n").File("src/ignored.txt", "TODO ignored\n");
        t.File(".rooignore", "*.md\n");
        SearchFilesResult r = Search(t.Root, "src", "TODO");
        Assert.Contains("# src/crlf.txt\n  1 | a\n  2 | TODO crlf\n  3 | b\n----", r.Output);
        Assert.Contains("# src/bin.dat\n  1 | TODO before\n----", r.Output);
        Assert.DoesNotContain("hidden", r.Output);
        Assert.DoesNotContain("ignored", r.Output);
        Assert.DoesNotContain("notes.md", r.Output);
        Assert.StartsWith("Found 5 results.", r.Output);
    }

    [Fact]
    public void Search_ManyMatches_CapsAt300AndSkipsFilesPastTheLineCap()
    {
        using var t = new TempTree();
        for (int i = 0; i < 400; i++)
        {
            t.File($"f{i:D3}.txt", "hit\n\nhit\n");
        }

        SearchFilesResult r = Search(t.Root, ".", "hit");
        Assert.StartsWith("Showing first 300 of 300+ results. Use a more specific search if necessary.", r.Output);
        // 1,500 JSON lines hold 250 files of begin + 3 messages + end... (2 matches + 1 context) = 5 lines each.
        Assert.Contains("# f299.txt", r.Output);
        Assert.DoesNotContain("# f300.txt", r.Output);
    }

    [Theory]
    [InlineData("(?P<word>foo)", "(?<word>foo)")]
    [InlineData("\\x{41}[[:digit:]]", "\\u0041[0-9]")]
    [InlineData("\\pL+", "\\p{L}+")]
    [InlineData("[]a]", "[\\]a]")]
    public void Translate_RustSyntax_ToDotNet(string rust, string dotnet) => Assert.Equal(dotnet, RustRegex.Translate(rust, out _));

    [Theory]
    [InlineData("(?=x)")]
    [InlineData("(a)\\1")]
    [InlineData("[a[b]]")]
    [InlineData("[a&&b]")]
    [InlineData("a\\nb")]
    [InlineData("(?U)a+")]
    [InlineData("\\p{Greek}")]
    public void Translate_Unsupported_Rejected(string rust)
    {
        Assert.Null(RustRegex.Translate(rust, out string? error));
        Assert.StartsWith("regex parse error: ", error);
    }

    [Theory]
    [InlineData("TODO", "TODO")]
    [InlineData("function\\s+\\w+", "function")]
    [InlineData("abc*d", "ab")]
    [InlineData("a|b", null)]
    [InlineData("foo(bar)?bazz", "bazz")]
    [InlineData("\\.ts$", ".ts")]
    [InlineData("x{0,3}yz", "yz")]
    public void RequiredLiteral_Extract(string pattern, string? expected) => Assert.Equal(expected, RequiredLiteral.Extract(pattern)?.Text);

    [Fact]
    public void Search_CatastrophicPattern_FinishesLinearly()
    {
        using var t = new TempTree();
        t.File("a.txt", new string('a', 5000) + "!\n");
        Assert.Equal("Found 0 results.", Search(t.Root, ".", "(a+)+$b").Output);
    }
}
