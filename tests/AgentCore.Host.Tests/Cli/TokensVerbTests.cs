namespace AgentCore.Host.Tests.Cli;

public sealed class TokensVerbTests
{
    [Fact]
    public void Tokens_Stdin_CountAndDash()
    {
        ProcessResult r = AgentCoreProcess.Run(["tokens"], "Hello world");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("2\t-\n", r.StdOut);
        Assert.Equal("", r.StdErr);
    }

    [Fact]
    public void Tokens_SpecialTokenText_IsOrdinaryText()
    {
        ProcessResult r = AgentCoreProcess.Run(["tokens", "-"], "<|endoftext|>");
        Assert.Equal("7\t-\n", r.StdOut);
    }

    [Fact]
    public void Tokens_Ids_SpaceSeparatedPerEncoding()
    {
        Assert.Equal("13225 2375\t-\n", AgentCoreProcess.Run(["tokens", "--ids"], "Hello world").StdOut);
        Assert.Equal("9906 1917\t-\n", AgentCoreProcess.Run(["tokens", "--encoding", "cl100k_base", "--ids"], "Hello world").StdOut);
    }

    [Fact]
    public void Tokens_SeveralFiles_LinesInOrderAndTotal()
    {
        string dir = Directory.CreateTempSubdirectory("agentcore-tokens-").FullName;
        try
        {
            string a = Path.Combine(dir, "a.txt");
            string b = Path.Combine(dir, "b.txt");
            File.WriteAllText(a, "Hello world");
            File.WriteAllBytes(b, [0xEF, 0xBB, 0xBF, .. "Goodbye world"u8]);
            ProcessResult r = AgentCoreProcess.Run(["tokens", a, b, "-"], "Test");
            Assert.Equal(0, r.ExitCode);
            // b starts with a BOM, which is text: "\uFEFFGoodbye" is one piece and costs more than "Goodbye".
            string[] lines = r.StdOut.Split('\n');
            Assert.Equal($"2\t{a}", lines[0]);
            Assert.EndsWith($"\t{b}", lines[1], StringComparison.Ordinal);
            Assert.Equal("1\t-", lines[2]);
            int bCount = int.Parse(lines[1].Split('\t')[0], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(bCount > 3);
            Assert.Equal($"{3 + bCount}\ttotal", lines[3]);
            Assert.Equal("", lines[4]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Tokens_MissingFile_ErrorOnStderrExit1()
    {
        ProcessResult r = AgentCoreProcess.Run(["tokens", "/nonexistent/agentcore-missing.txt"]);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.StdOut);
        Assert.Contains("/nonexistent/agentcore-missing.txt", r.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Tokens_UnknownEncoding_UsageErrorExit2()
    {
        ProcessResult r = AgentCoreProcess.Run(["tokens", "--encoding", "p50k_base"], "x");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.StdOut);
        Assert.Single(r.StdErr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Tokens_Help_ExitsZero()
    {
        ProcessResult r = AgentCoreProcess.Run(["tokens", "--help"]);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("--encoding", r.StdOut, StringComparison.Ordinal);
    }
}
