using System.Text;
using System.Text.RegularExpressions;

namespace AgentCore.Workspace;

/// <summary>
/// ripgrep's regex dialect (Rust <c>regex</c> 1.x) translated to .NET, run with
/// <see cref="RegexOptions.NonBacktracking"/> so no pattern can take more than linear time per line. Syntax that
/// Rust reads differently from .NET is translated (<c>(?P&lt;n&gt;</c>, <c>\x{...}</c>, <c>\pL</c>, <c>[[:alpha:]]</c>);
/// syntax Rust rejects (look-around, backreferences, atomic groups) or that .NET cannot express the same way
/// (nested classes, class set operations, <c>(?U)</c>) is rejected with a sentence, as ripgrep rejects it.
/// </summary>
internal static class RustRegex
{
    /// <summary>Translates and compiles <paramref name="pattern"/>; returns null and an error sentence when it cannot be used.</summary>
    public static Regex? TryCompile(string pattern, out string? error, out RequiredLiteral? literal)
    {
        literal = null;
        string? translated = Translate(pattern, out error);
        if (translated is null)
        {
            return null;
        }

        try
        {
            var regex = new Regex(translated, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
            literal = RequiredLiteral.Extract(translated);
            return regex;
        }
        catch (RegexParseException e)
        {
            // The runtime's own message is a resource key in the published binary: spell the error kind out.
            string kind = Regex.Replace(e.Error.ToString(), "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant();
            error = $"regex parse error: {kind} at offset {e.Offset}";
            return null;
        }
        catch (ArgumentException)
        {
            error = "regex parse error: invalid pattern";
            return null;
        }
        catch (NotSupportedException)
        {
            error = "regex parse error: the pattern uses a construct a linear-time engine cannot run";
            return null;
        }
    }

    /// <summary>The .NET form of a Rust regex, or null with <paramref name="error"/> set.</summary>
    public static string? Translate(string pattern, out string? error)
    {
        error = null;
        var sb = new StringBuilder(pattern.Length + 8);
        bool inClass = false;
        int classStart = -1;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\')
            {
                if (i + 1 >= pattern.Length)
                {
                    return Fail(out error, "incomplete escape sequence at the end of the pattern");
                }

                char e = pattern[++i];
                switch (e)
                {
                    case 'x':
                    {
                        int code;
                        if (i + 1 < pattern.Length && pattern[i + 1] == '{')
                        {
                            int close = pattern.IndexOf('}', i + 2);
                            if (close < 0 || !int.TryParse(pattern.AsSpan(i + 2, close - i - 2), System.Globalization.NumberStyles.HexNumber, null, out code))
                            {
                                return Fail(out error, "invalid hexadecimal escape \\x{...}");
                            }

                            i = close;
                        }
                        else if (i + 2 < pattern.Length && int.TryParse(pattern.AsSpan(i + 1, 2), System.Globalization.NumberStyles.HexNumber, null, out code))
                        {
                            i += 2;
                        }
                        else
                        {
                            return Fail(out error, "invalid hexadecimal escape \\x");
                        }

                        if (code == '\n')
                        {
                            return Fail(out error, "the literal '\\n' is not allowed in a regex");
                        }

                        if (code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
                        {
                            return Fail(out error, "invalid Unicode scalar value in \\x escape");
                        }

                        if (code <= 0xFFFF)
                        {
                            sb.Append("\\u").Append(code.ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                        }
                        else if (inClass)
                        {
                            return Fail(out error, "characters above U+FFFF inside a character class are not supported");
                        }
                        else
                        {
                            string s = char.ConvertFromUtf32(code);
                            sb.Append("(?:\\u").Append(((int)s[0]).ToString("X4", System.Globalization.CultureInfo.InvariantCulture))
                              .Append("\\u").Append(((int)s[1]).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)).Append(')');
                        }

                        continue;
                    }

                    case 'p' or 'P':
                    {
                        string name;
                        if (i + 1 < pattern.Length && pattern[i + 1] == '{')
                        {
                            int close = pattern.IndexOf('}', i + 2);
                            if (close < 0)
                            {
                                return Fail(out error, "unclosed Unicode class \\p{");
                            }

                            name = pattern[(i + 2)..close];
                            i = close;
                        }
                        else if (i + 1 < pattern.Length)
                        {
                            name = pattern[++i].ToString();
                        }
                        else
                        {
                            return Fail(out error, "incomplete Unicode class \\p");
                        }

                        if (!IsDotNetCategory(name))
                        {
                            return Fail(out error, $"Unicode class \\p{{{name}}} is not supported (use a general category such as L, Lu, N, P)");
                        }

                        sb.Append('\\').Append(e).Append('{').Append(name).Append('}');
                        continue;
                    }

                    case 'n':
                        return Fail(out error, "the literal '\\n' is not allowed in a regex");
                    case >= '0' and <= '9':
                        return Fail(out error, "backreferences are not supported");
                    case 'a' or 'f' or 't' or 'r' or 'v' or 'd' or 'D' or 'w' or 'W' or 's' or 'S' or 'A':
                        sb.Append('\\').Append(e);
                        continue;
                    case 'b' or 'B':
                        if (inClass)
                        {
                            return Fail(out error, "\\b is not allowed inside a character class");
                        }

                        sb.Append('\\').Append(e);
                        continue;
                    case 'z':
                        sb.Append("\\z");
                        continue;
                    default:
                        if (char.IsAsciiLetterOrDigit(e) || e == '<' || e == '>')
                        {
                            return Fail(out error, $"unrecognized escape sequence \\{e}");
                        }

                        sb.Append('\\').Append(e);
                        continue;
                }
            }

            if (inClass)
            {
                if (c == '[')
                {
                    if (i + 1 < pattern.Length && pattern[i + 1] == ':')
                    {
                        int close = pattern.IndexOf(":]", i + 2, StringComparison.Ordinal);
                        string? expansion = close < 0 ? null : AsciiClass(pattern[(i + 2)..close]);
                        if (expansion is null)
                        {
                            return Fail(out error, "invalid ASCII class [:...:]");
                        }

                        sb.Append(expansion);
                        i = close + 1;
                        continue;
                    }

                    return Fail(out error, "nested character classes are not supported");
                }

                if ((c == '&' || c == '-' || c == '~') && i + 1 < pattern.Length && pattern[i + 1] == c && i > classStart + 1)
                {
                    return Fail(out error, "character class set operations (&&, --, ~~) are not supported");
                }

                if (c == ']' && i > classStart + 1 && !(i == classStart + 2 && pattern[classStart + 1] == '^'))
                {
                    inClass = false;
                }

                sb.Append(c);
                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    classStart = i;
                    sb.Append('[');
                    if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                    {
                        sb.Append('^');
                        i++;
                        classStart = i - 1;
                    }

                    // A ']' first in a class is a literal in Rust; .NET reads "[]" as an error, so escape it.
                    if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                    {
                        sb.Append("\\]");
                        i++;
                    }

                    continue;
                case '(' when i + 1 < pattern.Length && pattern[i + 1] == '?':
                {
                    string rest = pattern[(i + 2)..];
                    if (rest.StartsWith("P<", StringComparison.Ordinal))
                    {
                        sb.Append("(?<");
                        i += 3;
                        continue;
                    }

                    if (rest.StartsWith('=') || rest.StartsWith('!') || rest.StartsWith("<=", StringComparison.Ordinal) || rest.StartsWith("<!", StringComparison.Ordinal))
                    {
                        return Fail(out error, "look-around, including look-ahead and look-behind, is not supported");
                    }

                    if (rest.StartsWith('<'))
                    {
                        sb.Append("(?<");
                        i += 2;
                        continue;
                    }

                    // Flag groups: (?flags) or (?flags:...)
                    int k = 0;
                    var flags = new StringBuilder();
                    while (k < rest.Length && rest[k] != ')' && rest[k] != ':')
                    {
                        char f = rest[k];
                        if (f is 'i' or 'm' or 's' or 'x' or '-')
                        {
                            flags.Append(f);
                        }
                        else if (f == 'u')
                        {
                            // Unicode mode is .NET's only mode.
                        }
                        else if (f == 'U')
                        {
                            return Fail(out error, "the swap-greed flag (?U) is not supported");
                        }
                        else
                        {
                            return Fail(out error, $"unrecognized flag or group syntax (?{rest[..Math.Min(rest.Length, k + 1)]}");
                        }

                        k++;
                    }

                    if (k >= rest.Length)
                    {
                        return Fail(out error, "unclosed group");
                    }

                    sb.Append("(?").Append(flags).Append(rest[k]);
                    i += 2 + k;
                    continue;
                }

                default:
                    sb.Append(c);
                    continue;
            }
        }

        if (inClass)
        {
            return Fail(out error, "unclosed character class");
        }

        return sb.ToString();
    }

    private static string? Fail(out string? error, string message)
    {
        error = "regex parse error: " + message;
        return null;
    }

    private static bool IsDotNetCategory(string name) => name is
        "L" or "Lu" or "Ll" or "Lt" or "Lm" or "Lo" or "M" or "Mn" or "Mc" or "Me" or "N" or "Nd" or "Nl" or "No" or
        "P" or "Pc" or "Pd" or "Ps" or "Pe" or "Pi" or "Pf" or "Po" or "S" or "Sm" or "Sc" or "Sk" or "So" or
        "Z" or "Zs" or "Zl" or "Zp" or "C" or "Cc" or "Cf" or "Cs" or "Co" or "Cn";

    private static string? AsciiClass(string name) => name switch
    {
        "alnum" => "0-9A-Za-z",
        "alpha" => "A-Za-z",
        "ascii" => "\\x00-\\x7F",
        "blank" => "\\t ",
        "cntrl" => "\\x00-\\x1F\\x7F",
        "digit" => "0-9",
        "graph" => "!-~",
        "lower" => "a-z",
        "print" => " -~",
        "punct" => "!-/:-@\\[-`{-~",
        "space" => "\\t\\n\\v\\f\\r ",
        "upper" => "A-Z",
        "word" => "0-9A-Za-z_",
        "xdigit" => "0-9A-Fa-f",
        _ => null,
    };
}
