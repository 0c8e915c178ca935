namespace AgentCore.Host.Tests.Cli;

public sealed class GrepVerbTests : IDisposable
{
    private readonly string _root;

    public GrepVerbTests()
    {
        _root = Path.Combine(Path.GetTempPath(), "ac-grep-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(_root, "src", "sub"));
        File.WriteAllText(Path.Combine(_root, "src", "app.ts"), "import x\n\nfunction processData(data: any) {\n  // TODO: Implement error handling\n  return data\n}\n");
        File.WriteAllText(Path.Combine(_root, "src", "sub", "notes.md"), "line one\nTODO here\n");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Grep_Todo_PrintsReferenceText()
    {
        ProcessResult r = AgentCoreProcess.Run(["grep", "TODO", "src"], (string?)null, _root);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("Found 2 results.\n\n# src/app.ts\n  3 | function processData(data: any) {\n  4 |   // TODO: Implement error handling\n  5 |   return data\n----\n\n# src/sub/notes.md\n  1 | line one\n  2 | TODO here\n----\n", r.StdOut);
    }

    [Fact]
    public void Grep_GlobAndInvalidRegex()
    {
        ProcessResult g = AgentCoreProcess.Run(["grep", "--glob", "*.md", "TODO"], (string?)null, _root);
        Assert.Equal("Found 1 result.\n\n# src/sub/notes.md\n  1 | line one\n  2 | TODO here\n----\n", g.StdOut);
        ProcessResult bad = AgentCoreProcess.Run(["grep", "(a)\\1"], (string?)null, _root);
        Assert.Equal(0, bad.ExitCode);
        Assert.Equal("No results found\n", bad.StdOut);
        Assert.Equal("agentcore grep: regex parse error: backreferences are not supported\n", bad.StdErr);
        ProcessResult missing = AgentCoreProcess.Run(["grep", "x", "nope"], (string?)null, _root);
        Assert.Equal(1, missing.ExitCode);
    }
}
