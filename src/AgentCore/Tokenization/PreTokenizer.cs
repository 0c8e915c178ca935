using System.Runtime.CompilerServices;
using static AgentCore.Tokenization.CharClass;

namespace AgentCore.Tokenization;

/// <summary>
/// The split patterns of o200k_base and cl100k_base as hand-written matchers over valid UTF-8: given the start
/// of a piece, return its end. Each method reproduces what the backtracking regex (tiktoken uses fancy-regex,
/// leftmost-first alternation, greedy quantifiers) returns at that position; the comments give the reasoning
/// per alternative. Every position matches some alternative, so pieces tile the text.
/// </summary>
internal static partial class PreTokenizer
{
    /// <summary>
    /// o200k_base:
    /// <c>[^\r\n\p{L}\p{N}]?[UP]*[LOW]+C?|[^\r\n\p{L}\p{N}]?[UP]+[LOW]*C?|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+</c>
    /// with UP = <c>[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]</c>, LOW = <c>[\p{Ll}\p{Lm}\p{Lo}\p{M}]</c>,
    /// C = <c>(?i:'s|'t|'re|'ve|'m|'ll|'d)</c>.
    /// </summary>
    public static int NextO200k(ReadOnlySpan<byte> text, int start)
    {
        int c0 = At(text, start, out int len0);
        bool prefix = (c0 & WordPrefix) != 0;
        int end;

        // Alternative 1, with the optional prefix character, then without it (only a letter or mark can start it).
        if (prefix && (end = UpperThenLower(text, start + len0)) >= 0)
        {
            return end;
        }

        if ((c0 & (Letter | Mark)) != 0 && (end = UpperThenLower(text, start)) >= 0)
        {
            return end;
        }

        // Alternative 2, same order. Without the prefix it always matches when c0 is in UP.
        if (prefix && (end = UpperRun(text, start + len0)) >= 0)
        {
            return end;
        }

        if ((c0 & CasedUpper) != 0)
        {
            return UpperRun(text, start);
        }

        return NonWord(text, start, c0, len0, slashAfterPunctuation: true, wholeTrailingSpace: false);
    }

    /// <summary>
    /// cl100k_base, as current tiktoken writes it (with possessive quantifiers):
    /// <c>'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s</c>.
    /// The possessive forms match what the greedy ones did, except the new <c>\s++$</c>: white space that runs
    /// to the end of the text is one piece, even when it contains a newline (the older pattern,
    /// <c>...|\s*[\r\n]+|\s+(?!\S)|\s+</c>, split it after the last newline).
    /// </summary>
    public static int NextCl100k(ReadOnlySpan<byte> text, int start)
    {
        int end;
        if (text[start] == '\'' && (end = Contraction(text, start)) > start)
        {
            return end;
        }

        int c0 = At(text, start, out int len0);
        if ((c0 & WordPrefix) != 0 && (At(text, start + len0, out _) & Letter) != 0)
        {
            return RunOf(text, start + len0, Letter);
        }

        if ((c0 & Letter) != 0)
        {
            return RunOf(text, start, Letter);
        }

        return NonWord(text, start, c0, len0, slashAfterPunctuation: false, wholeTrailingSpace: true);
    }

    /// <summary>
    /// The alternatives both patterns share after the word alternatives failed at <paramref name="start"/>:
    /// numbers, punctuation runs, white space.
    /// </summary>
    private static int NonWord(ReadOnlySpan<byte> text, int start, int c0, int len0, bool slashAfterPunctuation, bool wholeTrailingSpace)
    {
        // \p{N}{1,3}
        if (c0 == Number)
        {
            int end = start + len0;
            for (int k = 1; k < 3; k++)
            {
                if (At(text, end, out int len) != Number)
                {
                    break;
                }

                end += len;
            }

            return end;
        }

        // " ?[^\s\p{L}\p{N}]+[\r\n/]*": with the space first (greedy ?), then without (c0 itself punctuation).
        int punctuationStart = -1;
        if ((c0 & Punctuation) != 0)
        {
            punctuationStart = start;
        }
        else if (text[start] == ' ' && (At(text, start + 1, out _) & Punctuation) != 0)
        {
            punctuationStart = start + 1;
        }

        if (punctuationStart >= 0)
        {
            int end = RunOf(text, punctuationStart, Punctuation);
            while ((uint)end < (uint)text.Length && (text[end] is (byte)'\r' or (byte)'\n' || (slashAfterPunctuation && text[end] == '/')))
            {
                end++;
            }

            return end;
        }

        // c0 is white space. Let w be the end of the white-space run.
        // "\s*[\r\n]+": \s* backtracks from w to the last CR/LF of the run; [\r\n]+ then takes just that one
        //   (what follows it is not CR/LF), so the piece ends right after the run's last CR/LF.
        // "\s+(?!\S)": at the end of the text the whole run; otherwise give back the last character (which is
        //   white space, so the look-ahead holds) if that leaves at least one.
        // "\s+" (cl100k: "\s"): a single white-space character before a non-space.
        int w = start;
        int lastNewline = -1;
        int lastStart = start;
        int cls;
        while (((cls = At(text, w, out int len)) & WhiteSpace) != 0)
        {
            if (cls == Newline)
            {
                lastNewline = w;
            }

            lastStart = w;
            w += len;
        }

        // cl100k's "\s++$" comes first: white space up to the end of the text is one piece.
        if (wholeTrailingSpace && w == text.Length)
        {
            return w;
        }

        if (lastNewline >= 0)
        {
            return lastNewline + 1;
        }

        if (w == text.Length || lastStart == start)
        {
            return w;
        }

        return lastStart;
    }

    /// <summary>
    /// o200k alternative 1 from <paramref name="i"/>: <c>[UP]*[LOW]+C?</c>, or -1.
    /// UP* takes the maximal run; LOW+ then needs a LOW character. If the character after the run is not LOW,
    /// the regex gives back run characters from the right until one is LOW (Lm, Lo or a mark are both), and
    /// LOW+ restarts there. So: k = run end if LOW there, else the last LOW character inside the run.
    /// </summary>
    private static int UpperThenLower(ReadOnlySpan<byte> text, int i)
    {
        int u = i;
        int lastLowInRun = -1;
        int cls;
        int len;
        while (((cls = At(text, u, out len)) & CasedUpper) != 0)
        {
            if ((cls & CasedLower) != 0)
            {
                lastLowInRun = u;
            }

            u += len;
        }

        int k;
        if ((cls & CasedLower) != 0)
        {
            k = u;
        }
        else if (lastLowInRun >= 0)
        {
            k = lastLowInRun;
        }
        else
        {
            return -1;
        }

        return Contraction(text, RunOf(text, k, CasedLower));
    }

    /// <summary>o200k alternative 2 from <paramref name="i"/>: <c>[UP]+[LOW]*C?</c>, or -1.</summary>
    private static int UpperRun(ReadOnlySpan<byte> text, int i)
    {
        if ((At(text, i, out int len) & CasedUpper) == 0)
        {
            return -1;
        }

        int u = RunOf(text, i + len, CasedUpper);
        return Contraction(text, RunOf(text, u, CasedLower));
    }

    /// <summary>End of the run of characters in <paramref name="classes"/> starting at <paramref name="i"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int RunOf(ReadOnlySpan<byte> text, int i, int classes)
    {
        i = AsciiRunEnd(text, i, classes);
        while ((At(text, i, out int len) & classes) != 0)
        {
            i += len;
        }

        return i;
    }

    /// <summary>
    /// <c>(?i:'s|'t|'re|'ve|'m|'ll|'d)?</c> at <paramref name="i"/>: the end after the contraction, or
    /// <paramref name="i"/>. Case-insensitive matching in Rust regex uses Unicode simple case folding, under which
    /// <c>s</c> also matches U+017F LATIN SMALL LETTER LONG S; no other letter here has such an equivalent.
    /// </summary>
    private static int Contraction(ReadOnlySpan<byte> text, int i)
    {
        if ((uint)(i + 1) >= (uint)text.Length || text[i] != '\'')
        {
            return i;
        }

        int b = text[i + 1] | 0x20;
        if (b is 's' or 't' or 'm' or 'd')
        {
            return i + 2;
        }

        if ((uint)(i + 2) >= (uint)text.Length)
        {
            return i;
        }

        int b2 = text[i + 2] | 0x20;
        if ((b == 'r' && b2 == 'e') || (b == 'v' && b2 == 'e') || (b == 'l' && b2 == 'l'))
        {
            return i + 3;
        }

        if (text[i + 1] == 0xC5 && text[i + 2] == 0xBF)
        {
            return i + 3;
        }

        return i;
    }
}
