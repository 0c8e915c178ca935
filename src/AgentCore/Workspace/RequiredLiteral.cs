using System.Text;

namespace AgentCore.Workspace;

/// <summary>
/// A literal every match of a pattern must contain, found by reading the (translated) pattern: the longest run of
/// plain characters at the top level of a pattern without top-level alternation. Files and lines without it are
/// skipped with a vectorized byte search (<see cref="MemoryExtensions.IndexOf{T}(ReadOnlySpan{T}, ReadOnlySpan{T})"/>)
/// before the regex, which the AOT build runs interpreted, ever sees them.
/// </summary>
internal sealed class RequiredLiteral
{
    private RequiredLiteral(string text, bool ignoreCase)
    {
        Text = text;
        IgnoreCase = ignoreCase;
        Utf8 = Encoding.UTF8.GetBytes(text);
        Utf8Upper = Encoding.UTF8.GetBytes(text.ToUpperInvariant());
        Utf8Lower = Encoding.UTF8.GetBytes(text.ToLowerInvariant());
    }

    public string Text { get; }

    public bool IgnoreCase { get; }

    public byte[] Utf8 { get; }

    private byte[] Utf8Upper { get; }

    private byte[] Utf8Lower { get; }

    /// <summary>The index of the literal in <paramref name="haystack"/>, or -1.</summary>
    public int IndexIn(ReadOnlySpan<byte> haystack)
    {
        if (!IgnoreCase)
        {
            return haystack.IndexOf(Utf8);
        }

        // ASCII-only literal: find either case of its first byte, then compare the rest without case.
        byte lo = Utf8Lower[0], up = Utf8Upper[0];
        int from = 0;
        while (from <= haystack.Length - Utf8.Length)
        {
            int i = haystack[from..].IndexOfAny(lo, up);
            if (i < 0)
            {
                return -1;
            }

            int at = from + i;
            if (at + Utf8.Length <= haystack.Length && System.Text.Ascii.EqualsIgnoreCase(haystack.Slice(at, Utf8.Length), Utf8))
            {
                return at;
            }

            from = at + 1;
        }

        return -1;
    }

    /// <summary>The required literal of a .NET pattern produced by <see cref="RustRegex.Translate"/>, or null.</summary>
    public static RequiredLiteral? Extract(string pattern)
    {
        bool ignoreCase = false;
        int i = 0;
        if (pattern.StartsWith("(?", StringComparison.Ordinal))
        {
            int close = pattern.IndexOf(')');
            string flags = close > 0 ? pattern[2..close] : "";
            if (close > 0 && flags.All(char.IsAsciiLetter))
            {
                ignoreCase = flags.Contains('i');
                if (flags.Contains('x'))
                {
                    return null;
                }

                i = close + 1;
            }
        }

        string best = "";
        var run = new StringBuilder();
        int depth = 0;
        for (; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (depth > 0)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '(')
                {
                    depth++;
                }
                else if (c == ')')
                {
                    depth--;
                    if (depth == 0)
                    {
                        SkipQuantifier(pattern, ref i);
                    }
                }
                else if (c == '[')
                {
                    SkipClass(pattern, ref i);
                }

                continue;
            }

            char? literal = null;
            int next = i + 1;
            switch (c)
            {
                case '|':
                    return null; // alternation at the top level: no single required literal
                case '(':
                    Flush();
                    if (pattern.AsSpan(i).StartsWith("(?") && i + 2 < pattern.Length && char.IsAsciiLetter(pattern[i + 2]) && !pattern.AsSpan(i).StartsWith("(?<"))
                    {
                        return null; // inline flags in the middle: keep it simple
                    }

                    depth = 1;
                    continue;
                case '[':
                    Flush();
                    SkipClass(pattern, ref i);
                    SkipQuantifier(pattern, ref i);
                    continue;
                case '\\':
                    if (i + 1 < pattern.Length && !char.IsAsciiLetterOrDigit(pattern[i + 1]))
                    {
                        literal = pattern[i + 1];
                        next = i + 2;
                    }
                    else
                    {
                        Flush();
                        i++;
                        if (i < pattern.Length && pattern[i] is 'u' or 'x' or 'p' or 'P')
                        {
                            // \uXXXX or \p{..}: skip its argument
                            if (pattern[i] == 'u')
                            {
                                i += 4;
                            }
                            else if (i + 1 < pattern.Length && pattern[i + 1] == '{')
                            {
                                i = pattern.IndexOf('}', i);
                            }
                        }

                        SkipQuantifier(pattern, ref i);
                        continue;
                    }

                    break;
                case '.' or '^' or '$' or '*' or '+' or '?' or '{' or '}' or ')':
                    Flush();
                    continue;
                default:
                    literal = c;
                    break;
            }

            // A quantifier that allows zero repetitions removes the character from the requirement; any quantifier ends the run.
            bool optional = next < pattern.Length && (pattern[next] is '*' or '?' || pattern.AsSpan(next).StartsWith("{0"));
            bool repeated = next < pattern.Length && pattern[next] is '+' or '{';
            if (!optional)
            {
                run.Append(literal!.Value);
            }

            i = next - 1;
            if (optional || repeated)
            {
                Flush();
                SkipQuantifier(pattern, ref i);
            }
        }

        Flush();
        if (best.Length == 0 || (ignoreCase && !System.Text.Ascii.IsValid(best)))
        {
            return null;
        }

        return new RequiredLiteral(best, ignoreCase);

        void Flush()
        {
            if (run.Length > best.Length)
            {
                best = run.ToString();
            }

            run.Clear();
        }
    }

    private static void SkipClass(string p, ref int i)
    {
        int k = i + 1;
        if (k < p.Length && p[k] == '^')
        {
            k++;
        }

        if (k < p.Length && p[k] == ']')
        {
            k++;
        }

        for (; k < p.Length; k++)
        {
            if (p[k] == '\\')
            {
                k++;
            }
            else if (p[k] == ']')
            {
                break;
            }
        }

        i = k;
    }

    private static void SkipQuantifier(string p, ref int i)
    {
        int k = i + 1;
        if (k < p.Length && p[k] is '*' or '+' or '?')
        {
            i = k;
            if (k + 1 < p.Length && p[k + 1] == '?')
            {
                i++;
            }
        }
        else if (k < p.Length && p[k] == '{')
        {
            int close = p.IndexOf('}', k);
            i = close < 0 ? i : close;
        }
    }
}
