using System.Text;
using AgentCore.Diagnostics;

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

        // Stable sort (the reference's TimSort keeps ties in input order); each entry is split once.
        var keyed = new (string Entry, string[] Parts, int Index)[entries.Length];
        for (int k = 0; k < entries.Length; k++)
        {
            keyed[k] = (entries[k], entries[k].Split('/'), k);
        }

        using (Profiler.Scope("files.format.sort"))
        {
            Array.Sort(keyed, static (x, y) =>
            {
                int c = CompareParts(x.Parts, y.Parts);
                return c != 0 ? c : x.Index.CompareTo(y.Index);
            });
        }

        // Entries relative to the controllers' root, without resolving each one (entries are already normalized).
        string? prefix = rooIgnore is null ? null : JsPath.Relative(rooIgnore.Cwd, absolutePath);
        bool fastRelative = prefix is not null && !prefix.StartsWith("..", StringComparison.Ordinal) && absolutePath != "/";

        var lines = new List<string>(keyed.Length);
        foreach ((string entry, _, _) in keyed)
        {
            if (rooIgnore is null)
            {
                lines.Add(entry);
                continue;
            }

            string abs = fastRelative ? rooIgnore.Cwd.TrimEnd('/') + "/" + (prefix!.Length == 0 ? entry : prefix + "/" + entry).TrimEnd('/') : JsPath.Resolve(absolutePath, entry);
            if (abs.Length > 1 && abs.EndsWith('/'))
            {
                abs = abs.TrimEnd('/');
            }

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

    /// <summary>The reference's comparator: segment by segment; a file ends before a deeper path at the same level.</summary>
    internal static int ComparePaths(string a, string b) => CompareParts(a.Split('/'), b.Split('/'));

    private static int CompareParts(string[] pa, string[] pb)
    {
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
