using System.Text;
using System.Text.Json;

namespace AgentCore.Host.Tests.Servers;

/// <summary>The serve and mcp verbs of the published binary: only protocol messages on stdout, clean exit at end of input.</summary>
public sealed class ServerBinaryTests
{
    [Fact]
    public void Serve_ContentLengthFraming_AnsweredInKindAndExit0()
    {
        string body1 = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
        string body2 = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tokens/count\",\"params\":{\"text\":\"hello world\"}}";
        string input = $"Content-Length: {body1.Length}\r\n\r\n{body1}Content-Length: {body2.Length}\r\n\r\n{body2}";
        ProcessResult r = AgentCoreProcess.Run(["serve"], input);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.StdErr);
        List<string> bodies = Rpc.RpcServerTests.SplitContentLength(r.StdOut);
        Assert.Equal(2, bodies.Count);
        JsonElement count = bodies.Select(b => JsonDocument.Parse(b).RootElement).Single(e => e.GetProperty("id").GetInt32() == 2);
        Assert.Equal(2, count.GetProperty("result").GetProperty("total").GetInt64());
    }

    [Fact]
    public void Mcp_InitializeListCall_OneJsonMessagePerLineAndExit0()
    {
        var input = new StringBuilder();
        input.Append("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n");
        input.Append("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n");
        input.Append("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}\n");
        input.Append("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"count_tokens\",\"arguments\":{\"text\":\"hello world\"}}}\n");
        input.Append("not json\n");
        ProcessResult r = AgentCoreProcess.Run(["mcp", "--root", AgentCoreProcess.RepositoryRoot], input.ToString());
        Assert.Equal(0, r.ExitCode);
        string[] lines = r.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        JsonElement[] msgs = [.. lines.Select(l => JsonDocument.Parse(l).RootElement.Clone())];
        Assert.Contains(msgs, m => m.TryGetProperty("error", out JsonElement e) && e.GetProperty("code").GetInt32() == -32700);
        JsonElement call = msgs.Single(m => m.GetProperty("id").ValueKind == JsonValueKind.Number && m.GetProperty("id").GetInt32() == 2);
        Assert.Equal(2, call.GetProperty("result").GetProperty("structuredContent").GetProperty("total").GetInt64());
        Assert.Contains("list_files", lines.Single(l => l.Contains("\"id\":1,", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Mcp_RootThatIsNotADirectory_UsageError()
    {
        ProcessResult r = AgentCoreProcess.Run(["mcp", "--root", "/no/such/dir"], "");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.StdOut);
        Assert.Contains("/no/such/dir", r.StdErr, StringComparison.Ordinal);
    }
}
