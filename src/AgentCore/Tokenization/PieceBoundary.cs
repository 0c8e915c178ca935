namespace AgentCore.Tokenization;

/// <summary>
/// Where text can be cut so that encoding the two parts separately gives exactly the ids of encoding the whole: used
/// to encode a file or stream block by block, carrying the unfinished tail over to the next block.
/// </summary>
/// <remarks>
/// A cut at p is safe for both split patterns when the bytes around it are one of:
/// <list type="bullet">
/// <item>an ASCII letter or digit, then ASCII white space (space, tab, CR, LF);</item>
/// <item>an ASCII letter, then an ASCII digit, or a digit then a letter;</item>
/// <item>LF, then an ASCII letter or digit.</item>
/// </list>
/// Why: a letter belongs to a word piece, which ends where its letter run ends unless a contraction (<c>'s</c>…)
/// follows; a digit belongs to a number piece, whose 1-3 digit groups count from the start of the run; neither run
/// continues past p, so the piece holding byte p-1 ends at p in the whole text and in the part before p alike
/// (the contraction and trailing-space checks see no apostrophe and no white space run at p in either case).
/// After LF, the white-space alternatives end their piece right after the run's last CR/LF and the punctuation one
/// after its trailing CR/LF run, both at p when a letter or digit follows, and no pattern starts a piece with LF
/// before a letter or digit. Every pattern matches forward from a piece start with no look-behind, so the pieces from
/// p on are the same whether the text starts at p or earlier. Cuts are at ASCII bytes, so no UTF-8 sequence (nor an
/// invalid one, replaced by maximal subparts) is split. Tests check equality at every cut of many inputs.
/// </remarks>
internal static class PieceBoundary
{
    private const byte LetterOrDigit = 1;
    private const byte Digit = 2;
    private const byte Letter = 4;
    private const byte Space = 8;
    private const byte LineFeed = 16;

    private static ReadOnlySpan<byte> Classes => [
        0, 0, 0, 0, 0, 0, 0, 0, 0, Space, Space | LineFeed, 0, 0, Space, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        Space, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0, 0,
        0, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
        5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 0, 0, 0, 0, 0,
        0, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
        5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 0, 0, 0, 0, 0,
    ];

    /// <summary>True when cutting <paramref name="text"/> before index <paramref name="p"/> (0 &lt; p &lt; length) is safe.</summary>
    public static bool IsSafe(ReadOnlySpan<byte> text, int p) => IsSafe(text[p - 1], text[p]);

    /// <summary>
    /// The last safe cut p with <paramref name="from"/> &lt;= p &lt; <c>text.Length</c> (p &gt;= 1), or 0 when none:
    /// the cut needs the byte at p, so the text's own end is never returned.
    /// </summary>
    public static int LastSafeCut(ReadOnlySpan<byte> text, int from)
    {
        for (int p = text.Length - 1; p >= Math.Max(from, 1); p--)
        {
            if (IsSafe(text[p - 1], text[p]))
            {
                return p;
            }
        }

        return 0;
    }

    private static bool IsSafe(byte before, byte at)
    {
        if ((before | at) >= 0x80)
        {
            return false;
        }

        int b = Classes[before];
        int a = Classes[at];
        if ((b & LetterOrDigit) != 0)
        {
            return (a & Space) != 0 || ((a & LetterOrDigit) != 0 && (a & (Letter | Digit)) != (b & (Letter | Digit)));
        }

        return (b & LineFeed) != 0 && (a & LetterOrDigit) != 0;
    }
}
