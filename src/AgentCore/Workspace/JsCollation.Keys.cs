namespace AgentCore.Workspace;

/// <summary>Sort keys: the weights <see cref="JsCollation"/> compares, as bytes whose ordinal order is the collation order.</summary>
internal static partial class JsCollation
{
    // A primary weight takes one byte (ASCII weights are 10..245); a character outside the table takes OtherMark and
    // its UTF-16 code unit (OtherBase + c orders by c, after every table weight); a digit run in numeric mode takes
    // DigitPrimary, the run's length without leading zeros (2 bytes) and its digits, so equal markers are followed by
    // comparable lengths and then digits of equal count. No weight byte sequence starts with 0: a 0 appended after the
    // key therefore sorts a string before every longer one with the same weights, as Compare does.
    private const byte OtherMark = 0xFE;

    /// <summary>
    /// Appends the sort key of <paramref name="s"/> to <paramref name="keys"/>: its level-1 weights, and with
    /// <paramref name="tertiary"/> a 0, the level-2 weights, a 0 and the level-3 weights. For keys followed by the same
    /// terminator, ordinal byte order equals the sign of <c>Compare(a, b, numeric, tertiary)</c> (<c>CompareNumericBase</c>
    /// when <paramref name="numeric"/> and not <paramref name="tertiary"/>, <c>Compare</c> when the opposite).
    /// Returns false for a digit run longer than 65,535 characters (the caller compares such strings directly).
    /// </summary>
    public static bool AppendKey(ReadOnlySpan<char> s, bool numeric, bool tertiary, SortKeys keys)
    {
        if (!System.Text.Ascii.IsValid(s))
        {
            return AppendKeyGeneral(s, numeric, tertiary, keys);
        }

        if (numeric && s.ContainsAnyInRange('0', '9'))
        {
            return !tertiary && s.Length <= ushort.MaxValue ? AppendAsciiNumericKey(s, keys) : AppendKeyGeneral(s, numeric, tertiary, keys);
        }

        // ASCII without a digit run to read as a number: one element per character (none for an ignorable one), the
        // table's primary weight, secondary 0, tertiary 1 for an upper-case letter; written in one pass per level.
        {
            Span<byte> key = keys.Reserve(tertiary ? (3 * s.Length) + 2 : s.Length);
            int n = 0;
            foreach (char c in s)
            {
                byte p = (byte)s_asciiPrimary[c];
                key[n] = p;
                n += p == 0 ? 0 : 1;
            }

            if (tertiary)
            {
                int elements = n;
                key[n++] = 0;
                key.Slice(n, elements).Clear();
                n += elements;
                key[n++] = 0;
                foreach (char c in s)
                {
                    if (s_asciiPrimary[c] != 0)
                    {
                        key[n++] = char.IsAsciiLetterUpper(c) ? (byte)1 : (byte)0;
                    }
                }
            }

            keys.Advance(n);
            return true;
        }
    }

    /// <summary>The level-1 key of an ASCII string in numeric mode (digit runs as numbers), written in one pass.</summary>
    private static bool AppendAsciiNumericKey(ReadOnlySpan<char> s, SortKeys keys)
    {
        // A character takes at most 4 bytes (a one-digit run: marker, two length bytes, the digit).
        Span<byte> key = keys.Reserve(4 * s.Length);
        int n = 0;
        for (int i = 0; i < s.Length;)
        {
            char c = s[i];
            if (!char.IsAsciiDigit(c))
            {
                byte p = (byte)s_asciiPrimary[c];
                key[n] = p;
                n += p == 0 ? 0 : 1;
                i++;
                continue;
            }

            int start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            // Leading zeros do not count: "01" and "1" are the same number (as Next reads it).
            while (start < i - 1 && s[start] == '0')
            {
                start++;
            }

            int length = i - start;
            key[n++] = DigitPrimary;
            key[n++] = (byte)(length >> 8);
            key[n++] = (byte)length;
            for (int d = start; d < i; d++)
            {
                key[n++] = (byte)s[d];
            }
        }

        keys.Advance(n);
        return true;
    }

    /// <summary><see cref="AppendKey"/> through the collation elements, for any string (the ASCII path's reference).</summary>
    internal static bool AppendKeyGeneral(ReadOnlySpan<char> s, bool numeric, bool tertiary, SortKeys keys)
    {
        int i = 0;
        while (Next(s, ref i, numeric, out Element e))
        {
            if (e.NumberLength > 0)
            {
                if (e.NumberLength > ushort.MaxValue)
                {
                    return false;
                }

                keys.Add(DigitPrimary);
                keys.Add((byte)(e.NumberLength >> 8));
                keys.Add((byte)e.NumberLength);
                foreach (char d in s.Slice(e.NumberStart, e.NumberLength))
                {
                    keys.Add((byte)d);
                }
            }
            else if (e.Primary < OtherMark)
            {
                keys.Add((byte)e.Primary);
            }
            else
            {
                int c = e.Primary - OtherBase;
                keys.Add(OtherMark);
                keys.Add((byte)(c >> 8));
                keys.Add((byte)c);
            }
        }

        if (tertiary)
        {
            // Equal level-1 weights mean equally many elements, so the level-2 and level-3 runs line up.
            keys.Add(0);
            i = 0;
            while (Next(s, ref i, numeric, out Element e))
            {
                keys.Add(e.Secondary);
            }

            keys.Add(0);
            i = 0;
            while (Next(s, ref i, numeric, out Element e))
            {
                keys.Add(e.Tertiary);
            }
        }

        return true;
    }
}
