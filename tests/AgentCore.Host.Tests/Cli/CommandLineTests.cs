using System.Text.RegularExpressions;

namespace AgentCore.Host.Tests.Cli;

public sealed partial class CommandLineTests
{
    [GeneratedRegex(@"^agentcore \d+\.\d+\.\d+\n$")]
    private static partial Regex VersionLine();

    [Fact]
    public void Version_PrintsSemverLine()
    {
        ProcessResult r = AgentCoreProcess.Run(["--version"]);
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(VersionLine(), r.StdOut);
        Assert.Equal("", r.StdErr);
    }

    [Fact]
    public void Version_BinaryCopiedAloneIntoEmptyDirectory_Runs()
    {
        string dir = Directory.CreateTempSubdirectory("agentcore-alone-").FullName;
        try
        {
            string copy = Path.Combine(dir, "agentcore");
            File.Copy(AgentCoreProcess.BinaryPath, copy);
            File.SetUnixFileMode(copy, File.GetUnixFileMode(AgentCoreProcess.BinaryPath));
            Assert.Single(Directory.GetFileSystemEntries(dir));
            ProcessResult r = AgentCoreProcess.Run(["--version"], stdin: null, workingDirectory: dir, binary: copy);
            Assert.Equal(0, r.ExitCode);
            Assert.Matches(VersionLine(), r.StdOut);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Help_ListsUsageOnStdout()
    {
        ProcessResult r = AgentCoreProcess.Run(["--help"]);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Usage: agentcore <verb>", r.StdOut, StringComparison.Ordinal);
        Assert.Equal("", r.StdErr);
    }

    [Fact]
    public void NoArguments_PrintsUsageOnStderrAndExits2()
    {
        ProcessResult r = AgentCoreProcess.Run([]);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.StdOut);
        Assert.Contains("Usage: agentcore", r.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate", "agentcore: unknown verb 'frobnicate' (see 'agentcore --help')\n")]
    [InlineData("--frobnicate", "agentcore: unknown option '--frobnicate' (see 'agentcore --help')\n")]
    public void UnknownVerbOrGlobalOption_OneLineOnStderrExit2(string arg, string expected)
    {
        ProcessResult r = AgentCoreProcess.Run([arg]);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.StdOut);
        Assert.Equal(expected, r.StdErr);
    }

    [Fact]
    public void VersionWithExtraArgument_IsAUsageError()
    {
        ProcessResult r = AgentCoreProcess.Run(["--version", "x"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.StdOut);
        Assert.Single(r.StdErr.TrimEnd('\n').Split('\n'));
    }
}
