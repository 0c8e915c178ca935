using System.Text;

namespace AgentCore.Symbols;

/// <summary>Translates the JavaScript regular expressions of queries and the Markdown rules into .NET patterns with
/// the same meaning: JS <c>.</c> excludes \n, \r, \u2028 and \u2029 (.NET's only \n), JS <c>$</c> without the m flag
/// is the very end (.NET's also matches before a final \n), and JS <c>\s</c> is a fixed set (.NET's differs at
/// U+0085 and U+FEFF).</summary>
internal static class JsRegex
{
    /// <summary>JavaScript's \s class.</summary>
    public const string Space = @"[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]";

    /// <summary>Rewrites <c>.</c>, <c>$</c> and <c>\s</c> outside character classes.</summary>
    public static string Translate(string pattern)
    {
        var sb = new StringBuilder(pattern.Length + 16);
        bool inClass = false;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                char n = pattern[++i];
                if (n == 's' && !inClass)
                {
                    sb.Append(Space);
                }
                else if (n == 'S' && !inClass)
                {
                    sb.Append(@"[^\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]");
                }
                else
                {
                    sb.Append('\\').Append(n);
                }

                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                sb.Append(c);
            }
            else if (c == '[')
            {
                inClass = true;
                sb.Append(c);
            }
            else if (c == '.')
            {
                sb.Append(@"[^\n\r\u2028\u2029]");
            }
            else if (c == '$')
            {
                sb.Append(@"\z");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
