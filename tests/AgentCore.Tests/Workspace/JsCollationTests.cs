using AgentCore.Workspace;

namespace AgentCore.Tests.Workspace;

public sealed class JsCollationTests
{
    [Fact]
    public void Compare_DefaultOrder_PunctuationDigitsLetters()
    {
        string[] expected = ["_x", "-y", ".env", "1", "10", "2", "a", "A", "b"];
        string[] shuffled = ["b", "A", "2", "_x", "10", "a", ".env", "1", "-y"];
        Array.Sort(shuffled, JsCollation.Compare);
        Assert.Equal(expected, shuffled);
    }

    [Theory]
    [InlineData("e.txt", "é.txt", -1)]
    [InlineData("app.ts", "App.ts", -1)]
    [InlineData("a dir/x", "a/x", -1)]
    [InlineData("file 10.txt", "file 9.txt", -1)]
    [InlineData("abc", "ABD", -1)]
    [InlineData("x", "x", 0)]
    public void Compare_Pairs(string a, string b, int expected)
    {
        Assert.Equal(expected, JsCollation.Compare(a, b));
        Assert.Equal(-expected, JsCollation.Compare(b, a));
    }

    [Theory]
    [InlineData("file2.txt", "file10.txt", -1)]
    [InlineData("app.ts", "App.ts", 0)]
    [InlineData("é.txt", "e.txt", 0)]
    [InlineData("file01", "file1", 0)]
    [InlineData("Zeta.md", "a.md", 1)]
    public void CompareNumericBase_Pairs(string a, string b, int expected) => Assert.Equal(expected, JsCollation.CompareNumericBase(a, b));

    [Fact]
    public void HasIgnorable_ExactlyTheCharactersThatLetDifferentStringsTie()
    {
        // FileLister's top-limit selection relies on it: without such a character, different strings never compare equal.
        for (char c = '\0'; c < '\u0300'; c++)
        {
            Assert.Equal(JsCollation.HasIgnorable([c]), JsCollation.Compare("a" + c + "b", "ab") == 0);
        }

        for (char x = '\0'; x < '\u0180'; x++)
        {
            for (char y = (char)(x + 1); y < '\u0180'; y++)
            {
                if (!JsCollation.HasIgnorable([x]) && !JsCollation.HasIgnorable([y]))
                {
                    Assert.NotEqual(0, JsCollation.Compare("q" + x + "z", "q" + y + "z"));
                }
            }
        }
    }
}
