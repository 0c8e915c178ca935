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
    public void Index_Trace_ParseScopesOnNamedWorkerTracks()
    {
        string dir = Directory.CreateTempSubdirectory("agentcore-trace-index-").FullName;
        try
        {
            string src = Path.Combine(dir, "src");
            Directory.CreateDirectory(src);
            for (int i = 0; i < 24; i++)
            {
                File.WriteAllText(Path.Combine(src, $"m{i}.py"), $"class C{i}:\n    def run(self):\n        return {i}\n\n\ndef f{i}():\n    return C{i}()\n");
            }

            string trace = Path.Combine(dir, "t.json");
            ProcessResult r = AgentCoreProcess.Run(["index", "--snapshot", Path.Combine(dir, "snap", "i.idx"), "--trace", trace, src]);
            Assert.Equal(0, r.ExitCode);
            Assert.StartsWith("files: 24 (parsed 24,", r.StdOut, StringComparison.Ordinal);

            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(trace));
            JsonElement[] events = [.. doc.RootElement.GetProperty("traceEvents").EnumerateArray()];
            JsonElement[] complete = [.. events.Where(e => e.GetProperty("ph").GetString() == "X")];
            JsonElement index = Assert.Single(complete, e => e.GetProperty("name").GetString() == "symbols.index");
            JsonElement[] parses = [.. complete.Where(e => e.GetProperty("name").GetString() == "symbols.parse")];
            Assert.Equal(24, parses.Length);
            Assert.Contains(complete, e => e.GetProperty("name").GetString() == "verb.index");

            // Each parse lies within the index build, on a track named after its thread (main or a thread-pool worker).
            double start = index.GetProperty("ts").GetDouble(), end = start + index.GetProperty("dur").GetDouble();
            Dictionary<int, string> names = events.Where(e => e.GetProperty("ph").GetString() == "M" && e.GetProperty("name").GetString() == "thread_name")
                .ToDictionary(e => e.GetProperty("tid").GetInt32(), e => e.GetProperty("args").GetProperty("name").GetString()!);
            foreach (JsonElement p in parses)
            {
                double ts = p.GetProperty("ts").GetDouble();
                Assert.InRange(ts, start - 0.001, end + 0.001);
                string name = names[p.GetProperty("tid").GetInt32()];
                Assert.True(name == "main" || name.StartsWith("thread pool ", StringComparison.Ordinal) || name.StartsWith(".NET", StringComparison.Ordinal), name);
            }
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
