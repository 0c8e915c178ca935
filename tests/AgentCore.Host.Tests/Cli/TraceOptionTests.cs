using System.Text.Json;

namespace AgentCore.Host.Tests.Cli;

public sealed class TraceOptionTests
{
    [Fact]
    public void Tokens_Trace_WritesValidChromeTraceWithScopes()
    {
        string dir = Directory.CreateTempSubdirectory("agentcore-trace-").FullName;
        try
        {
            string input = Path.Combine(dir, "in.txt");
            File.WriteAllText(input, string.Concat(Enumerable.Repeat("The quick brown fox jumps over the lazy dog. ", 2000)));
            string trace = Path.Combine(dir, "t.json");
            ProcessResult r = AgentCoreProcess.Run(["tokens", "--trace", trace, input]);
            Assert.Equal(0, r.ExitCode);
            Assert.Equal($"20001\t{input}\n", r.StdOut);
            Assert.Equal("", r.StdErr);

            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(trace));
            JsonElement[] events = [.. doc.RootElement.GetProperty("traceEvents").EnumerateArray()];
            JsonElement[] complete = [.. events.Where(e => e.GetProperty("ph").GetString() == "X")];
            Assert.Contains(complete, e => e.GetProperty("name").GetString() == "verb.tokens");
            Assert.Contains(complete, e => e.GetProperty("name").GetString() == "tokens.count");
            foreach (JsonElement e in complete)
            {
                Assert.True(e.GetProperty("pid").GetInt32() > 0);
                Assert.True(e.GetProperty("tid").GetInt32() > 0);
                Assert.True(e.GetProperty("ts").GetDouble() >= 0);
                Assert.True(e.GetProperty("dur").GetDouble() >= 0);
            }

            // Every track that carries events is named.
            var named = events.Where(e => e.GetProperty("ph").GetString() == "M" && e.GetProperty("name").GetString() == "thread_name")
                .Select(e => e.GetProperty("tid").GetInt32()).ToHashSet();
            Assert.All(complete, e => Assert.Contains(e.GetProperty("tid").GetInt32(), named));
            Assert.Equal(0, doc.RootElement.GetProperty("otherData").GetProperty("droppedEvents").GetInt64());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Trace_UnwritablePath_ExitOneBeforeWork()
    {
        ProcessResult r = AgentCoreProcess.Run(["tokens", "--trace", "/nonexistent-dir/t.json"], "hi");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.StdOut);
        Assert.Equal("agentcore tokens: /nonexistent-dir/t.json: no such file or directory\n", r.StdErr);
    }

    [Fact]
    public void Trace_MissingValue_UsageError()
    {
        ProcessResult r = AgentCoreProcess.Run(["tokens", "--trace"], "hi");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("agentcore: option '--trace' needs a value\n", r.StdErr);
    }
}
