namespace AgentCore.Host.Tests.Cli;

/// <summary>File and input errors read as plain sentences naming the path; an empty path is a usage error.</summary>
public sealed class ErrorSentenceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agentcore-errors-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("tokens")]
    [InlineData("estimate")]
    [InlineData("parse")]
    public void MissingFile_NoSuchFileOrDirectory(string verb)
    {
        ProcessResult r = AgentCoreProcess.Run([verb, "/no/such/file"]);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"agentcore {verb}: /no/such/file: no such file or directory\n", r.StdErr);
        Assert.Equal("", r.StdOut);
    }

    [Fact]
    public void StreamMissingFile_NoSuchFileOrDirectory()
    {
        ProcessResult r = AgentCoreProcess.Run(["stream", "--format", "ollama", "/no/such/file"]);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("agentcore stream: /no/such/file: no such file or directory\n", r.StdErr);
    }

    [Theory]
    [InlineData("tokens")]
    [InlineData("estimate")]
    [InlineData("parse")]
    public void Directory_IsADirectory(string verb)
    {
        ProcessResult r = AgentCoreProcess.Run([verb, _dir]);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"agentcore {verb}: {_dir}: is a directory\n", r.StdErr);
    }

    [Fact]
    public void UnreadableFile_PermissionDenied()
    {
        if (Environment.UserName == "root")
        {
            return; // root reads any file: the case cannot be made here (CI runs it unprivileged too)
        }

        string path = Path.Combine(_dir, "secret.txt");
        File.WriteAllText(path, "x");
        File.SetUnixFileMode(path, UnixFileMode.None);
        ProcessResult r = AgentCoreProcess.Run(["tokens", path]);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"agentcore tokens: {path}: permission denied\n", r.StdErr);
    }

    [Theory]
    [InlineData("tokens")]
    [InlineData("estimate")]
    [InlineData("parse")]
    public void EmptyPath_UsageErrorExit2(string verb)
    {
        ProcessResult r = AgentCoreProcess.Run([verb, ""]);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.StdOut);
        Assert.Single(r.StdErr.TrimEnd('\n').Split('\n'));
        Assert.Contains("empty path", r.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void ContextEmptyHistoryFirstRequest_NoneAndNoIndices()
    {
        string path = Path.Combine(_dir, "h.json");
        File.WriteAllText(path, "[]");
        ProcessResult r = AgentCoreProcess.Run(["context", "--context-window", "1000", "--total-tokens", "0", path]);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("""{"messageTokens":[],"totalTokens":0,"prevContextTokens":0,"allowedTokens":-7292,"decision":"none","keptIndices":[]}""" + "\n", r.StdOut);
    }

    [Fact]
    public void Trace_BeforeOrAfterTheVerb_WritesAValidTraceOfTheVerb()
    {
        string before = Path.Combine(_dir, "before.json");
        string after = Path.Combine(_dir, "after.json");
        Assert.Equal("2\t-\n", AgentCoreProcess.Run(["--trace", before, "tokens"], "hello world").StdOut);
        Assert.Equal(0, AgentCoreProcess.Run(["tokens", "--trace=" + after], "hello world").ExitCode);
        foreach (string path in new[] { before, after })
        {
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(path));
            Assert.Contains(doc.RootElement.GetProperty("traceEvents").EnumerateArray(),
                e => e.GetProperty("ph").GetString() == "X" && e.GetProperty("name").GetString() == "verb.tokens");
        }
    }

    [Fact]
    public void Trace_UnwritablePath_Exit1NamingIt()
    {
        ProcessResult r = AgentCoreProcess.Run(["tokens", "--trace", "/no/such/dir/t.json"], "x");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("agentcore tokens: /no/such/dir/t.json: no such file or directory\n", r.StdErr);
    }
}
