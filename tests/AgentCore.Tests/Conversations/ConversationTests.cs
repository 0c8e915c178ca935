using System.Text;
using AgentCore.Conversations;
using AgentCore.Memory;

namespace AgentCore.Tests.Conversations;

public sealed class ConversationTests
{
    internal static byte[] TestData(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "Conversations", name));

    [Theory]
    [InlineData("api_conversation_history.json")]
    [InlineData("api_conversation_history_rich.json")]
    public void FromJson_ExtensionFile_WritesItBackByteForByte(string file)
    {
        byte[] input = TestData(file);
        using Conversation c = Conversation.FromJson(input);
        Assert.Equal(Encoding.UTF8.GetString(input), Encoding.UTF8.GetString(c.ToJsonBytes()));
    }

    [Fact]
    public void FromJson_RichFile_ReadsRolesAndFlags()
    {
        using Conversation c = Conversation.FromJson(TestData("api_conversation_history_rich.json"));
        Assert.Equal(5, c.Count);
        Assert.Equal(MessageRole.User, c[0].Role);
        Assert.Equal(MessageRole.None, c[1].Role); // reasoning item
        Assert.Equal(0, c[1].RawTokens);
        Assert.Equal(MessageRole.Assistant, c[2].Role);
        Assert.True(c[4].IsSummary);
        Assert.False(c[3].IsSummary);
        Assert.Equal(1731400000000, c[0].Ts);
    }

    // Same results as node -e 'JSON.stringify(JSON.parse(x))' (checked when the vectors were written).
    [Theory]
    [InlineData("""[ {"a" : 1.0, "b": [ 1e2, 1E21, 0.0000001, -0 ] } ]""", """[{"a":1,"b":[100,1e+21,1e-7,0]}]""")]
    [InlineData("""[123456789012345678901]""", """[123456789012345680000]""")]
    [InlineData("""["\u00e9\u001F\/\ud800x\uD83D\uDE00"]""", "[\"é\\u001f/\\ud800x😀\"]")]
    [InlineData("""[{"\u0041":"\"\\\b\f\n\r\t"}]""", """[{"A":"\"\\\b\f\n\r\t"}]""")]
    [InlineData("""[true,false,null,{},[]]""", """[true,false,null,{},[]]""")]
    public void FromJson_NonCanonicalJson_WrittenAsJsonStringify(string input, string expected)
    {
        using Conversation c = Conversation.FromJson(Encoding.UTF8.GetBytes(input));
        Assert.Equal(expected, Encoding.UTF8.GetString(c.ToJsonBytes()));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[1,]")]
    [InlineData("[1] x")]
    [InlineData("")]
    public void FromJson_NotAJsonArray_InvalidData(string input)
    {
        Assert.Throws<InvalidDataException>(() => Conversation.FromJson(Encoding.UTF8.GetBytes(input)));
    }

    [Fact]
    public void Append_Text_WritesExtensionShape()
    {
        using var c = new Conversation();
        c.Append(MessageRole.User, "hi \"there\"\n", ts: 1731400000000);
        c.Append(MessageRole.Assistant, [ContentBlock.FromText("a"), ContentBlock.FromImage("AAAA", "image/png")], ts: 5);
        c.AppendSummary("sum", 7);
        Assert.Equal(
            """[{"role":"user","content":[{"type":"text","text":"hi \"there\"\n"}],"ts":1731400000000},{"role":"assistant","content":[{"type":"text","text":"a"},{"type":"image","source":{"type":"base64","media_type":"image/png","data":"AAAA"}}],"ts":5},{"role":"assistant","content":"sum","ts":7,"isSummary":true}]""",
            Encoding.UTF8.GetString(c.ToJsonBytes()));
        Assert.True(c[2].IsSummary);
    }

    [Theory]
    [InlineData("""{"role":"user","content":[{"type":"image","source":{"type":"base64","media_type":"image/png","data":"AAAAAAAAAA"}}]}""", 4)] // ceil(sqrt(10))
    [InlineData("""{"role":"user","content":[{"type":"image","source":{"type":"url","url":"http://x"}}]}""", 300)]
    [InlineData("""{"role":"user","content":[{"type":"image"}]}""", 300)]
    [InlineData("""{"role":"user","content":[{"type":"image","source":null}]}""", 300)]
    [InlineData("""{"role":"user","content":[{"source":{"data":"AAAA"},"type":"image"}]}""", 2)] // keys in any order
    [InlineData("""{"role":"user","content":[{"type":"image","source":{"data":"\u0041AAA"}}]}""", 2)] // UTF-16 length after unescaping
    [InlineData("""{"role":"user","content":[{"type":"tool_use","id":"t","name":"read_file","input":{"path":"a"}}]}""", 0)]
    [InlineData("""{"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":"x"}]}""", 0)]
    [InlineData("""{"role":"user","content":[{"type":"document"},{"type":"thinking","thinking":"x"}]}""", 0)]
    [InlineData("""{"role":"user","content":[]}""", 0)]
    [InlineData("""{"role":"user","content":""}""", 0)]
    [InlineData("""{"role":"user"}""", 0)]
    [InlineData("""{"role":"user","content":5}""", 0)]
    [InlineData("""{"role":"user","content":[{"type":"text"},{"type":"text","text":null},{"type":"text","text":""}]}""", 0)]
    [InlineData("""{"type":"reasoning","summary":[],"encrypted_content":"xyz"}""", 0)]
    [InlineData("5", 0)]
    public void Count_NonTextBlocks_FollowReferenceRules(string message, int rawTokens)
    {
        using var c = new Conversation();
        c.AppendJson(Encoding.UTF8.GetBytes(message));
        Assert.Equal(rawTokens, c[0].RawTokens);
    }

    [Fact]
    public void Count_ImageDataNull_InvalidDataLikeTheReferenceThrows()
    {
        using var c = new Conversation();
        Assert.Throws<InvalidDataException>(() => c.AppendJson("""{"role":"user","content":[{"type":"image","source":{"data":null}}]}"""u8));
        Assert.Equal(0, c.Count);
    }

    [Fact]
    public void Estimate_ManyMessages_SumsCachedCountsThenFactor()
    {
        using var c = new Conversation();
        c.AppendJson("""{"role":"user","content":[{"type":"image","source":{"data":"AAAAAAAAAA"}}]}"""u8); // 4
        c.AppendJson("""{"role":"user","content":[{"type":"image","source":{"data":"AAAAAAAAA"}}]}"""u8); // 3
        c.AppendJson("""{"role":"user","content":[{"type":"image"}]}"""u8); // 300
        Assert.Equal(307, c.RawTokenTotal);
        Assert.Equal(461, c.EstimateTokenCount()); // ceil(307 * 1.5)
        Assert.Equal(6, c.EstimateTokenCount(0));
        Assert.Equal(5, c.EstimateTokenCount(1)); // ceil(4.5)
        c.RemoveRange(1, 1);
        Assert.Equal(304, c.RawTokenTotal);
        c.Clear();
        Assert.Equal(0, c.RawTokenTotal);
        Assert.Equal(0, c.Count);
    }

    [Fact]
    public void Indexer_OutOfRange_Throws()
    {
        using var c = new Conversation();
        Assert.Throws<ArgumentOutOfRangeException>(() => c.EstimateTokenCount(0));
    }

    [Fact]
    public void RemoveRange_AfterManyTruncations_CompactsArena()
    {
        var pool = new ArenaSegmentPool(maxRetainedSegments: 64);
        using var c = new Conversation(new ConversationOptions { SegmentPool = pool });
        string text = new('x', 1000);
        for (int round = 0; round < 20; round++)
        {
            for (int i = 0; i < 200; i++)
            {
                c.Append(MessageRole.User, text);
            }

            SlidingWindow.TruncateConversation(c, 0.5);
        }

        // Live JSON is what remains; the arena never holds more than about twice that (plus a segment).
        Assert.True(c.MemoryBytes < (3 * c.JsonBytes) + (256 * 1024), $"{c.MemoryBytes} bytes held for {c.JsonBytes} live");
        Assert.Equal(new string('x', 1000), System.Text.Json.JsonDocument.Parse(c[c.Count - 1].ToString()).RootElement.GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public void AppendUtf8_InvalidBytes_ReplacementCharAndSameCountAsString()
    {
        using var c = new Conversation();
        c.Append(MessageRole.User, [(byte)'a', 0xFF, (byte)'\n', (byte)'b'], ts: 1);
        c.Append(MessageRole.User, "a\uFFFD\nb", ts: 1);
        Assert.Equal(c[1].ToString(), c[0].ToString());
        Assert.Equal(c[1].RawTokens, c[0].RawTokens);
    }

    [Fact]
    public void WriteJsonStream_SameAsBytes()
    {
        using Conversation c = Conversation.FromJson(TestData("api_conversation_history_rich.json"));
        using var stream = new MemoryStream();
        c.WriteJson(stream);
        Assert.Equal(c.ToJsonBytes(), stream.ToArray());
    }
}
