using AgentCore.JavaScript;

namespace AgentCore.Tests.JavaScript;

public sealed class JsTextTests
{
    // ECMA-262 WhiteSpace + LineTerminator: what String.prototype.trim() removes.
    private static readonly char[] s_jsWhiteSpace =
    [
        '\t', '\n', '\v', '\f', '\r', ' ', '\u00A0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005',
        '\u2006', '\u2007', '\u2008', '\u2009', '\u200A', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000', '\uFEFF',
    ];

    [Fact]
    public void IsWhiteSpace_EveryUtf16CodeUnit_MatchesJavaScriptTrimSet()
    {
        for (int c = 0; c <= char.MaxValue; c++)
        {
            Assert.True(Array.IndexOf(s_jsWhiteSpace, (char)c) >= 0 == JsText.IsWhiteSpace((char)c), $"U+{c:X4}");
        }
    }

    [Theory]
    [InlineData("\uFEFFdone\u0085", "done\u0085")]
    [InlineData("\u00A0done\u00A0", "done")]
    [InlineData("\u200Bx\u200B", "\u200Bx\u200B")]
    [InlineData(" \t\r\n ", "")]
    public void Trim_JavaScriptEdgeCharacters_TrimsLikeJavaScript(string input, string expected)
    {
        (int start, int end) = JsText.Trim(input, 0, input.Length);
        Assert.Equal(expected, input[start..end]);
    }

    [Theory]
    [InlineData("abc\n\n", "abc\n")]
    [InlineData("\n\nabc\n\n", "\nabc\n")]
    [InlineData("\n", "")]
    [InlineData("\r\nabc\r\n", "\r\nabc\r")]
    public void StripOneNewline_SeveralNewlines_RemovesOneAtEachEnd(string input, string expected)
    {
        (int start, int end) = JsText.StripOneNewline(input, 0, input.Length);
        Assert.Equal(expected, input[start..end]);
    }
}
