namespace AgentCore.Host.Tests.Hostile;

/// <summary>
/// Issue 10's rows for <c>agentcore tokens</c>: single-piece inputs cost at most 8 bytes per input byte, files and
/// stdin of any size are read in blocks, ids stream out and stop when the reader goes away.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class TokensHostileTests
{
    [Theory]
    [InlineData((byte)' ', 16L << 20, 131072)]
    [InlineData((byte)'a', 16L << 20, 2097152)]
    [InlineData((byte)'\n', 8L << 20, 524288)]
    [InlineData((byte)0, 64L << 20, 33554432)]
    public void Tokens_OnePieceInput_SameCountAtMost8BytesPerInputByte(byte fill, long size, long expectedCount)
    {
        string path = BoundedRun.FileOf(fill, size);
        try
        {
            BoundedResult r = BoundedRun.Run(["tokens", path], HostileCollection.CeilingBytes);
            Assert.False(r.KilledForMemory, $"peak RSS {r.PeakMiB:0} MiB passed the ceiling");
            Assert.Equal(0, r.ExitCode);
            Assert.Equal($"{expectedCount}\t{path}\n", r.StdOut);
            Assert.True(r.PeakRssBytes <= (8 * size) + HostileCollection.BaselineBytes, $"peak RSS {r.PeakMiB:0} MiB for {size >> 20} MiB of input");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Tokens_FileOver2GiB_CountedInMemoryThatDoesNotGrowWithTheFile()
    {
        // 2 GiB + 1 MiB of "hello world\n": 3 tokens per line (hello, " world", "\n"). Main failed at 1 GiB
        // (OverflowException) and 2 GiB (IO_FileTooLong2GB).
        const string line = "hello world\n";
        long size = (2L << 30) + (1 << 20);
        size -= size % line.Length;
        string path = BoundedRun.FileOfLines(line, size);
        try
        {
            BoundedResult r = BoundedRun.Run(["tokens", path], 512L << 20);
            Assert.False(r.KilledForMemory, $"peak RSS {r.PeakMiB:0} MiB");
            Assert.Equal("", r.StdErr);
            Assert.Equal($"{size / line.Length * 3}\t{path}\n", r.StdOut);
            Assert.True(r.PeakRssBytes <= HostileCollection.BaselineBytes, $"peak RSS {r.PeakMiB:0} MiB for a 2 GiB file");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Tokens_200MBFromStdin_ReadInBlocks()
    {
        const string line = "hello world\n";
        long size = 200_000_000 - (200_000_000 % line.Length);
        BoundedResult r = BoundedRun.Run(["tokens"], 512L << 20, BoundedRun.Repeat(line, size));
        Assert.False(r.KilledForMemory, $"peak RSS {r.PeakMiB:0} MiB");
        Assert.Equal($"{size / line.Length * 3}\t-\n", r.StdOut);
        Assert.True(r.PeakRssBytes <= HostileCollection.BaselineBytes, $"peak RSS {r.PeakMiB:0} MiB for 200 MB of stdin");
    }

    [Fact]
    public void Tokens_IdsOfEndlessStdinIntoAReaderThatLeaves_StopsQuietly()
    {
        // `agentcore tokens --ids | head -c 10` on an input without end: ids stream out as they are encoded, and the
        // closed pipe (EPIPE) stops the work at once, quietly. Encoding everything first would never end.
        BoundedResult r = BoundedRun.Run(["tokens", "--ids"], 512L << 20, BoundedRun.Repeat("hello world\n", -1), closeStdoutAfter: 10, timeoutMs: 120_000);
        Assert.False(r.KilledForMemory, $"peak RSS {r.PeakMiB:0} MiB");
        Assert.StartsWith("24912 2375 198 ", r.StdOut, StringComparison.Ordinal);
        Assert.Equal("", r.StdErr);
    }

    [Fact]
    public void Tokens_ToDevFull_FailsWithAMessage()
    {
        // write() returns ENOSPC: one stderr line and exit 1 (main: exit 0, nothing on stderr).
        foreach (string[] args in new[] { new[] { "tokens" }, ["parse"], ["estimate"], ["--version"] })
        {
            ProcessResult r = RunToDevFull(args, args[0] == "estimate" ? "[{\"type\":\"text\",\"text\":\"hi\"}]" : "Hello world");
            Assert.True(r.ExitCode == 1, $"agentcore {args[0]} >/dev/full: exit {r.ExitCode}, stderr '{r.StdErr}'");
            Assert.Contains("no space left on device", r.StdErr, StringComparison.OrdinalIgnoreCase);
            Assert.Single(r.StdErr.TrimEnd('\n').Split('\n'));
        }
    }

    [Theory]
    [InlineData("/no/such/file", "/no/such/file: no such file or directory")]
    [InlineData("/", "/: is a directory")]
    public void Tokens_UnreadablePath_PlainSentenceNamingIt(string path, string expected)
    {
        ProcessResult r = AgentCoreProcess.Run(["tokens", path], "");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"agentcore tokens: {expected}\n", r.StdErr);
    }

    [Fact]
    public void Tokens_EmptyPath_UsageError()
    {
        ProcessResult r = AgentCoreProcess.Run(["tokens", ""], "");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.StdOut);
        Assert.DoesNotContain("internal error", r.StdErr, StringComparison.Ordinal);
        Assert.Single(r.StdErr.TrimEnd('\n').Split('\n'));
    }

    private static ProcessResult RunToDevFull(string[] args, string stdin)
    {
        // The shell opens /dev/full as stdout; the binary's own stdout is what fails.
        string command = "exec \"$0\" \"$@\" >/dev/full";
        var psi = new System.Diagnostics.ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(command);
        psi.ArgumentList.Add(AgentCoreProcess.BinaryPath);
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = System.Diagnostics.Process.Start(psi)!;
        p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        string err = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(60_000));
        return new ProcessResult(p.ExitCode, "", err, []);
    }
}
