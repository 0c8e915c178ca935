using System.Globalization;
using System.Text;

namespace AgentCore.Workspace;

/// <summary>The reference's <c>addLineNumbers</c> and the 2026 slice reader's line format.</summary>
internal static class ReadFileFormatter
{
    /// <summary>The 2026 form's <c>DEFAULT_LINE_LIMIT</c>.</summary>
    public const int DefaultLineLimit = 2000;

    /// <summary>The 2026 form's <c>MAX_LINE_LENGTH</c>: longer lines are cut to 1,997 characters plus <c>...</c>.</summary>
    public const int MaxLineLength = 2000;

    /// <summary><c>addLineNumbers(content, startLine)</c> (parity spec §4.1).</summary>
    public static string AddLineNumbers(string content, long startLine = 1)
    {
        if (content.Length == 0)
        {
            return startLine == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $"{startLine} | \n");
        }

        string[] lines = content.Split('\n');
        int count = lines.Length;
        if (count > 0 && lines[^1].Length == 0)
        {
            count--;
        }

        int width = (startLine + count - 1).ToString(CultureInfo.InvariantCulture).Length;
        var sb = new StringBuilder(content.Length + (count * (width + 4)));
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                sb.Append('\n');
            }

            sb.Append((startLine + i).ToString(CultureInfo.InvariantCulture).PadLeft(width)).Append(" | ").Append(lines[i]);
        }

        return sb.Append('\n').ToString();
    }
}
