using System.Buffers;

namespace AgentCore.Workspace;

/// <summary>
/// JavaScript's <c>String.prototype.localeCompare</c> under V8's default ICU locale, as the extension sorts paths with
/// it: the CLDR root order (whitespace, then punctuation <c>_ - , ; : ! ? . ' " ( ) [ ] { } @ * / \ &amp; # % ` ^ + &lt; = &gt; | ~ $</c>,
/// then digits, then letters), compared level by level: base letters over the whole string first, then accents,
/// then case (lower before upper). The published binary runs without ICU (<c>InvariantGlobalization</c>), so the
/// table is built in: exact for ASCII and the accented Latin-1 letters; any other character sorts after the
/// letters by code point (docs/parity.md).
/// </summary>
internal static partial class JsCollation
{
    private const string AsciiOrder = "\t\n\v\f\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz";
    private const int DigitPrimary = 200;
    private const int OtherBase = 0x1000;

    // Latin-1 letters with a diacritic: base letter and accent (grave 1, acute 2, circumflex 3, tilde 4, diaeresis 5, ring 6, cedilla 7).
    private const string Latin1Base = "AAAAAA\0CEEEEIIII\0NOOOOO\0\0UUUUY\0\0aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0y";
    private const string Latin1Accent = "\u0001\u0002\u0003\u0004\u0005\u0006\0\u0007\u0001\u0002\u0003\u0005\u0001\u0002\u0003\u0005\0\u0004\u0001\u0002\u0003\u0004\u0005\0\0\u0001\u0002\u0003\u0005\u0002\0\0\u0001\u0002\u0003\u0004\u0005\u0006\0\u0007\u0001\u0002\u0003\u0005\u0001\u0002\u0003\u0005\0\u0004\u0001\u0002\u0003\u0004\u0005\0\0\u0001\u0002\u0003\u0005\u0002\0\u0005";

    private static readonly ushort[] s_asciiPrimary = BuildAscii();

    // The completely ignorable characters (ASCII controls other than \t \n \v \f \r): the only way two different
    // strings compare equal under Compare (every other character has a distinct weight at some level).
    private static readonly SearchValues<char> s_ignorable = SearchValues.Create(
        Enumerable.Range(0, 128).Where(c => s_asciiPrimary[c] == 0).Select(c => (char)c).ToArray());

    /// <summary>True when <paramref name="s"/> holds a character the collation ignores; two different strings compare equal only if one of them does.</summary>
    public static bool HasIgnorable(ReadOnlySpan<char> s) => s.ContainsAny(s_ignorable);

    /// <summary><c>a.localeCompare(b)</c>: -1, 0 or 1.</summary>
    public static int Compare(string? a, string? b) => Compare(a.AsSpan(), b.AsSpan(), numeric: false, tertiary: true);

    /// <summary><c>a.localeCompare(b, undefined, { numeric: true, sensitivity: "base" })</c>: -1, 0 or 1.</summary>
    public static int CompareNumericBase(ReadOnlySpan<char> a, ReadOnlySpan<char> b) => Compare(a, b, numeric: true, tertiary: false);

    private static int Compare(ReadOnlySpan<char> a, ReadOnlySpan<char> b, bool numeric, bool tertiary)
    {
        // An identical prefix contributes identical weights at every level: start after it (in numeric mode, at the
        // start of a digit run it ends inside).
        int common = a.CommonPrefixLength(b);
        if (common == a.Length && common == b.Length)
        {
            return 0;
        }

        if (numeric)
        {
            while (common > 0 && char.IsAsciiDigit(a[common - 1]))
            {
                common--;
            }
        }

        a = a[common..];
        b = b[common..];

        // Level 1: base characters over the whole string.
        int i = 0, j = 0;
        while (true)
        {
            bool ha = Next(a, ref i, numeric, out Element ea);
            bool hb = Next(b, ref j, numeric, out Element eb);
            if (!ha || !hb)
            {
                if (ha != hb)
                {
                    return ha ? 1 : -1;
                }

                break;
            }

            if (ea.Primary != eb.Primary)
            {
                return ea.Primary < eb.Primary ? -1 : 1;
            }

            if (ea.NumberLength > 0)
            {
                int c = CompareNumbers(a.Slice(ea.NumberStart, ea.NumberLength), b.Slice(eb.NumberStart, eb.NumberLength));
                if (c != 0)
                {
                    return c;
                }
            }
        }

        if (!tertiary)
        {
            return 0;
        }

        // Level 2 (accents), then level 3 (case).
        for (int level = 2; level <= 3; level++)
        {
            i = 0;
            j = 0;
            while (Next(a, ref i, numeric, out Element ea) && Next(b, ref j, numeric, out Element eb))
            {
                int wa = level == 2 ? ea.Secondary : ea.Tertiary;
                int wb = level == 2 ? eb.Secondary : eb.Tertiary;
                if (wa != wb)
                {
                    return wa < wb ? -1 : 1;
                }
            }
        }

        return 0;
    }

    private static int CompareNumbers(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        if (x.Length != y.Length)
        {
            return x.Length < y.Length ? -1 : 1;
        }

        int c = x.SequenceCompareTo(y);
        return c < 0 ? -1 : c > 0 ? 1 : 0;
    }

    private struct Element
    {
        public int Primary;
        public byte Secondary;
        public byte Tertiary;
        public int NumberStart;
        public int NumberLength;
    }

    private static bool Next(ReadOnlySpan<char> s, ref int i, bool numeric, out Element e)
    {
        e = default;
        while (i < s.Length)
        {
            char c = s[i];
            if (c < 128)
            {
                int p = s_asciiPrimary[c];
                if (p == 0)
                {
                    i++; // completely ignorable control character
                    continue;
                }

                if (numeric && char.IsAsciiDigit(c))
                {
                    int start = i;
                    while (i < s.Length && char.IsAsciiDigit(s[i]))
                    {
                        i++;
                    }

                    // Leading zeros do not count: "01" and "1" are the same number.
                    int nz = start;
                    while (nz < i - 1 && s[nz] == '0')
                    {
                        nz++;
                    }

                    e.Primary = DigitPrimary;
                    e.NumberStart = nz;
                    e.NumberLength = i - nz;
                    return true;
                }

                e.Primary = p;
                e.Tertiary = char.IsAsciiLetterUpper(c) ? (byte)1 : (byte)0;
                i++;
                return true;
            }

            if (c is >= '\u00C0' and <= '\u00FF' && Latin1Base[c - 0xC0] != '\0')
            {
                char baseChar = Latin1Base[c - 0xC0];
                e.Primary = s_asciiPrimary[baseChar];
                e.Secondary = (byte)Latin1Accent[c - 0xC0];
                e.Tertiary = char.IsAsciiLetterUpper(baseChar) ? (byte)1 : (byte)0;
                i++;
                return true;
            }

            e.Primary = OtherBase + c;
            i++;
            return true;
        }

        return false;
    }

    private static ushort[] BuildAscii()
    {
        var table = new ushort[128];
        for (int k = 0; k < AsciiOrder.Length; k++)
        {
            char c = AsciiOrder[k];
            ushort w = (ushort)(10 + k);
            if (char.IsAsciiDigit(c))
            {
                w = (ushort)(DigitPrimary + (c - '0'));
            }
            else if (char.IsAsciiLetterLower(c))
            {
                w = (ushort)(DigitPrimary + 20 + (c - 'a'));
                table[c - 32] = w;
            }

            table[c] = w;
        }

        return table;
    }
}
