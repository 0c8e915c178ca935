using System.Text.Json;
using AgentCore.Host.Rpc;

namespace AgentCore.Host.Tests.Rpc;

/// <summary>stats/get and stats/trace of serve: the observability operations.</summary>
/// <remarks>The profiler is process-wide, so the tests that turn it on run one at a time (one collection).</remarks>
[Collection(nameof(ProfilerCollection))]
public sealed class ServeStatsTests
{
    private const string Init = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{}}";

    private static JsonElement Ask(RpcHarness h, string json)
    {
        h.Send(json);
        return h.Next()!.Value;
    }

    private static RpcHarness Start()
    {
        var h = new RpcHarness(s => _ = new ServeSession(s));
        Assert.True(Ask(h, Init).TryGetProperty("result", out _));
        return h;
    }

    [Fact]
    public void Initialize_ListsTheNewMethodsAndTheLanguages()
    {
        JsonElement[] r = [.. RpcHarness.RunLines(Init + "\n", s => _ = new ServeSession(s)).Select(l => JsonDocument.Parse(l).RootElement.Clone())];
        JsonElement result = Assert.Single(r).GetProperty("result");
        string?[] methods = [.. result.GetProperty("capabilities").GetProperty("methods").EnumerateArray().Select(e => e.GetString())];
        Assert.Contains("symbols/query", methods);
        Assert.Contains("symbols/index", methods);
        Assert.Contains("stats/get", methods);
        Assert.Contains("stats/trace", methods);
        string?[] languages = [.. result.GetProperty("languages").EnumerateArray().Select(e => e.GetString())];
        Assert.Contains("typescript", languages);
        Assert.Contains("python", languages);
        Assert.Contains("markdown", languages);
    }

    [Fact]
    public void StatsGet_AfterTokensCount_CountsItAndReportsMemory()
    {
        using RpcHarness h = Start();
        Assert.Equal(2, Ask(h, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tokens/count\",\"params\":{\"text\":\"hello world\"}}").GetProperty("result").GetProperty("total").GetInt32());
        JsonElement stats = Ask(h, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"stats/get\"}").GetProperty("result");
        JsonElement op = stats.GetProperty("operations").EnumerateArray().Single(o => o.GetProperty("operation").GetString() == "tokens.countTokens");
        Assert.True(op.GetProperty("count").GetInt64() >= 1);
        Assert.True(op.GetProperty("totalMs").GetDouble() > 0);
        JsonElement memory = stats.GetProperty("memory");
        Assert.True(memory.GetProperty("rssBytes").GetInt64() > 1 << 20);
        Assert.True(memory.GetProperty("peakRssBytes").GetInt64() >= memory.GetProperty("rssBytes").GetInt64());
        Assert.True(memory.GetProperty("gcHeapBytes").GetInt64() > 0);
        Assert.True(memory.GetProperty("allocatedBytes").GetInt64() > 0);
        Assert.True(memory.GetProperty("gen0Collections").GetInt32() >= 0);
        Assert.True(stats.TryGetProperty("slowOperations", out _));

        JsonElement bad = Ask(h, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"stats/get\",\"params\":{\"reset\":\"yes\"}}").GetProperty("error");
        Assert.Equal(-32602, bad.GetProperty("code").GetInt32());
        Assert.Equal("reset", bad.GetProperty("data").GetProperty("target").GetString());
    }

    [Fact]
    public void StatsTrace_OnThenOff_ReturnsTheChromeTraceWithTheOperation()
    {
        using RpcHarness h = Start();
        Assert.True(Ask(h, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"stats/trace\",\"params\":{\"enabled\":true}}").GetProperty("result").GetProperty("recording").GetBoolean());
        Assert.True(Ask(h, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"stats/get\"}").GetProperty("result").GetProperty("profiling").GetBoolean());
        _ = Ask(h, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tokens/count\",\"params\":{\"text\":\"hello world\"}}");
        JsonElement off = Ask(h, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"stats/trace\",\"params\":{\"enabled\":false}}").GetProperty("result");
        Assert.False(off.GetProperty("recording").GetBoolean());
        Assert.True(off.GetProperty("events").GetInt32() >= 1);
        JsonElement[] events = [.. off.GetProperty("trace").GetProperty("traceEvents").EnumerateArray()];
        Assert.Contains(events, e => e.GetProperty("name").GetString() == "tokens.countTokens" && e.GetProperty("ph").GetString() == "X");
        Assert.False(off.TryGetProperty("path", out _));
    }

    [Fact]
    public void StatsTrace_PathInsideTheWorkspace_Written_OutsideOrWithoutWorkspaceRefused()
    {
        string dir = Directory.CreateTempSubdirectory("agentcore-serve-trace-").FullName;
        try
        {
            using RpcHarness h = Start();
            _ = Ask(h, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"stats/trace\",\"params\":{\"enabled\":true}}");
            JsonElement noWorkspace = Ask(h, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"stats/trace\",\"params\":{\"enabled\":false,\"path\":\"t.json\"}}").GetProperty("error");
            Assert.Equal("outside_workspace", noWorkspace.GetProperty("data").GetProperty("code").GetString());
            _ = Ask(h, $"{{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"workspace/open\",\"params\":{{\"root\":{JsonSerializer.Serialize(dir, RpcJsonContext.Default.String)}}}}}");
            JsonElement outside = Ask(h, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"stats/trace\",\"params\":{\"enabled\":false,\"path\":\"/tmp/agentcore-trace-outside.json\"}}").GetProperty("error");
            Assert.Equal("outside_workspace", outside.GetProperty("data").GetProperty("code").GetString());
            Assert.False(File.Exists("/tmp/agentcore-trace-outside.json"));

            // The refusals left the recording on: stopping into the workspace writes the file.
            JsonElement written = Ask(h, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"stats/trace\",\"params\":{\"enabled\":false,\"path\":\"traces/t.json\"}}").GetProperty("error");
            Assert.Equal("not_found", written.GetProperty("data").GetProperty("code").GetString());
            Directory.CreateDirectory(Path.Combine(dir, "traces"));
            JsonElement ok = Ask(h, "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"stats/trace\",\"params\":{\"enabled\":false,\"path\":\"traces/t.json\"}}").GetProperty("result");
            Assert.Equal(Path.Combine(dir, "traces", "t.json"), ok.GetProperty("path").GetString());
            Assert.False(ok.TryGetProperty("trace", out _));
            using JsonDocument file = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "traces", "t.json")));
            Assert.Equal("agentcore", file.RootElement.GetProperty("otherData").GetProperty("producer").GetString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void StatsTrace_BadParamsOrNotRecording_Minus32602NamingTheField()
    {
        using RpcHarness h = Start();
        static string Target(JsonElement answer)
        {
            JsonElement error = answer.GetProperty("error");
            Assert.Equal(-32602, error.GetProperty("code").GetInt32());
            return error.GetProperty("data").GetProperty("target").GetString()!;
        }

        Assert.Equal("enabled", Target(Ask(h, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"stats/trace\",\"params\":{}}")));
        Assert.Equal("enabled", Target(Ask(h, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"stats/trace\",\"params\":{\"enabled\":\"on\"}}")));
        Assert.Equal("capacity", Target(Ask(h, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"stats/trace\",\"params\":{\"enabled\":true,\"capacity\":0}}")));
        Assert.Equal("enabled", Target(Ask(h, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"stats/trace\",\"params\":{\"enabled\":false}}")));
    }
}

/// <summary>Tests that turn the process-wide profiler on and off run one at a time.</summary>
[CollectionDefinition(nameof(ProfilerCollection), DisableParallelization = true)]
public sealed class ProfilerCollection;
