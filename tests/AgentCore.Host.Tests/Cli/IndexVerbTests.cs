using System.Text.Json;

namespace AgentCore.Host.Tests.Cli;

/// <summary>`agentcore index` and `agentcore symbols` through the published binary.</summary>
public sealed class IndexVerbTests : IDisposable
{
    private static readonly string s_vectors = Path.Combine(AgentCoreProcess.RepositoryRoot, "tests", "AgentCore.Tests", "TestData", "Symbols", "Vectors");
    private readonly string _root = Directory.CreateTempSubdirectory("agentcore-indexverb-").FullName;
    private readonly string _snapshot;

    public IndexVerbTests()
    {
        foreach (string name in (string[])["a.ts", "py1.py", "cs1.cs", "go1.go"])
        {
            File.Copy(Path.Combine(s_vectors, name), Path.Combine(_root, name));
        }

        _snapshot = Path.Combine(_root, ".snap", "index.idx");
    }

    public void Dispose() => Directory.Delete(_root, true);

    [Fact]
    public void Index_ThenUnchanged_PrintsFiguresAndReuses()
    {
        ProcessResult first = AgentCoreProcess.Run(["index", "--snapshot", _snapshot, _root]);
        Assert.Equal(0, first.ExitCode);
        Assert.StartsWith("files: 4 (parsed 4, reused 0, skipped 0)\nsymbols: ", first.StdOut, StringComparison.Ordinal);
        Assert.Contains("\nseconds: ", first.StdOut, StringComparison.Ordinal);
        Assert.Contains("\npeak memory: ", first.StdOut, StringComparison.Ordinal);
        ProcessResult second = AgentCoreProcess.Run(["index", "--snapshot", _snapshot, _root]);
        Assert.StartsWith("files: 4 (parsed 0, reused 4, skipped 0)\n", second.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Symbols_TextAndJson()
    {
        ProcessResult text = AgentCoreProcess.Run(["symbols", "--snapshot", _snapshot, "--limit", "1", "Greeter", _root]);
        Assert.Equal((0, "1.0\tclass\tGreeter\tpy1.py:3-10\n"), (text.ExitCode, text.StdOut));
        ProcessResult json = AgentCoreProcess.Run(["symbols", "--json", "--snapshot", _snapshot, "Calc", _root]);
        Assert.Equal(0, json.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(json.StdOut);
        JsonElement m = doc.RootElement[0];
        Assert.Equal(("Calculator", "class", "cs1.cs", 5, 13, 0.8),
            (m.GetProperty("name").GetString(), m.GetProperty("kind").GetString(), m.GetProperty("path").GetString(),
             m.GetProperty("startLine").GetInt32(), m.GetProperty("endLine").GetInt32(), m.GetProperty("score").GetDouble()));
    }

    [Fact]
    public void Index_CorruptSnapshot_Rebuilds()
    {
        Assert.Equal(0, AgentCoreProcess.Run(["index", "--snapshot", _snapshot, _root]).ExitCode);
        byte[] bytes = File.ReadAllBytes(_snapshot);
        File.WriteAllBytes(_snapshot, bytes[..(bytes.Length / 2)]);
        ProcessResult r = AgentCoreProcess.Run(["index", "--snapshot", _snapshot, _root]);
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("files: 4 (parsed 4, reused 0, skipped 0)\n", r.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Index_MissingDirectory_FailsWithSentence()
    {
        ProcessResult r = AgentCoreProcess.Run(["index", "/no/such/dir"]);
        Assert.Equal((1, "agentcore index: /no/such/dir: no such file or directory\n"), (r.ExitCode, r.StdErr));
        ProcessResult s = AgentCoreProcess.Run(["symbols", "x", "/no/such/dir"]);
        Assert.Equal(1, s.ExitCode);
    }
}
