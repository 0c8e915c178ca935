using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AgentCore.Host.Tests.Cli;

/// <summary><c>agentcore toolcalls</c> against every public native tool-call vector, and its hostile-input behaviour.</summary>
public sealed class ToolCallsVerbTests
{
    private static readonly Lazy<JsonElement[]> s_vectors = new(() =>
    {
        string path = Path.Combine(AppContext.BaseDirectory, "TestData", "ToolCalls", "native-tools-vectors.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("vectors").EnumerateArray().Select(v => v.Clone()).ToArray();
    });

    public static IEnumerable<object[]> Ids => s_vectors.Value.Select(v => new object[] { v.GetProperty("id").GetString()! });

    [Theory]
    [MemberData(nameof(Ids))]
    public void Toolcalls_Vector_PrintsTheReferenceEntries(string id)
    {
        JsonElement vector = s_vectors.Value.Single(v => v.GetProperty("id").GetString() == id);
        var args = new List<string> { "toolcalls" };
        if (vector.TryGetProperty("customTools", out JsonElement custom))
        {
            foreach (JsonElement name in custom.EnumerateArray())
            {
                args.Add("--custom-tool");
                args.Add(name.GetString()!);
            }
        }

        string input = string.Join("\n", vector.GetProperty("input").EnumerateArray().Select(i => i.GetRawText())) + "\n";
        ProcessResult r = AgentCoreProcess.Run(args, input);
        Assert.True(r.ExitCode == 0, r.StdErr);

        var actual = new Dictionary<string, List<string>> { ["event"] = [], ["partial"] = [], ["final"] = [], ["blocks"] = [] };
        var partialToolUses = new List<string>();
        foreach (string line in r.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var doc = JsonDocument.Parse(line);
            JsonProperty only = doc.RootElement.EnumerateObject().Single();
            actual[only.Name].Add(only.Value.GetRawText());
            if (only.Name == "partial")
            {
                partialToolUses.Add(only.Value.GetProperty("toolUse").GetRawText());
            }
        }

        JsonElement expected = vector.GetProperty("expected");
        Assert.Equal(Raw(expected, "events"), actual["event"]);
        if (vector.GetProperty("partialsEncoding").GetString() == "sha256")
        {
            Assert.Equal(expected.GetProperty("partials").EnumerateArray().Select(e => e.GetString()!).ToList(), partialToolUses.Select(Sha16).ToList());
        }
        else
        {
            Assert.Equal(Raw(expected, "partials"), actual["partial"]);
        }

        Assert.Equal(Raw(expected, "final"), actual["final"]);
        Assert.Equal(Raw(expected, "blocks"), actual["blocks"]);
    }

    [Fact]
    public void Toolcalls_MalformedLine_FailsNamingTheLine()
    {
        ProcessResult r = AgentCoreProcess.Run(["toolcalls"], "{\"type\":\"end\"}\n\n{\"type\":\"tool_call_partial\",\"id\":\"a\",\"name\":\"read_file\",\"arguments\":\"{\"}\nnot json\n");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("line 4", r.StdErr, StringComparison.Ordinal);
        Assert.Contains("{\"event\":{\"at\":1,\"type\":\"tool_call_start\",\"id\":\"a\",\"name\":\"read_file\"}}", r.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Toolcalls_EndlessLine_FailsWithTooLarge()
    {
        byte[] endless = new byte[17 * 1024 * 1024];
        endless.AsSpan().Fill((byte)' ');
        ProcessResult r = AgentCoreProcess.Run(["toolcalls"], endless);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("line 1 is longer than 16777216 bytes", r.StdErr, StringComparison.Ordinal);
        Assert.Equal("", r.StdOut);
    }

    [Fact]
    public void Toolcalls_MissingFileAndDirectory_FailWithTheirSentences()
    {
        ProcessResult missing = AgentCoreProcess.Run(["toolcalls", "/no/such/file"]);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("/no/such/file: no such file or directory", missing.StdErr, StringComparison.Ordinal);
        ProcessResult dir = AgentCoreProcess.Run(["toolcalls", "/tmp"]);
        Assert.Equal(1, dir.ExitCode);
        Assert.Contains("/tmp: is a directory", dir.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Toolcalls_StreamOutputWithTextAndUsage_SkipsOtherChunkTypes()
    {
        string input = "{\"type\":\"text\",\"text\":\"hi\"}\n{\"type\":\"tool_call_partial\",\"index\":0,\"id\":\"c\",\"name\":\"list_files\",\"arguments\":\"{\\\"path\\\":\\\".\\\"}\"}\n{\"type\":\"usage\",\"inputTokens\":1}\n{\"type\":\"end\"}\n";
        ProcessResult r = AgentCoreProcess.Run(["toolcalls"], input);
        Assert.Equal(0, r.ExitCode);
        Assert.EndsWith("{\"blocks\":{\"at\":3,\"blocks\":[{\"type\":\"tool_use\",\"name\":\"list_files\",\"params\":{\"path\":\".\"},\"partial\":false,\"nativeArgs\":{\"path\":\".\"},\"id\":\"c\"}]}}\n", r.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void StreamTools_AnthropicParallelCalls_AddsEventsAndFinals()
    {
        string fixture = Path.Combine(AgentCoreProcess.RepositoryRoot, "tests", "AgentCore.Tests", "TestData", "Streaming", "anthropic", "parallel-tools", "stream.sse");
        ProcessResult plain = AgentCoreProcess.Run(["stream", "--format", "anthropic", fixture]);
        ProcessResult r = AgentCoreProcess.Run(["stream", "--format", "anthropic", "--tools", fixture]);
        Assert.Equal(0, r.ExitCode);
        string[] lines = r.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // Every chunk line of the plain output is still there, in order; the added lines are the events and finals.
        Assert.Equal(plain.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries), lines.Where(l => !l.StartsWith("{\"type\":\"tool_call_", StringComparison.Ordinal) || l.StartsWith("{\"type\":\"tool_call_partial\"", StringComparison.Ordinal)));
        Assert.Contains("{\"type\":\"tool_call_start\",\"id\":\"toolu_01atloEvRiQmwdmYFGOiX3Mv\",\"name\":\"get_weather\"}", lines);
        Assert.Equal(
            [
                "{\"type\":\"tool_call_end\",\"id\":\"toolu_01atloEvRiQmwdmYFGOiX3Mv\"}",
                "{\"type\":\"tool_call_end\",\"id\":\"toolu_01ONI58kHfsHfdwKrqoaBUGB\"}",
                "{\"type\":\"tool_call_error\",\"id\":\"toolu_01atloEvRiQmwdmYFGOiX3Mv\",\"error\":\"unknown_tool\"}",
                "{\"type\":\"tool_call_error\",\"id\":\"toolu_01ONI58kHfsHfdwKrqoaBUGB\",\"error\":\"unknown_tool\"}",
            ],
            lines[^4..]);
    }

    [Fact]
    public void ChatTools_WithoutJson_IsAUsageError()
    {
        ProcessResult r = AgentCoreProcess.Run(["chat", "--provider", "ollama", "--model", "m", "--tools", "hi"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("'--tools' needs '--json'", r.StdErr, StringComparison.Ordinal);
    }

    private static List<string> Raw(JsonElement expected, string list) =>
        expected.GetProperty(list).EnumerateArray().Select(e => e.GetRawText()).ToList();

    private static string Sha16(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..16];
}
