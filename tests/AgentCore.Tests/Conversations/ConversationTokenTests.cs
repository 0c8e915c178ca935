using System.Text;
using System.Text.Json;
using AgentCore.Conversations;
using AgentCore.Tokenization;

namespace AgentCore.Tests.Conversations;

public sealed class ConversationTokenTests
{
    [Fact]
    public void Estimate_SmallContent_Three()
    {
        // Parity 2.9 incoming-content vector: "Small content" is estimated at 3 (2 o200k tokens × 1.5).
        using var c = new Conversation();
        c.AppendJson("""{"role":"user","content":[{"type":"text","text":"Small content"}]}"""u8);
        Assert.Equal(3, c.EstimateTokenCount(0));
        c.AppendJson("""{"role":"user","content":"Small content"}"""u8); // a string content counts as one text block
        Assert.Equal(3, c.EstimateTokenCount(1));
    }

    [Theory]
    [InlineData("api_conversation_history.json")]
    [InlineData("api_conversation_history_rich.json")]
    public void Estimate_EveryArrayMessage_EqualsTokenEstimatorOnItsContent(string file)
    {
        byte[] json = ConversationTests.TestData(file);
        using Conversation c = Conversation.FromJson(json);
        using JsonDocument doc = JsonDocument.Parse(json);
        int i = 0;
        foreach (JsonElement m in doc.RootElement.EnumerateArray())
        {
            // TokenEstimator.EstimateJson (issue 3) cannot read lone-surrogate escapes; those are checked below.
            if (m.TryGetProperty("content", out JsonElement content) && content.ValueKind == JsonValueKind.Array
                && !content.GetRawText().Contains("\\ud800", StringComparison.Ordinal))
            {
                Assert.Equal(TokenEstimator.EstimateJson(Encoding.UTF8.GetBytes(content.GetRawText())), c.EstimateTokenCount(i));
            }

            i++;
        }
    }

    [Theory]
    [InlineData("plain text")]
    [InlineData("line\nbreaks\tand \"quotes\" \\ café 😀")]
    [InlineData("control \u0001 chars")]
    public void Count_EscapedJsonText_SameAsDirectText(string text)
    {
        using var c = new Conversation();
        c.Append(MessageRole.User, text); // counted from the string
        c.AppendJson(c[0].Json); // counted from the escaped JSON
        Assert.Equal(Tokenizer.O200kBase.CountTokens(text), c[0].RawTokens);
        Assert.Equal(c[0].RawTokens, c[1].RawTokens);
    }

    [Fact]
    public void Count_LoneSurrogateEscape_CountedAsJavaScriptString()
    {
        using var c = new Conversation();
        c.AppendJson("""{"role":"user","content":[{"type":"text","text":"a \ud800 b"}]}"""u8);
        Assert.Equal(Tokenizer.O200kBase.CountTokens("a \ud800 b"), c[0].RawTokens);
        Assert.Equal("""{"role":"user","content":[{"type":"text","text":"a \ud800 b"}]}""", c[0].ToString());
    }

    [Fact]
    public void Count_TextAndImage_SumThenFactorOnce()
    {
        using var c = new Conversation();
        c.AppendJson("""{"role":"user","content":[{"type":"text","text":"Small content"},{"type":"image","source":{"data":"AAAAAAAAA"}}]}"""u8);
        Assert.Equal(5, c[0].RawTokens); // 2 + 3
        Assert.Equal(8, c.EstimateTokenCount(0)); // ceil(7.5)
    }

    [Fact]
    public void Count_ToolBlocksOptIn_HeadSerialisation()
    {
        var headRules = new ConversationOptions { CountToolBlocks = true };
        using var c = new Conversation(headRules);
        c.AppendJson("""{"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"read_file","input":{"path":"a.ts","n":1.0}}]}"""u8);
        c.AppendJson("""{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","is_error":true,"content":[{"type":"text","text":"x"},{"type":"image","source":{"data":"AA"}},{"type":"document"}]}]}"""u8);
        c.AppendJson("""{"role":"user","content":[{"type":"tool_result","tool_use_id":"t2","content":"plain"}]}"""u8);
        c.AppendJson("""{"role":"assistant","content":[{"type":"tool_use","id":"t3","name":"x"}]}"""u8);
        Tokenizer o200k = Tokenizer.O200kBase;
        Assert.Equal(o200k.CountTokens("Tool: read_file\nArguments: {\"path\":\"a.ts\",\"n\":1}"), c[0].RawTokens);
        Assert.Equal(o200k.CountTokens("Tool Result (t1)\n[Error]\nx\n[Image content]\n[Unsupported content block: document]"), c[1].RawTokens);
        Assert.Equal(o200k.CountTokens("Tool Result (t2)\nplain"), c[2].RawTokens);
        Assert.Equal(o200k.CountTokens("Tool: x"), c[3].RawTokens);

        using var reference = new Conversation();
        reference.AppendJson(c[0].Json);
        Assert.Equal(0, reference[0].RawTokens); // at the reference commit tool blocks count 0
    }

    [Fact]
    public void FromJson_LargeHistory_ParallelCountsEqualOneByOne()
    {
        var random = new Random(3);
        var sb = new StringBuilder("[");
        for (int i = 0; i < 600; i++)
        {
            sb.Append(i == 0 ? "" : ",").Append("{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"")
              .Append(AgentCore.Tests.Memory.Utf8ArenaTests.Text(random, 600).Replace("\n", "\\n", StringComparison.Ordinal)).Append("\"}]}");
        }

        byte[] json = Encoding.UTF8.GetBytes(sb.Append(']').ToString());
        using Conversation all = Conversation.FromJson(json); // > 256 KiB: counted in parallel
        using var one = new Conversation();
        for (int i = 0; i < all.Count; i++)
        {
            one.AppendJson(all[i].Json);
            Assert.Equal(one[i].RawTokens, all[i].RawTokens);
        }

        Assert.Equal(one.RawTokenTotal, all.RawTokenTotal);
    }

    [Fact]
    public void AppendAll_BadBlockInLargeBatch_NothingAdded()
    {
        var sb = new StringBuilder("[");
        for (int i = 0; i < 400; i++)
        {
            sb.Append(i == 0 ? "" : ",").Append("{\"role\":\"user\",\"content\":\"").Append('x', 1000).Append("\"}");
        }

        sb.Append(",{\"role\":\"user\",\"content\":[{\"type\":\"image\",\"source\":{\"data\":null}}]}]");
        using var c = new Conversation();
        c.Append(MessageRole.User, "kept");
        long before = c.RawTokenTotal;
        Assert.Throws<InvalidDataException>(() => c.AppendAll(Encoding.UTF8.GetBytes(sb.ToString())));
        Assert.Equal(1, c.Count);
        Assert.Equal(before, c.RawTokenTotal);
    }
}
