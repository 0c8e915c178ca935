namespace AgentCore.Host.Tests.Cli;

public sealed class ReadVerbTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ac-read-" + Guid.NewGuid().ToString("N")[..8]);

    public ReadVerbTests()
    {
        Directory.CreateDirectory(_root);
        File.WriteAllText(Path.Combine(_root, "five.txt"), "Line 1\nLine 2\nLine 3\nLine 4\nLine 5\n");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Read_ClassicRangeAndSlice()
    {
        ProcessResult r = AgentCoreProcess.Run(["read", "--start", "2", "--end", "3", "five.txt"], (string?)null, _root);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("<files>\n<file><path>five.txt</path>\n<content lines=\"2-3\">\n2 | Line 2\n3 | Line 3\n</content>\n</file>\n</files>\n", r.StdOut);
        ProcessResult s = AgentCoreProcess.Run(["read", "--mode", "slice", "--offset", "5", "five.txt"], (string?)null, _root);
        Assert.Equal("File: five.txt\n5 | Line 5\n6 | \n", s.StdOut);
    }

    [Fact]
    public void Read_DevZeroDirectoryMissing_NoCrash()
    {
        ProcessResult z = AgentCoreProcess.Run(["read", "--allow-outside", "/dev/zero"], (string?)null, _root);
        Assert.Equal(0, z.ExitCode);
        Assert.Contains("Binary file - content not displayed", z.StdOut);
        ProcessResult d = AgentCoreProcess.Run(["read", "."], (string?)null, _root);
        Assert.Equal(1, d.ExitCode);
        Assert.Equal("agentcore read: .: is a directory\n", d.StdErr);
        ProcessResult m = AgentCoreProcess.Run(["read", "nope"], (string?)null, _root);
        Assert.Equal("agentcore read: nope: no such file or directory\n", m.StdErr);
    }
}
