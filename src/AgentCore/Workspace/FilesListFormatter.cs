using System.Text;

namespace AgentCore.Workspace;

/// <summary>
/// The extension's <c>formatFilesList</c> (src/core/prompts/responses.ts): relative POSIX paths, files before the
/// subdirectories of each level, ICU numeric/base comparison with ties kept in input order, <c>🔒</c>/<c>🛡️</c> markers
/// and the truncation notice.
/// </summary>
internal static class FilesListFormatter
{
    /// <summary>The notice appended when the listing hit its limit.</summary>
    public const string TruncatedNotice = "\n\n(File list truncated. Use list_files on specific subdirectories if you need to explore further.)";

    /// <summary>The text of an empty listing.</summary>
    public const string NoFiles = "No files found.";

    /// <summary>Formats <paramref name="files"/> (absolute; directories end with <c>/</c>) listed under <paramref name="absolutePath"/>.</summary>
    public static string Format(string absolutePath, IReadOnlyList<string> files, bool didHitLimit, RooIgnoreController? rooIgnore, bool showRooIgnoredFiles, RooProtectedController? rooProtected)
    {
        var entries = new string[files.Count];
        for (int k = 0; k < files.Count; k++)
        {
            string f = files[k];
            string rel = JsPath.Relative(absolutePath, JsPath.Normalize(f));
            entries[k] = f.EndsWith('/') ? rel + "/" : rel;
        }

        // Stable sort (the reference's TimSort keeps ties in input order).
        string[] sorted = [.. entries.Select((e, ix) => (Entry: e, Index: ix)).Order(PathOrder.Instance).Select(t => t.Entry)];

        var lines = new List<string>(sorted.Length);
        foreach (string entry in sorted)
        {
            if (rooIgnore is null)
            {
                lines.Add(entry);
                continue;
            }

            string abs = JsPath.Resolve(absolutePath, entry);
            if (!rooIgnore.ValidateAccess(abs))
            {
                if (showRooIgnoredFiles)
                {
                    lines.Add("\U0001F512 " + entry);
                }
            }
            else if (rooProtected is not null && rooProtected.IsWriteProtected(abs))
            {
                lines.Add("\U0001F6E1\uFE0F " + entry);
            }
            else
            {
                lines.Add(entry);
            }
        }

        if (didHitLimit)
        {
            return string.Join('\n', lines) + TruncatedNotice;
        }

        if (lines.Count == 0 || (lines.Count == 1 && lines[0].Length == 0))
        {
            return NoFiles;
        }

        return string.Join('\n', lines);
    }

    private sealed class PathOrder : IComparer<(string Entry, int Index)>
    {
        public static readonly PathOrder Instance = new();

        public int Compare((string Entry, int Index) x, (string Entry, int Index) y)
        {
            int c = ComparePaths(x.Entry, y.Entry);
            return c != 0 ? c : x.Index.CompareTo(y.Index);
        }
    }

    /// <summary>The reference's comparator: segment by segment; a file ends before a deeper path at the same level.</summary>
    internal static int ComparePaths(string a, string b)
    {
        string[] pa = a.Split('/');
        string[] pb = b.Split('/');
        int n = Math.Min(pa.Length, pb.Length);
        for (int i = 0; i < n; i++)
        {
            if (pa[i] == pb[i])
            {
                continue;
            }

            if (i + 1 == pa.Length && i + 1 < pb.Length)
            {
                return -1;
            }

            if (i + 1 == pb.Length && i + 1 < pa.Length)
            {
                return 1;
            }

            return JsCollation.CompareNumericBase(pa[i], pb[i]);
        }

        return pa.Length - pb.Length;
    }
}
