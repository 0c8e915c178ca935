using System.Text;
using System.Text.Json;
using AgentCore.Conversations;
using AgentCore.Host.Rpc;

namespace AgentCore.Host.Tests.Rpc;

/// <summary>conversation/*: bindings of ConversationSession, in process.</summary>
public sealed class ServeConversationTests : IDisposable
{
    private const string Init = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{}}";
    private readonly string _dir = Directory.CreateTempSubdirectory("agentcore-conv-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static JsonElement[] Run(params string[] messages) =>
        [.. RpcHarness.RunLines(string.Join("\n", messages) + "\n", s => _ = new ServeSession(s)).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    private static JsonElement Get(JsonElement[] answers, int id) => answers.Single(a => a.TryGetProperty("id", out JsonElement i) && i.ValueKind == JsonValueKind.Number && i.GetInt32() == id);

    private static string Req(int id, string method, string paramsJson) => $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"method\":\"{method}\",\"params\":{paramsJson}}}";

    private static string Str(string value) => JsonSerializer.Serialize(value, RpcJsonContext.Default.String);

    private static JsonElement Error(JsonElement answer) => answer.GetProperty("error");

    private static void AssertError(JsonElement answer, int code, string dataCode, string target)
    {
        JsonElement e = Error(answer);
        Assert.Equal(code, e.GetProperty("code").GetInt32());
        Assert.Equal(dataCode, e.GetProperty("data").GetProperty("code").GetString());
        Assert.Equal(target, e.GetProperty("data").GetProperty("target").GetString());
    }

    private const string Five =
        "[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hello world\"}],\"ts\":1},{\"role\":\"assistant\",\"content\":\"hi there\"}," +
        "{\"role\":\"user\",\"content\":\"one\"},{\"role\":\"assistant\",\"content\":\"two\"},{\"role\":\"user\",\"content\":\"\"}]";

    [Fact]
    public void Initialize_ListsConversationAndChatMethodsAndChunkNotification()
    {
        JsonElement caps = Get(Run(Init), 0).GetProperty("result").GetProperty("capabilities");
        string?[] methods = [.. caps.GetProperty("methods").EnumerateArray().Select(e => e.GetString())];
        foreach (string m in new[] { "conversation/create", "conversation/append", "conversation/estimate", "conversation/truncate", "conversation/save", "conversation/load", "conversation/delete", "chat/start" })
        {
            Assert.Contains(m, methods);
        }

        Assert.Equal(["chat/chunk"], caps.GetProperty("notifications").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void CreateAppendEstimate_ReferenceCounts()
    {
        JsonElement[] r = Run(Init,
            Req(1, "conversation/create", "{}"),
            Req(2, "conversation/append", "{\"conversationId\":\"c1\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hello world\"}]},{\"role\":\"assistant\",\"content\":\"hello world\"}]}"),
            Req(3, "conversation/estimate", "{\"conversationId\":\"c1\"}"),
            Req(4, "conversation/create", "{\"messages\":" + Five + "}"));
        Assert.Equal("{\"conversationId\":\"c1\",\"count\":0,\"tokens\":0}", Get(r, 1).GetProperty("result").GetRawText());
        // o200k "hello world" = 2 tokens; each message ceil(2 x 1.5) = 3; all content at once ceil(4 x 1.5) = 6.
        Assert.Equal("{\"conversationId\":\"c1\",\"count\":2,\"tokens\":6}", Get(r, 2).GetProperty("result").GetRawText());
        Assert.Equal("{\"conversationId\":\"c1\",\"count\":2,\"messageTokens\":[3,3],\"tokens\":6}", Get(r, 3).GetProperty("result").GetRawText());
        Assert.Equal("c2", Get(r, 4).GetProperty("result").GetProperty("conversationId").GetString());
        Assert.Equal(5, Get(r, 4).GetProperty("result").GetProperty("count").GetInt32());
    }

    [Fact]
    public void BadParams_ErrorsNameTheFieldAndChangeNothing()
    {
        JsonElement[] r = Run(Init,
            Req(1, "conversation/create", "{\"messages\":[{\"role\":\"user\",\"content\":\"a\"}]}"),
            Req(2, "conversation/append", "{\"messages\":[]}"),
            Req(3, "conversation/append", "{\"conversationId\":\"c1\",\"messages\":5}"),
            Req(4, "conversation/append", "{\"conversationId\":\"c1\",\"messages\":[{\"role\":\"user\",\"content\":\"ok\"},{\"role\":\"system\",\"content\":\"x\"}]}"),
            Req(5, "conversation/append", "{\"conversationId\":\"c1\",\"messages\":[{\"role\":\"user\",\"content\":7}]}"),
            Req(6, "conversation/append", "{\"conversationId\":\"c1\",\"messages\":[\"text\"]}"),
            Req(7, "conversation/estimate", "{\"conversationId\":\"c9\"}"),
            Req(8, "conversation/truncate", "{\"conversationId\":\"c1\",\"contextWindow\":0,\"totalTokens\":1}"),
            Req(9, "conversation/truncate", "{\"conversationId\":\"c1\",\"contextWindow\":1000}"),
            Req(10, "conversation/truncate", "{\"conversationId\":\"c1\",\"contextWindow\":1000,\"totalTokens\":-1}"),
            Req(11, "conversation/estimate", "{\"conversationId\":\"c1\"}"),
            Req(12, "conversation/estimate", "{\"conversationId\":5}"),
            Req(13, "conversation/delete", "{\"conversationId\":\"c1\"}"),
            Req(14, "conversation/estimate", "{\"conversationId\":\"c1\"}"));
        AssertError(Get(r, 2), -32602, "invalid_argument", "conversationId");
        AssertError(Get(r, 3), -32602, "invalid_argument", "messages");
        AssertError(Get(r, 4), -32602, "invalid_argument", "messages[1].role");
        AssertError(Get(r, 5), -32602, "invalid_argument", "messages[0].content");
        AssertError(Get(r, 6), -32602, "invalid_argument", "messages[0]");
        AssertError(Get(r, 7), -32000, "not_found", "conversationId");
        Assert.Contains("create or load one first", Error(Get(r, 7)).GetProperty("message").GetString(), StringComparison.Ordinal);
        AssertError(Get(r, 8), -32602, "invalid_argument", "contextWindow");
        AssertError(Get(r, 9), -32602, "invalid_argument", "totalTokens");
        AssertError(Get(r, 10), -32602, "invalid_argument", "totalTokens");
        Assert.Equal(1, Get(r, 11).GetProperty("result").GetProperty("count").GetInt32()); // the half-valid append added nothing
        AssertError(Get(r, 12), -32602, "invalid_argument", "conversationId");
        Assert.Equal(0, Get(r, 13).GetProperty("result").GetProperty("count").GetInt32());
        AssertError(Get(r, 14), -32000, "not_found", "conversationId");
    }

    [Fact]
    public void Append_MessageOverTheCap_TooLargeNamingIt()
    {
        string big = new('a', (16 << 20) + 1);
        JsonElement[] r = Run(Init,
            Req(1, "conversation/create", "{}"),
            Req(2, "conversation/append", "{\"conversationId\":\"c1\",\"messages\":[{\"role\":\"user\",\"content\":\"small\"},{\"role\":\"user\",\"content\":\"" + big + "\"}]}"),
            Req(3, "conversation/estimate", "{\"conversationId\":\"c1\"}"));
        AssertError(Get(r, 2), -32000, "too_large", "messages[1]");
        Assert.Equal(0, Get(r, 3).GetProperty("result").GetProperty("count").GetInt32());
    }

    [Fact]
    public void Create_PastTheConversationCap_RefusedUntilOneIsDeleted()
    {
        var messages = new List<string> { Init };
        for (int i = 1; i <= 257; i++)
        {
            messages.Add(Req(i, "conversation/create", "{}"));
        }

        messages.Add(Req(1000, "conversation/delete", "{\"conversationId\":\"c7\"}"));
        messages.Add(Req(1001, "conversation/create", "{}"));
        JsonElement[] r = Run([.. messages]);
        Assert.Equal("c256", Get(r, 256).GetProperty("result").GetProperty("conversationId").GetString());
        AssertError(Get(r, 257), -32000, "too_large", "conversationId");
        Assert.Equal("c257", Get(r, 1001).GetProperty("result").GetProperty("conversationId").GetString());
    }

    [Theory]
    [InlineData(0, 60001, "truncate", "[0,3,4]", 2)] // auto-condense off, 60001 > allowed 60000
    [InlineData(0, 59999, "none", "[0,1,2,3,4]", 0)]
    [InlineData(-1, 70001, "condense", "null", 0)] // global 100 %: condense first; nothing removed here
    [InlineData(0, 0, "none", "[0,1,2,3,4]", 0)] // first request: never reduced
    public async Task Truncate_SameDecisionAsTheContextVerb_RemovesAsTheReference(int threshold, int totalTokens, string decision, string kept, int removed)
    {
        string file = Path.Combine(_dir, "history.json");
        await File.WriteAllTextAsync(file, Five);
        AssessContextResult expected = await ConversationOperations.AssessContextAsync(
            new AssessContextRequest { Path = file, ContextWindow = 100000, MaxTokens = 30000, Threshold = threshold, TotalTokens = totalTokens }, default);
        JsonElement[] r = Run(Init,
            Req(1, "conversation/create", "{\"messages\":" + Five + "}"),
            Req(2, "conversation/truncate", $"{{\"conversationId\":\"c1\",\"contextWindow\":100000,\"maxTokens\":30000,\"threshold\":{threshold},\"totalTokens\":{totalTokens}}}"),
            Req(3, "conversation/estimate", "{\"conversationId\":\"c1\"}"));
        JsonElement t = Get(r, 2).GetProperty("result");
        Assert.Equal(decision, t.GetProperty("decision").GetString());
        Assert.Equal(expected.Decision, t.GetProperty("decision").GetString());
        Assert.Equal(kept, t.GetProperty("keptIndices").GetRawText());
        Assert.Equal(expected.MessageTokens, t.GetProperty("messageTokens").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(expected.PrevContextTokens, t.GetProperty("prevContextTokens").GetDouble());
        Assert.Equal(expected.AllowedTokens, t.GetProperty("allowedTokens").GetDouble());
        Assert.Equal(removed, t.GetProperty("removed").GetInt32());
        Assert.Equal(5 - removed, t.GetProperty("count").GetInt32());
        Assert.Equal(5 - removed, Get(r, 3).GetProperty("result").GetProperty("count").GetInt32());
    }

    [Fact]
    public void Truncate_FiguresWrittenAsJavaScriptPrintsThem()
    {
        // 2^63 - 1 as a double: JSON.stringify prints 9223372036854776000 (System.Text.Json: 9.223372036854776E+18).
        JsonElement[] r = Run(Init,
            Req(1, "conversation/create", "{\"messages\":" + Five + "}"),
            Req(2, "conversation/truncate", "{\"conversationId\":\"c1\",\"contextWindow\":100,\"maxTokens\":1000000000000,\"totalTokens\":9223372036854775807}"));
        JsonElement t = Get(r, 2).GetProperty("result");
        Assert.Equal("9223372036854776000", t.GetProperty("totalTokens").GetRawText());
        Assert.Equal("-999999999910", t.GetProperty("allowedTokens").GetRawText());
    }

    [Fact]
    public void SaveLoad_RoundTripInsideTheWorkspace_CompactFileAndSameEstimates()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "task1"));
        JsonElement[] r = Run(Init,
            Req(1, "conversation/create", "{\"messages\":" + Five + "}"),
            Req(2, "conversation/save", "{\"conversationId\":\"c1\",\"path\":\"task1\"}"),
            Req(3, "workspace/open", $"{{\"root\":{Str(_dir)}}}"),
            Req(4, "conversation/save", "{\"conversationId\":\"c1\",\"path\":\"task1\"}"),
            Req(5, "conversation/save", "{\"conversationId\":\"c1\",\"path\":\"/tmp/x.json\"}"),
            Req(6, "conversation/save", "{\"conversationId\":\"c1\",\"path\":\"../x.json\"}"),
            Req(7, "conversation/load", "{\"path\":\"task1\"}"),
            Req(8, "conversation/estimate", "{\"conversationId\":\"c1\"}"),
            Req(9, "conversation/estimate", "{\"conversationId\":\"c2\"}"),
            Req(10, "conversation/save", "{\"conversationId\":\"c1\",\"path\":\"deep/new/h.json\"}"),
            Req(11, "conversation/load", "{\"path\":\"missing.json\"}"),
            Req(12, "conversation/load", "{\"path\":5}"));
        AssertError(Get(r, 2), -32000, "outside_workspace", "root");
        string file = Path.Combine(_dir, "task1", TaskStore.ApiHistoryFileName);
        JsonElement saved = Get(r, 4).GetProperty("result");
        Assert.Equal(file, saved.GetProperty("path").GetString());
        Assert.Equal(new FileInfo(file).Length, saved.GetProperty("bytes").GetInt64());
        Assert.Equal(Five, File.ReadAllText(file)); // already compact: written back byte for byte
        AssertError(Get(r, 5), -32000, "outside_workspace", "/tmp/x.json");
        AssertError(Get(r, 6), -32000, "outside_workspace", "../x.json");
        Assert.Equal("c2", Get(r, 7).GetProperty("result").GetProperty("conversationId").GetString());
        Assert.Equal(Get(r, 8).GetProperty("result").GetProperty("messageTokens").GetRawText(), Get(r, 9).GetProperty("result").GetProperty("messageTokens").GetRawText());
        Assert.Equal(Five, File.ReadAllText(Path.Combine(_dir, "deep", "new", "h.json")));
        AssertError(Get(r, 11), -32000, "not_found", Path.Combine(_dir, "missing.json"));
        AssertError(Get(r, 12), -32602, "invalid_argument", "path");
    }

    [Fact]
    public void Load_CorruptFile_ClearErrorFileKeptAndNotOverwrittenUntilReadAgain()
    {
        string file = Path.Combine(_dir, "api_conversation_history.json");
        const string Corrupt = "[{\"role\":\"user\",\"content\":\"cut off";
        File.WriteAllText(file, Corrupt);
        using var h = new RpcHarness(s => _ = new ServeSession(s));
        JsonElement Ask(string request)
        {
            h.Send(request);
            return h.Next()!.Value;
        }

        Ask(Init);
        Ask(Req(1, "workspace/open", $"{{\"root\":{Str(_dir)}}}"));
        JsonElement e = Error(Ask(Req(2, "conversation/load", "{\"path\":\".\"}")));
        Assert.Equal(-32000, e.GetProperty("code").GetInt32());
        Assert.Equal("invalid_data", e.GetProperty("data").GetProperty("code").GetString());
        Assert.StartsWith(file + ": ", e.GetProperty("message").GetString(), StringComparison.Ordinal);
        Ask(Req(3, "conversation/create", "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"));
        JsonElement refused = Error(Ask(Req(4, "conversation/save", "{\"conversationId\":\"c1\",\"path\":\"api_conversation_history.json\"}")));
        Assert.Equal("invalid_data", refused.GetProperty("data").GetProperty("code").GetString());
        Assert.Contains("not saved", refused.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(Corrupt, File.ReadAllText(file));
        Assert.Equal(2, Ask(Req(5, "tokens/count", "{\"text\":\"still serving\"}")).GetProperty("result").GetProperty("total").GetInt32());

        // Fixed by hand: the next load succeeds, and saving over the file is allowed again.
        File.WriteAllText(file, "[]");
        Assert.Equal("c2", Ask(Req(6, "conversation/load", "{\"path\":\".\"}")).GetProperty("result").GetProperty("conversationId").GetString());
        Assert.Equal(1, Ask(Req(7, "conversation/save", "{\"conversationId\":\"c1\",\"path\":\".\"}")).GetProperty("result").GetProperty("count").GetInt32());
        Assert.Equal("[{\"role\":\"user\",\"content\":\"x\"}]", File.ReadAllText(file, Encoding.UTF8));
    }
}
