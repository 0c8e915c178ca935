using AgentCore.Parsing;

namespace AgentCore.Tests.Parsing;

public sealed class AssistantMessageJsonTests
{
    [Fact]
    public void ToJson_ControlQuoteBackslashAndNonAscii_EscapesLikeJsonStringify()
    {
        var parser = new AssistantMessageParser();
        parser.ProcessChunk("a\"b\\c\u0001\u001f\b\f\u007f é 😀 \u2028<attempt_completion><result>\t\u0000x");
        Assert.Equal(
            "[{\"type\":\"text\",\"content\":\"a\\\"b\\\\c\\u0001\\u001f\\b\\f\u007f é 😀\",\"partial\":false}," +
            "{\"type\":\"tool_use\",\"name\":\"attempt_completion\",\"params\":{\"result\":\"\\t\\u0000x\"},\"partial\":true}]",
            AssistantMessageJson.ToJson(parser.Blocks));
    }

    [Fact]
    public void ToJson_LoneSurrogates_EscapedLowercase()
    {
        var parser = new AssistantMessageParser();
        parser.ProcessChunk("x\uD83D");
        Assert.Equal("[{\"type\":\"text\",\"content\":\"x\\ud83d\",\"partial\":true}]", AssistantMessageJson.ToJson(parser.Blocks));
        parser.ProcessChunk("\uDE00\uDFFF");
        Assert.Equal("[{\"type\":\"text\",\"content\":\"x😀\\udfff\",\"partial\":true}]", AssistantMessageJson.ToJson(parser.Blocks));
    }
}
