namespace AgentCore.Host.Tests.Cli;

public sealed class EstimateVerbTests
{
    [Theory]
    [InlineData("[]", "0\n")]
    [InlineData("[{\"type\":\"text\",\"text\":\"Hello world\"}]", "3\n")]
    [InlineData("[{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"u\"}}]", "450\n")]
    [InlineData("[{\"type\":\"text\",\"text\":\"a \\ud800 b\"}]", "5\n")]
    public void Estimate_Stdin_PrintsEstimate(string json, string expected)
    {
        ProcessResult r = AgentCoreProcess.Run(["estimate"], json);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(expected, r.StdOut);
    }

    [Fact]
    public void Estimate_NotAnArray_Exit1()
    {
        ProcessResult r = AgentCoreProcess.Run(["estimate", "-"], "{\"type\":\"text\"}");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.StdOut);
        Assert.NotEqual("", r.StdErr);
    }
}
