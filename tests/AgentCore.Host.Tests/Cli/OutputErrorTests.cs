using System.Diagnostics;

namespace AgentCore.Host.Tests.Cli;

/// <summary>Writes to stdout that fail: a full device is exit 1 with one stderr line; a closed pipe ends the work quietly.</summary>
public sealed class OutputErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agentcore-output-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Runs the binary through sh with a shell redirection or pipeline appended (<paramref name="tail"/>).</summary>
    private static ProcessResult Shell(string tail, params string[] args) =>
        Run("/bin/sh", ["-c", "\"$0\" \"$@\" " + tail, AgentCoreProcess.BinaryPath, .. args]);

    private static ProcessResult Run(string file, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        Task<string> err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail("the run did not end within 120 s");
        }

        return new ProcessResult(p.ExitCode, output, err.Result, []);
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void DevFull_Version_Exit1NamingStdout()
    {
        ProcessResult r = Shell(">/dev/full", "--version");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("agentcore: stdout: no space left on device\n", r.StdErr);
    }

    [Theory]
    [InlineData("tokens")]
    [InlineData("parse")]
    [InlineData("estimate")]
    public void DevFull_Verb_Exit1WithOneLineNamingStdout(string verb)
    {
        string input = Write("in.txt", verb == "estimate" ? """[{"type":"text","text":"hello"}]""" : "hello world");
        ProcessResult r = Shell(">/dev/full", verb, input);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"agentcore {verb}: stdout: no space left on device\n", r.StdErr);
    }

    [Theory]
    [InlineData("serve", """{"jsonrpc":"2.0","id":0,"method":"initialize","params":{}}""")]
    [InlineData("mcp", """{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""")]
    public void DevFull_Server_Exit1WithOneLineNamingStdout(string verb, string request)
    {
        string input = Write("requests.jsonl", request + "\n");
        ProcessResult r = Shell($"<\"{input}\" >/dev/full", verb);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"agentcore {verb}: stdout: no space left on device\n", r.StdErr);
    }

    [Fact]
    public void ClosedPipe_TokensIdsIntoHead_ExitsZeroQuietly()
    {
        string big = Write("big.txt", string.Concat(Enumerable.Repeat("The quick brown fox jumps over the lazy dog. ", 200_000)));
        // pipefail: the pipeline's status is agentcore's own, not head's.
        ProcessResult r = Run("/bin/bash", ["-c", "set -o pipefail; \"$0\" tokens --ids \"$1\" \"$1\" \"$1\" | head -c 10", AgentCoreProcess.BinaryPath, big]);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(10, r.StdOut.Length);
        Assert.Equal("", r.StdErr);
    }

    [Fact]
    public void ClosedPipe_EndlessStreamInput_StopsOnItsOwn()
    {
        // `yes` feeds an endless SSE body: only the closed pipe on stdout can end agentcore; the test's own timeout
        // (not an assertion on time) catches a run that would go on.
        ProcessResult r = Run("/bin/bash", ["-c",
            "set -o pipefail; yes $'data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\\n' 2>/dev/null | \"$0\" stream --format openai-chat | head -c 100 >/dev/null; echo \"${PIPESTATUS[1]}\"",
            AgentCoreProcess.BinaryPath]);
        Assert.Equal("0\n", r.StdOut);
        Assert.Equal("", r.StdErr);
    }
}
