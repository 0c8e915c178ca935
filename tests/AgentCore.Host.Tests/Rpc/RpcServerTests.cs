using System.Text;
using System.Text.Json;
using AgentCore.Host.Rpc;

namespace AgentCore.Host.Tests.Rpc;

public sealed class RpcServerTests
{
    private static JsonElement Parse(string line) => JsonDocument.Parse(line).RootElement.Clone();

    private static JsonElement Single(string input, RpcServerOptions? options = null)
    {
        string[] lines = RpcHarness.RunLines(input, options: options);
        Assert.Single(lines);
        return Parse(lines[0]);
    }

    [Fact]
    public void Request_LineFramed_AnsweredOnOneLineWithTheSameId()
    {
        string[] lines = RpcHarness.RunLines("{\"jsonrpc\":\"2.0\",\"id\":\"a-1\",\"method\":\"echo\",\"params\":{\"text\":\"h\u00e9\\nllo\"}}\n");
        Assert.Equal("{\"jsonrpc\":\"2.0\",\"id\":\"a-1\",\"result\":{\"text\":\"h\u00e9\\nllo\"}}", Assert.Single(lines));
    }

    [Fact]
    public void Request_CrLfAndBlankLinesAndNoFinalNewline_AllAnswered()
    {
        string[] lines = RpcHarness.RunLines("\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"params\":{\"text\":\"x\"}}\r\n\n  {\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"echo\"}");
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, l => l.Contains("\"id\":1,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"id\":2,", StringComparison.Ordinal));
    }

    [Fact]
    public void Request_ContentLengthFraming_AnsweredInContentLengthFraming()
    {
        string body1 = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"params\":{\"text\":\"\u00fcber\"}}";
        string body2 = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"echo\",\"params\":{\"text\":\"b\"}}";
        string input = $"Content-Length: {Encoding.UTF8.GetByteCount(body1)}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{body1}" +
                       $"content-length:{Encoding.UTF8.GetByteCount(body2)}\r\n\r\n{body2}";
        string output = Encoding.UTF8.GetString(RpcHarness.RunBytes(Encoding.UTF8.GetBytes(input)));
        List<string> bodies = SplitContentLength(output);
        Assert.Equal(2, bodies.Count);
        Assert.Contains("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"text\":\"\u00fcber\"}}", bodies);
        Assert.Contains("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"text\":\"b\"}}", bodies);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Input_TrickledOneByteAtATime_SameAnswers(bool contentLength)
    {
        string body7 = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"echo\",\"params\":{\"text\":\"\u4e2d\u6587\"}}";
        string body8 = body7.Replace("\"id\":7", "\"id\":8", StringComparison.Ordinal);
        string input = contentLength
            ? $"Content-Length: {Encoding.UTF8.GetByteCount(body7)}\r\n\r\n{body7}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body8)}\r\n\r\n{body8}"
            : body7 + "\n" + body8 + "\n";
        string text = Encoding.UTF8.GetString(RpcHarness.RunBytes(Encoding.UTF8.GetBytes(input), wrap: s => new TrickleStream(s)));
        List<string> answers = contentLength ? SplitContentLength(text) : [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
        answers.Sort(StringComparer.Ordinal);
        Assert.Equal(
            ["{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"text\":\"\u4e2d\u6587\"}}", "{\"jsonrpc\":\"2.0\",\"id\":8,\"result\":{\"text\":\"\u4e2d\u6587\"}}"],
            answers);
    }

    [Fact]
    public void ParseError_ThenAValidLine_ErrorWithNullIdAndTheServerKeepsReading()
    {
        string[] lines = RpcHarness.RunLines("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\n{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"echo\",\"params\":{\"text\":\"ok\"}}\n");
        Assert.Equal(2, lines.Length);
        JsonElement err = Parse(lines[0]);
        Assert.Equal(JsonValueKind.Null, err.GetProperty("id").ValueKind);
        Assert.Equal(-32700, err.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal("ok", Parse(lines[1]).GetProperty("result").GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("{\"id\":1,\"method\":\"echo\"}", 1, "jsonrpc")]
    [InlineData("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"echo\"}", 1, "jsonrpc")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1}", 1, "method")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}", 1, "method")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"echo\"}", null, "id")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"params\":\"x\"}", 1, "params")]
    [InlineData("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\"}]", null, "batch")]
    [InlineData("42", null, "object")]
    public void InvalidRequest_Minus32600NamingWhatIsWrong(string line, int? id, string named)
    {
        JsonElement r = Single(line + "\n");
        Assert.Equal(-32600, r.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains(named, r.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        if (id is null)
        {
            Assert.Equal(JsonValueKind.Null, r.GetProperty("id").ValueKind);
        }
        else
        {
            Assert.Equal(id, r.GetProperty("id").GetInt32());
        }
    }

    [Fact]
    public void UnknownMethod_Minus32601NamingIt()
    {
        JsonElement r = Single("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tokens/cuont\"}\n");
        Assert.Equal(-32601, r.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("tokens/cuont", r.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WrongParamType_Minus32602NamingTheFieldWithoutEchoingAnyValue()
    {
        const string secret = "sk-live-SECRET-0123456789";
        var harness = new StringWriter();
        JsonElement r = Single($"{{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"echo\",\"params\":{{\"apiKey\":\"{secret}\",\"text\":{{\"x\":1}}}}}}\n");
        JsonElement error = r.GetProperty("error");
        Assert.Equal(-32602, error.GetProperty("code").GetInt32());
        Assert.Contains("text", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("text", error.GetProperty("data").GetProperty("target").GetString());
        Assert.DoesNotContain("SECRET", r.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingRequiredParam_Minus32602NamingTheField()
    {
        JsonElement r = Single("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"fail\",\"params\":{}}\n");
        Assert.Equal(-32602, r.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("code", r.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("invalid_argument", -32602)]
    [InlineData("not_found", -32000)]
    [InlineData("outside_workspace", -32000)]
    public void OperationError_MappedToCodeWithDataCode(string code, int rpcCode)
    {
        JsonElement r = Single($"{{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"fail\",\"params\":{{\"code\":\"{code}\",\"target\":\"/no/such\"}}}}\n");
        JsonElement error = r.GetProperty("error");
        Assert.Equal(rpcCode, error.GetProperty("code").GetInt32());
        Assert.Equal("/no/such: failed as asked", error.GetProperty("message").GetString());
        Assert.Equal(code, error.GetProperty("data").GetProperty("code").GetString());
        Assert.Equal("/no/such", error.GetProperty("data").GetProperty("target").GetString());
    }

    [Fact]
    public void HandlerCrash_AnsweredWithInternalErrorAndTheServerGoesOn()
    {
        string[] lines = RpcHarness.RunLines(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"crash\"}\n{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"echo\",\"params\":{\"text\":\"alive\"}}\n");
        Assert.Equal(2, lines.Length);
        JsonElement crash = lines.Select(Parse).Single(e => e.GetProperty("id").GetInt32() == 1);
        Assert.Equal(-32603, crash.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains(lines, l => l.Contains("alive", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MessageOverTheCap_RejectedWithoutBufferingThenNextMessageAnswered(bool contentLength)
    {
        var options = new RpcServerOptions { MaxMessageBytes = 1024 };
        string big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"params\":{\"text\":\"" + new string('x', 200_000) + "\"}}";
        string ok = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"echo\",\"params\":{\"text\":\"small\"}}";
        List<string> bodies;
        if (contentLength)
        {
            string input = $"Content-Length: {big.Length}\r\n\r\n{big}Content-Length: {ok.Length}\r\n\r\n{ok}";
            bodies = SplitContentLength(Encoding.UTF8.GetString(RpcHarness.RunBytes(Encoding.UTF8.GetBytes(input), options: options)));
        }
        else
        {
            bodies = [.. RpcHarness.RunLines(big + "\n" + ok + "\n", options: options)];
        }

        Assert.Equal(2, bodies.Count);
        JsonElement err = Parse(bodies[0]);
        Assert.Equal(-32600, err.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal("too_large", err.GetProperty("error").GetProperty("data").GetProperty("code").GetString());
        Assert.Contains("1024", err.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("small", bodies[1], StringComparison.Ordinal);
    }

    [Fact]
    public void EndlessLine_ReadWithBoundedMemory()
    {
        // 64 MiB of 'x' with no newline against a 1 MiB cap: one error, and the reader never holds more than the cap.
        var options = new RpcServerOptions { MaxMessageBytes = 1 << 20 };
        long before = GC.GetAllocatedBytesForCurrentThread();
        byte[] output = RpcHarness.RunBytes([], options: options, wrap: _ => new RepeatStream((byte)'x', 64L << 20));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        JsonElement err = Parse(Encoding.UTF8.GetString(output).Trim());
        Assert.Equal("too_large", err.GetProperty("error").GetProperty("data").GetProperty("code").GetString());
        Assert.True(allocated < 8L << 20, $"allocated {allocated} bytes reading a 64 MiB line");
    }

    [Fact]
    public void BadContentLengthHeader_ParseErrorAndTheServerKeepsReading()
    {
        string ok = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"echo\",\"params\":{\"text\":\"after\"}}";
        string input = $"Content-Length: 12x\r\n\r\nContent-Length: {ok.Length}\r\n\r\n{ok}";
        List<string> bodies = SplitContentLength(Encoding.UTF8.GetString(RpcHarness.RunBytes(Encoding.UTF8.GetBytes(input))));
        Assert.Equal(2, bodies.Count);
        Assert.Equal(-32700, Parse(bodies[0]).GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("after", bodies[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Flood10000Requests_EachAnsweredExactlyOnceWithResultOrOverloaded()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 10_000; i++)
        {
            sb.Append("{\"jsonrpc\":\"2.0\",\"id\":").Append(i).Append(",\"method\":\"echo\",\"params\":{\"text\":\"t\",\"delayMs\":1}}\n");
        }

        string[] lines = RpcHarness.RunLines(sb.ToString(), options: new RpcServerOptions { MaxPendingRequests = 64 });
        var seen = new int[10_000];
        int overloaded = 0;
        foreach (string line in lines)
        {
            JsonElement r = Parse(line);
            seen[r.GetProperty("id").GetInt32()]++;
            if (r.TryGetProperty("error", out JsonElement e))
            {
                Assert.Equal(-32001, e.GetProperty("code").GetInt32());
                Assert.Equal("Server overloaded; retry later", e.GetProperty("message").GetString());
                overloaded++;
            }
            else
            {
                Assert.Equal("t", r.GetProperty("result").GetProperty("text").GetString());
            }
        }

        Assert.All(seen, n => Assert.Equal(1, n));
        Assert.Equal(10_000, lines.Length);
        Assert.InRange(overloaded, 1, 10_000 - 64);
    }

    [Fact]
    public void CancelRequest_TheRequestIsAnsweredRequestCancelled()
    {
        using var h = new RpcHarness(RpcTestMethods.AddTo);
        h.Send("{\"jsonrpc\":\"2.0\",\"id\":\"w\",\"method\":\"wait\",\"params\":{\"text\":\"never\"}}");
        h.Send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"echo\",\"params\":{\"text\":\"meanwhile\"}}");
        JsonElement first = h.Next()!.Value;
        Assert.Equal("meanwhile", first.GetProperty("result").GetProperty("text").GetString());
        h.Send("{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":\"w\"}}");
        JsonElement cancelled = h.Next()!.Value;
        Assert.Equal("w", cancelled.GetProperty("id").GetString());
        Assert.Equal(-32800, cancelled.GetProperty("error").GetProperty("code").GetInt32());
        h.EndInput();
        Assert.Null(h.Next());
    }

    [Fact]
    public void CancelledNotification_McpRules_NoAnswerForTheCancelledRequest()
    {
        var options = new RpcServerOptions { CancelMethod = "notifications/cancelled", CancelIdField = "requestId", AnswerCancelledRequests = false };
        using var h = new RpcHarness(RpcTestMethods.AddTo, options);
        h.Send("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"wait\",\"params\":{}}");
        h.Send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":9,\"reason\":\"user\"}}");
        h.Send("{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"echo\",\"params\":{\"text\":\"next\"}}");
        JsonElement r = h.Next()!.Value;
        Assert.Equal(10, r.GetProperty("id").GetInt32());
        h.EndInput();
        Assert.Null(h.Next());
    }

    [Fact]
    public void EndOfInput_WithRequestsInProgress_AllAnsweredBeforeTheServerReturns()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 20; i++)
        {
            sb.Append("{\"jsonrpc\":\"2.0\",\"id\":").Append(i).Append(",\"method\":\"echo\",\"params\":{\"text\":\"s\",\"delayMs\":100}}\n");
        }

        Assert.Equal(20, RpcHarness.RunLines(sb.ToString()).Length);
    }

    [Fact]
    public void Notifications_FromAHandler_PrecedeItsResult()
    {
        string[] lines = RpcHarness.RunLines("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"chunks\",\"params\":{\"text\":\"abc\"}}\n");
        Assert.Equal(4, lines.Length);
        Assert.Equal("{\"jsonrpc\":\"2.0\",\"method\":\"test/chunk\",\"params\":{\"text\":\"a\"}}", lines[0]);
        Assert.Equal("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"text\":\"abc\"}}", lines[3]);
    }

    [Fact]
    public void DuplicateIdInProgress_SecondRefused()
    {
        using var h = new RpcHarness(RpcTestMethods.AddTo);
        h.Send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"wait\",\"params\":{}}");
        h.Send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"params\":{}}");
        JsonElement r = h.Next()!.Value;
        Assert.Equal(-32600, r.GetProperty("error").GetProperty("code").GetInt32());
        h.Send("{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":1}}");
        Assert.Equal(-32800, h.Next()!.Value.GetProperty("error").GetProperty("code").GetInt32());
    }

    internal static List<string> SplitContentLength(string output)
    {
        var bodies = new List<string>();
        byte[] bytes = Encoding.UTF8.GetBytes(output);
        int i = 0;
        while (i < bytes.Length)
        {
            int headerEnd = output.IndexOf("\r\n\r\n", Encoding.UTF8.GetCharCount(bytes, 0, i), StringComparison.Ordinal);
            string header = Encoding.UTF8.GetString(bytes, i, Encoding.UTF8.GetByteCount(output.AsSpan(0, headerEnd)) - i);
            Assert.StartsWith("Content-Length: ", header, StringComparison.Ordinal);
            int length = int.Parse(header["Content-Length: ".Length..], System.Globalization.CultureInfo.InvariantCulture);
            int bodyStart = Encoding.UTF8.GetByteCount(output.AsSpan(0, headerEnd)) + 4;
            bodies.Add(Encoding.UTF8.GetString(bytes, bodyStart, length));
            i = bodyStart + length;
        }

        return bodies;
    }
}
