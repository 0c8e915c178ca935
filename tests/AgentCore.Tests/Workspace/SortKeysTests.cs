using AgentCore.Workspace;

namespace AgentCore.Tests.Workspace;

public sealed class SortKeysTests
{
    private const string Alphabet = "aAbBzZ0123456789 ._-/\u0001\u00e9\u00c9\u00ff\u65e5\u00e4";

    private static string[] RandomStrings(int seed, int count)
    {
        var random = new Random(seed);
        var result = new string[count];
        for (int k = 0; k < count; k++)
        {
            char[] chars = new char[random.Next(0, 9)];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[random.Next(Alphabet.Length)];
            }

            result[k] = new string(chars);
        }

        return result;
    }

    private static SortKeys Keys(string[] strings, bool numeric, bool tertiary)
    {
        var keys = new SortKeys(strings.Length, 8);
        foreach (string s in strings)
        {
            Assert.True(JsCollation.AppendKey(s, numeric, tertiary, keys));
            keys.Add(0);
            keys.EndKey();
        }

        return keys;
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void AppendKey_RandomPairs_OrderEqualsCollation(bool numeric, bool tertiary)
    {
        string[] strings = RandomStrings(numeric ? 11 : 12, 400);
        SortKeys keys = Keys(strings, numeric, tertiary);
        for (int a = 0; a < strings.Length; a++)
        {
            for (int b = 0; b < strings.Length; b += 7)
            {
                int expected = numeric ? JsCollation.CompareNumericBase(strings[a], strings[b]) : JsCollation.Compare(strings[a], strings[b]);
                Assert.Equal(expected, Math.Sign(keys[a].SequenceCompareTo(keys[b])));
            }
        }
    }

    [Fact]
    public void Order_EqualKeys_KeepIndexOrder()
    {
        SortKeys keys = Keys(["b", "a\u0001", "a", "A"], numeric: false, tertiary: false);
        Assert.Equal([1, 2, 3, 0], keys.Order());
    }

    [Fact]
    public void AppendKey_HugeDigitRun_Refused()
    {
        var keys = new SortKeys(1, 8);
        Assert.False(JsCollation.AppendKey(new string('7', 70_000), numeric: true, tertiary: false, keys));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void AppendKey_AsciiPath_SameBytesAsGeneralPath(bool numeric, bool tertiary)
    {
        // Every ASCII character (controls, digits, letters, punctuation), plus some strings that leave the ASCII path.
        var random = new Random(3);
        for (int round = 0; round < 2000; round++)
        {
            char[] chars = new char[random.Next(0, 12)];
            for (int i = 0; i < chars.Length; i++)
            {
                // Half the rounds mostly digits and zeros: runs with leading zeros, as numeric mode reads them.
                chars[i] = round % 10 == 9 && i == 0 ? '\u00e9' : round % 2 == 0 ? "00019aZ\u0001"[random.Next(8)] : (char)random.Next(0, 128);
            }

            var fast = new SortKeys(1, 4);
            var general = new SortKeys(1, 4);
            Assert.True(JsCollation.AppendKey(chars, numeric, tertiary, fast));
            Assert.True(JsCollation.AppendKeyGeneral(chars, numeric, tertiary, general));
            fast.EndKey();
            general.EndKey();
            Assert.Equal(general[0].ToArray(), fast[0].ToArray());
        }
    }
}
