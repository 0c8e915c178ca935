using System.Runtime.CompilerServices;

namespace AgentCore.JavaScript;

/// <summary>JavaScript string semantics the reference relies on and AgentCore must reproduce exactly (not .NET's): one place for the parser and the condenser.</summary>
internal static class JsText
{
    /// <summary>
    /// True for the characters JavaScript's <c>String.prototype.trim()</c> removes: WhiteSpace and LineTerminator of
    /// ECMA-262 (U+0009–000D, U+0020, U+00A0, U+1680, U+2000–200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF).
    /// </summary>
    /// <remarks>Differs from <see cref="char.IsWhiteSpace(char)"/>: U+FEFF is trimmed, U+0085 is not.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWhiteSpace(char c)
    {
        if (c <= ' ')
        {
            return c == ' ' || (c >= '\t' && c <= '\r');
        }

        return c >= '\u00A0' && IsNonAsciiWhiteSpace(c);
    }

    /// <summary><c>s.trim()</c>: WhiteSpace and LineTerminator code points off both ends (U+FEFF included, U+0085 not, unlike <see cref="string.Trim()"/>).</summary>
    public static string Trim(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        (int start, int end) = Trim(s, 0, s.Length);
        return start == 0 && end == s.Length ? s : s[start..end];
    }

    /// <summary>The bounds of <c>s.slice(start, end).trim()</c> in <paramref name="s"/>, as [start, end).</summary>
    public static (int Start, int End) Trim(ReadOnlySpan<char> s, int start, int end)
    {
        while (start < end && IsWhiteSpace(s[start]))
        {
            start++;
        }

        while (end > start && IsWhiteSpace(s[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    /// <summary>The bounds of <c>s.slice(start, end).replace(/^\n/, "").replace(/\n$/, "")</c>: one LF off each end.</summary>
    public static (int Start, int End) StripOneNewline(ReadOnlySpan<char> s, int start, int end)
    {
        if (start < end && s[start] == '\n')
        {
            start++;
        }

        if (end > start && s[end - 1] == '\n')
        {
            end--;
        }

        return (start, end);
    }

    private static bool IsNonAsciiWhiteSpace(char c) => c switch
    {
        '\u00A0' or '\u1680' or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' or '\uFEFF' => true,
        >= '\u2000' and <= '\u200A' => true,
        _ => false,
    };
}
