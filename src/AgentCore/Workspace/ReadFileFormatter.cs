using System.Globalization;
using Cysharp.Text;

namespace AgentCore.Workspace;

/// <summary>The reference's <c>addLineNumbers</c> and the 2026 slice reader's line format.</summary>
internal static class ReadFileFormatter
{
    /// <summary>The 2026 form's <c>DEFAULT_LINE_LIMIT</c>.</summary>
    public const int DefaultLineLimit = 2000;

    /// <summary>The 2026 form's <c>MAX_LINE_LENGTH</c>: longer lines are cut to 1,997 characters plus <c>...</c>.</summary>
    public const int MaxLineLength = 2000;

    /// <summary>Room for any <see cref="long"/> in decimal, sign included.</summary>
    private const int MaxNumberChars = 20;

    /// <summary><c>addLineNumbers(content, startLine)</c> (parity spec §4.1).</summary>
    /// <remarks>
    /// Each line of <paramref name="content"/> (split on <c>\n</c>, a last empty line dropped) as its number padded
    /// left to the width of the last number, <c>" | "</c> and the line; lines joined by <c>\n</c>, one more at the end.
    /// O(length); the text is built in ZString's pooled buffer, so the result string is the only allocation
    /// (docs/performance.md, "ZString").
    /// </remarks>
    public static string AddLineNumbers(string content, long startLine = 1)
    {
        if (content.Length == 0)
        {
            return startLine == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $"{startLine} | \n");
        }

        ReadOnlySpan<char> rest = content;
        int count = rest.Count('\n') + (content[^1] == '\n' ? 0 : 1);
        Span<char> number = stackalloc char[MaxNumberChars];
        (startLine + count - 1).TryFormat(number, out int width, default, CultureInfo.InvariantCulture);
        using Utf16ValueStringBuilder sb = ZString.CreateStringBuilder();
        for (int i = 0; i < count; i++)
        {
            int newline = rest.IndexOf('\n');
            ReadOnlySpan<char> line = newline < 0 ? rest : rest[..newline];
            rest = newline < 0 ? default : rest[(newline + 1)..];
            if (i > 0)
            {
                sb.Append('\n');
            }

            (startLine + i).TryFormat(number, out int length, default, CultureInfo.InvariantCulture);
            if (width > length)
            {
                sb.Append(' ', width - length);
            }

            sb.Append(number[..length]);
            sb.Append(" | ");
            sb.Append(line);
        }

        sb.Append('\n');
        return sb.ToString();
    }
}
