using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace AgentCore.Symbols;

/// <summary>
/// The reference's Markdown headings (markdownParser.ts, parity spec 3.4): ATX headings <c>^(#{1,6})\s+(.+)$</c> and
/// Setext headings (a plain text line over <c>===</c> or <c>---</c>), each section ending where the next heading
/// starts, printed through the same rules as tree-sitter definitions (minimum lines, no context line). The regular
/// expressions keep JavaScript's meaning: <c>.</c> stops at \r, so CRLF Markdown has no headings, as in the reference.
/// </summary>
internal static partial class MarkdownDefinitions
{
    [GeneratedRegex(@"^(#{1,6})" + JsRegex.Space + @"+([^\n\r\u2028\u2029]+)\z", RegexOptions.CultureInvariant)]
    private static partial Regex Atx();

    [GeneratedRegex(@"^={3,}" + JsRegex.Space + @"*\z", RegexOptions.CultureInvariant)]
    private static partial Regex SetextH1();

    [GeneratedRegex(@"^-{3,}" + JsRegex.Space + @"*\z", RegexOptions.CultureInvariant)]
    private static partial Regex SetextH2();

    [GeneratedRegex(@"^" + JsRegex.Space + @"*[^#<>!\[\]`\t]+[^\n]\z", RegexOptions.CultureInvariant)]
    private static partial Regex SetextText();

    /// <summary>A heading: its rows (the end is set from the next heading) and text.</summary>
    internal record struct Heading(int StartRow, int EndRow, int Level, string Text);

    /// <summary>The reference's parseMarkdown: headings in row order with their section end rows.</summary>
    public static List<Heading> Parse(string content)
    {
        var headings = new List<Heading>();
        if (content.Length == 0 || JsString.Trim(content).Length == 0)
        {
            return headings;
        }

        string[] lines = content.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            Match atx = Atx().Match(line);
            if (atx.Success)
            {
                headings.Add(new Heading(i, i, atx.Groups[1].Length, JsString.Trim(atx.Groups[2].Value)));
                continue;
            }

            if (i > 0)
            {
                int level = SetextH1().IsMatch(line) ? 1 : SetextH2().IsMatch(line) ? 2 : 0;
                if (level != 0 && SetextText().IsMatch(lines[i - 1]))
                {
                    headings.Add(new Heading(i - 1, i, level, JsString.Trim(lines[i - 1])));
                }
            }
        }

        // Stable sort by start row (a Setext heading starts on the row before its underline).
        Heading[] sorted = [.. headings.Select((h, i) => (h, i)).OrderBy(x => x.h.StartRow).ThenBy(x => x.i).Select(x => x.h)];
        for (int i = 0; i < sorted.Length; i++)
        {
            sorted[i].EndRow = i < sorted.Length - 1 ? sorted[i + 1].StartRow - 1 : lines.Length - 1;
        }

        return [.. sorted];
    }

    /// <summary>Appends the definition lines of a Markdown text; false when there are none.</summary>
    public static bool Format(byte[] source, int minLines, IBufferWriter<byte> output)
    {
        string content = Encoding.UTF8.GetString(source);
        List<Heading> headings = Parse(content);
        if (headings.Count == 0)
        {
            return false;
        }

        var lines = new SourceLines(source, source.Length);
        var seen = new HashSet<long>();
        bool any = false;
        foreach (Heading h in headings)
        {
            // The name capture of each pair has no parent and is skipped; the definition capture prints the section.
            if ((long)h.EndRow - h.StartRow + 1 < minLines || !seen.Add(((long)h.StartRow << 32) | (uint)h.EndRow))
            {
                continue;
            }

            DefinitionCaptures.WriteLine(output, (uint)h.StartRow, (uint)h.EndRow, lines[h.StartRow]);
            any = true;
        }

        return any;
    }
}
