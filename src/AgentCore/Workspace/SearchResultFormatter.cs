using System.Globalization;
using System.Text;

namespace AgentCore.Workspace;

/// <summary>The reference's <c>formatResults</c> (src/services/ripgrep/index.ts): groups of adjacent lines, the 300 cap, the exact header text.</summary>
internal static class SearchResultFormatter
{
    /// <summary>The reference's <c>MAX_RESULTS</c>.</summary>
    public const int MaxResults = 300;

    /// <summary>Formats the kept files; <paramref name="cwd"/> is what paths are shown relative to. Returns the text and the group count.</summary>
    public static (string Output, int Total) Format(string cwd, IReadOnlyList<(string Path, List<SearchLine> Lines)> files)
    {
        var grouped = new List<(string Path, List<List<SearchLine>> Groups)>(files.Count);
        int total = 0;
        foreach ((string path, List<SearchLine> lines) in files)
        {
            var groups = new List<List<SearchLine>>();
            foreach (SearchLine line in lines)
            {
                if (line.Text is null)
                {
                    continue; // a non-UTF-8 line arrives as {"bytes":..} and is dropped by the reference's parser
                }

                if (groups.Count > 0 && line.Number <= groups[^1][^1].Number + 1)
                {
                    groups[^1].Add(line);
                }
                else
                {
                    groups.Add([line]);
                }
            }

            total += groups.Count;
            grouped.Add((path, groups));
        }

        var sb = new StringBuilder();
        if (total >= MaxResults)
        {
            sb.Append("Showing first 300 of 300+ results. Use a more specific search if necessary.\n\n");
        }
        else
        {
            sb.Append(total == 1 ? "Found 1 result.\n\n" : string.Create(CultureInfo.InvariantCulture, $"Found {total:#,0} results.\n\n"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string path, List<List<SearchLine>> groups) in grouped.Take(MaxResults))
        {
            string rel = JsPath.Relative(cwd, path);
            if (!seen.Add(rel))
            {
                continue;
            }

            sb.Append("# ").Append(rel).Append('\n');
            foreach (List<SearchLine> g in groups)
            {
                foreach (SearchLine l in g)
                {
                    sb.Append(l.Number.ToString(CultureInfo.InvariantCulture).PadLeft(3)).Append(" | ").Append(l.Text.AsSpan().TrimEnd()).Append('\n');
                }

                sb.Append("----\n");
            }

            sb.Append('\n');
        }

        return (sb.ToString().Trim(), total);
    }
}
