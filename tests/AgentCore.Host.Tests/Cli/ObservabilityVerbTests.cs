using System.Text.Json;

namespace AgentCore.Host.Tests.Cli;

public sealed class ObservabilityVerbTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agentcore-obs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Stats_Tokens_PrintsOperationsAndMemory()
    {
        string input = Path.Combine(_dir, "a.txt");
        File.WriteAllText(input, "Hello world, hello tokens.");
        ProcessResult r = AgentCoreProcess.Run(["stats", "--json", "--", "tokens", input, input]);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.StdErr);
        using JsonDocument doc = JsonDocument.Parse(r.StdOut);
        JsonElement root = doc.RootElement;
        Assert.Equal(0, root.GetProperty("exitCode").GetInt32());
        JsonElement[] ops = [.. root.GetProperty("operations").EnumerateArray()];
        JsonElement input2 = ops.Single(o => o.GetProperty("operation").GetString() == "tokens.input");
        Assert.Equal(2, input2.GetProperty("count").GetInt64());
        Assert.Equal(52, input2.GetProperty("bytes").GetInt64());
        Assert.Equal(1, ops.Single(o => o.GetProperty("operation").GetString() == "verb.tokens").GetProperty("count").GetInt64());
        Assert.True(root.GetProperty("memory").GetProperty("peakRssBytes").GetInt64() > 1_000_000);
    }

    [Fact]
    public void Stats_Table_NamesTheRunAndTheFigures()
    {
        ProcessResult r = AgentCoreProcess.Run(["stats", "--", "tokens"], "hello");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("run:        agentcore tokens\n", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("verb.tokens", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("RSS:", r.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Stats_NoVerb_UsageError()
    {
        ProcessResult r = AgentCoreProcess.Run(["stats"], "");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.StdOut);
    }

    [Fact]
    public void Bench_Quick_TableAndJsonReport()
    {
        string report = Path.Combine(_dir, "bench.json");
        ProcessResult r = AgentCoreProcess.Run(["bench", "--quick", "--out", report], stdin: (string?)null, timeoutMs: 180_000);
        Assert.Equal(0, r.ExitCode);
        foreach (string row in new[]
        {
            "cold start", "tokens o200k_base (mixed corpus)", "tokens cl100k_base (mixed corpus)", "stream decode openai-chat", "stream decode openai-responses",
            "stream decode anthropic", "stream decode gemini", "stream decode ollama", "parse assistant reply", "file walk (list_files, recursive, repository)",
            "symbol index build (repository, cold)", "peak RSS",
        })
        {
            Assert.Contains(row, r.StdOut, StringComparison.Ordinal);
        }

        using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(report));
        Assert.True(doc.RootElement.GetProperty("quick").GetBoolean());
        Assert.All(doc.RootElement.GetProperty("rows").EnumerateArray(), row => Assert.True(row.GetProperty("value").GetDouble() > 0));
    }

    [Fact]
    public void Soak_ShortRun_PassesAndWritesCsvAndSvg()
    {
        string prefix = Path.Combine(_dir, "soak");
        ProcessResult r = AgentCoreProcess.Run(["soak", "--duration", "4s", "--concurrency", "50", "--interval", "1s", "--out", prefix], stdin: (string?)null, timeoutMs: 120_000);
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("soak: PASSED", r.StdOut, StringComparison.Ordinal);
        Assert.Contains(" 0 failed, 0 lost", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("elapsed,", r.StdErr, StringComparison.Ordinal);
        string[] csv = File.ReadAllLines(prefix + ".csv");
        Assert.Equal("elapsed_s,operations,failures,rss_bytes,gc_heap_bytes,handles,threads", csv[0]);
        Assert.True(csv.Length >= 4);
        System.Xml.Linq.XDocument.Load(prefix + ".svg");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SlowOperation_StdinHeldOpen_OneStructuredLineOnlyWhenEnabled(bool enabled)
    {
        // `tokens` reading stdin that stays open 1.5 s (the process is reading it well before then, even on a loaded
        // machine): its tokens.input and verb.tokens operations both take longer than 100 ms; the rate limit lets the
        // first one through and counts the other.
        var psi = new System.Diagnostics.ProcessStartInfo(AgentCoreProcess.BinaryPath, "tokens")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        psi.Environment["AGENTCORE_SLOW_WARNINGS"] = enabled ? "1" : "0";
        using var p = System.Diagnostics.Process.Start(psi)!;
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        await p.StandardInput.WriteAsync("hello slow world");
        await p.StandardInput.FlushAsync();
        await Task.Delay(1_500);
        p.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await p.WaitForExitAsync(timeout.Token);
        Assert.Equal(0, p.ExitCode);
        Assert.Equal("3\t-\n", await stdout);
        string err = await stderr;
        if (!enabled)
        {
            Assert.Equal("", err);
            return;
        }

        string line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using JsonDocument doc = JsonDocument.Parse(line);
        JsonElement root = doc.RootElement;
        Assert.Equal("warning", root.GetProperty("level").GetString());
        Assert.Equal("slow_operation", root.GetProperty("event").GetString());
        Assert.Contains(root.GetProperty("operation").GetString(), (string[])["tokens.input", "verb.tokens"]);
        Assert.True(root.GetProperty("durationMs").GetDouble() >= 100, line);
    }

    [Theory]
    [InlineData("2x")]
    [InlineData("0s")]
    [InlineData("m")]
    public void Soak_BadDuration_UsageError(string duration)
    {
        ProcessResult r = AgentCoreProcess.Run(["soak", "--duration", duration], "");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--duration", r.StdErr, StringComparison.Ordinal);
    }
}
