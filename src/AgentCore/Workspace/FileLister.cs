using AgentCore.Diagnostics;

namespace AgentCore.Workspace;

/// <summary>
/// The extension's <c>listFiles(dirPath, recursive, limit)</c> (src/services/glob/list-files.ts): the files ripgrep
/// would print for its argument list, the directory scan (<c>listFilteredDirectories</c>), the combined sort and
/// limit, and the first-level directory repair.
/// </summary>
/// <remarks>
/// ripgrep stops after <c>limit</c> files in its own (parallel, unordered) walk order, so which files survive a
/// truncation is not deterministic in the reference. Here the walk is complete and the <c>limit</c> files that sort
/// first (by <c>localeCompare</c>) are kept: one of the reference's possible results, the same on every run.
/// Globs are matched relative to the listed directory (the reference run from that directory, parity Q1).
/// </remarks>
internal static class FileLister
{
    /// <summary>DIRS_TO_IGNORE, in the reference's order.</summary>
    public static readonly string[] DirsToIgnore =
        ["node_modules", "__pycache__", "env", "venv", "target/dependency", "build/dependencies", "dist", "out", "bundle", "vendor", "tmp", "temp", "deps", "pkg", "Pods", ".git", ".*"];

    private static readonly string[] s_critical = ["node_modules", ".git", "__pycache__", "venv", "env"];

    /// <summary>Runs the whole <c>listFiles</c>; <paramref name="abs"/> is absolute and normalized.</summary>
    public static (List<string> Paths, bool DidHitLimit, IReadOnlyList<WalkSkip> Skipped) List(string abs, bool recursive, int limit, CancellationToken ct)
    {
        (IReadOnlyList<string> paths, bool hit, IReadOnlyList<WalkSkip> skipped) = ListDeferred(abs, recursive, limit, ct);
        return (paths is CombinedPaths c ? c.Sorted() : (List<string>)paths, hit, skipped);
    }

    /// <summary>
    /// <see cref="List"/>, except that a listing the limit did not truncate comes back as <see cref="CombinedPaths"/>,
    /// sorted only when read.
    /// </summary>
    public static (IReadOnlyList<string> Paths, bool DidHitLimit, IReadOnlyList<WalkSkip> Skipped) ListDeferred(string abs, bool recursive, int limit, CancellationToken ct)
    {
        if (limit <= 0)
        {
            return (new List<string>(), false, []);
        }

        if (abs == "/")
        {
            return (new List<string> { "/" }, false, []);
        }

        string? home = Environment.GetEnvironmentVariable("HOME");
        if (!string.IsNullOrEmpty(home) && JsPath.Normalize(home) == abs)
        {
            return (new List<string> { JsPath.Normalize(home) }, false, []);
        }

        using ProfileScope scope = Profiler.Scope("workspace.walk");
        (List<string> files, IReadOnlyList<WalkSkip> skipped, Dictionary<string, List<string>> listings) = RipgrepFiles(abs, recursive, limit, ct);
        NpmIgnore ig = BuildDirectoryIgnore(abs);
        List<string> dirs;
        using (Profiler.Scope("files.dirscan"))
        {
            dirs = ListFilteredDirectories(abs, recursive, ig, Math.Max(0, limit - files.Count), listings, ct);
        }

        if ((long)dirs.Count + files.Count < limit)
        {
            // Nothing is cut and there are no duplicates (CombinedPaths), so the order decides nothing here.
            return (new CombinedPaths(dirs, files), false, skipped);
        }

        using ProfileScope combine = Profiler.Scope("files.combine");

        // formatAndCombineResults: directories, then files; exact duplicates dropped; directories first, then localeCompare.
        List<string> combined = SortCombined(dirs, files);
        if (combined.Count > limit)
        {
            combined.RemoveRange(limit, combined.Count - limit);
        }

        bool hit = combined.Count >= limit;
        if (recursive && hit)
        {
            combined = EnsureFirstLevelDirectoriesIncluded(abs, combined, ig, limit, listings);
        }

        return (combined, hit, skipped);
    }

    /// <summary><c>[...dirs, ...files]</c> without exact duplicates, in the reference's combined order.</summary>
    internal static List<string> SortCombined(List<string> dirs, List<string> files) => SortCombinedByKeys(dirs, files) ?? SortCombinedByComparer(dirs, files);

    /// <summary>
    /// <c>[...dirs, ...files]</c> without exact duplicates, sorted as the reference sorts it: directories (ending in
    /// <c>/</c>) first, then <c>localeCompare</c>. One byte key per path (<see cref="JsCollation.AppendKey"/>) instead of
    /// the collation per comparison. Null when two different paths collate equal (they differ only in ignorable control
    /// characters): their order is then the comparison sort's, which only that sort reproduces.
    /// </summary>
    private static List<string>? SortCombinedByKeys(List<string> dirs, List<string> files)
    {
        var all = new List<string>(dirs.Count + files.Count);
        all.AddRange(dirs);
        all.AddRange(files);
        SortKeys? keys = KeysOf(all);
        if (keys is null)
        {
            return null;
        }

        // Without ties every sort gives this order; equal strings (duplicates) are next to each other.
        int[] order = keys.Order();
        var sorted = new List<string>(order.Length);
        for (int k = 0; k < order.Length; k++)
        {
            string p = all[order[k]];
            if (k > 0 && keys[order[k]].SequenceEqual(keys[order[k - 1]]))
            {
                if (!string.Equals(p, sorted[^1], StringComparison.Ordinal))
                {
                    return null;
                }

                continue;
            }

            sorted.Add(p);
        }

        return sorted;
    }

    /// <summary>The reference's combine as a comparison sort: duplicates dropped (first kept), then <see cref="CombinedOrder"/>.</summary>
    private static List<string> SortCombinedByComparer(List<string> dirs, List<string> files)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var combined = new List<string>(dirs.Count + files.Count);
        foreach (string p in dirs.Concat(files))
        {
            if (seen.Add(p))
            {
                combined.Add(p);
            }
        }

        combined.Sort(CombinedOrder);
        return combined;
    }

    /// <summary>The <see cref="CombinedOrder"/> keys of <paramref name="paths"/>; null when a path cannot be keyed.</summary>
    private static SortKeys? KeysOf(List<string> paths)
    {
        // Every path of a listing starts with the listed directory: its weights are the same in every key, so the
        // keys start after the longest prefix (up to a '/') that all paths share.
        int common = paths.Count == 0 ? 0 : paths[0].Length;
        foreach (string p in paths)
        {
            common = Math.Min(common, p.AsSpan().CommonPrefixLength(paths[0]));
        }

        common = paths.Count == 0 ? 0 : paths[0].AsSpan(0, common).LastIndexOf('/') + 1;
        var keys = new SortKeys(paths.Count, 96);
        foreach (string p in paths)
        {
            keys.Add(p.EndsWith('/') ? (byte)0 : (byte)1);
            if (!JsCollation.AppendKey(p.AsSpan(common), numeric: false, tertiary: true, keys))
            {
                return null;
            }

            keys.EndKey();
        }

        return keys;
    }

    private static int CombinedOrder(string a, string b)
    {
        bool da = a.EndsWith('/');
        bool db = b.EndsWith('/');
        if (da != db)
        {
            return da ? -1 : 1;
        }

        return JsCollation.Compare(a, b);
    }

    /// <summary>The options ripgrep gets from the reference's argument list for this directory (§1.3).</summary>
    public static WalkOptions RipgrepOptions(string dirPath, bool recursive)
    {
        var globs = new List<string>();
        if (!recursive)
        {
            // "-g * --maxdepth 1" then "-g !d -g !d/**": '*' includes every file, so ignore files never decide.
            globs.Add("*");
            foreach (string d in DirsToIgnore)
            {
                if (d != ".*")
                {
                    globs.Add("!" + d);
                    globs.Add("!" + d + "/**");
                }
            }

            return new WalkOptions { IncludeHidden = true, FollowLinks = true, UseIgnoreFiles = false, MaxDepth = 1, Overrides = new GlobOverrides(globs) };
        }

        bool hidden = dirPath.Split('/').Any(s => s.Length > 0 && s[0] == '.');
        string targetName = JsPath.BaseName(dirPath);
        bool targetIgnored = DirsToIgnore.Contains(targetName);
        bool noIgnore = hidden || targetIgnored;
        if (noIgnore)
        {
            globs.Add("*");
            globs.Add("**/*");
        }

        foreach (string d in DirsToIgnore)
        {
            if (d == ".*")
            {
                if (!hidden)
                {
                    globs.Add("!**/.*/**");
                }
            }
            else if (!(d == targetName && targetIgnored))
            {
                globs.Add("!**/" + d + "/**");
            }
        }

        return new WalkOptions { IncludeHidden = true, FollowLinks = true, UseIgnoreFiles = !noIgnore, Overrides = new GlobOverrides(globs) };
    }

    /// <summary>
    /// The files ripgrep would print (the <paramref name="limit"/> that sort first when there are more), the walk's
    /// skips, and the real subdirectories of every directory the walk read (by path), for the directory scan.
    /// </summary>
    private static (List<string>, IReadOnlyList<WalkSkip>, Dictionary<string, List<string>>) RipgrepFiles(string abs, bool recursive, int limit, CancellationToken ct)
    {
        WalkOptions options = RipgrepOptions(abs, recursive);
        var perWorker = new List<string>[Math.Max(1, options.Parallelism)];
        var listingsPerWorker = new Dictionary<string, List<string>>[perWorker.Length];
        for (int k = 0; k < perWorker.Length; k++)
        {
            perWorker[k] = [];
            listingsPerWorker[k] = new(StringComparer.Ordinal);
        }

        WalkSummary summary;
        using (Profiler.Scope("files.walk"))
        {
            summary = ParallelWalker.Walk(abs, options, (path, worker) => perWorker[worker].Add(path), ct, (dir, subdirectories, worker) => listingsPerWorker[worker][dir] = subdirectories);
        }

        var files = new List<string>(summary.Files);
        foreach (List<string> l in perWorker)
        {
            files.AddRange(l);
        }

        Dictionary<string, List<string>> listings = listingsPerWorker[0];
        for (int k = 1; k < listingsPerWorker.Length; k++)
        {
            foreach (KeyValuePair<string, List<string>> e in listingsPerWorker[k])
            {
                listings[e.Key] = e.Value;
            }
        }

        if (files.Count > limit)
        {
            // Keep the limit files that sort first: a bounded max-heap, O(n log limit). (Keys for every file and a full
            // sort cost more at the tool's limit of 200: 91 against 75 ms on the 35,051-file benchmark tree.)
            // When no path holds a character the collation ignores, it orders distinct paths strictly: the limit first
            // files are one set whatever the selection, so a file that sorts after the heap's largest is passed over
            // with one comparison. Otherwise (two paths may compare equal) every file goes through the heap as in main,
            // whose arrangement then decides between equal paths.
            bool strict = !files.Exists(static f => JsCollation.HasIgnorable(f));
            var heap = new PriorityQueue<string, string>(limit + 1, Comparer<string>.Create(static (x, y) => JsCollation.Compare(y, x)));
            foreach (string f in files)
            {
                if (strict && heap.Count == limit && JsCollation.Compare(f, heap.Peek()) > 0)
                {
                    continue;
                }

                heap.Enqueue(f, f);
                if (heap.Count > limit)
                {
                    heap.Dequeue();
                }
            }

            files = [.. heap.UnorderedItems.Select(static e => e.Element)];
        }

        return (files, summary.Skipped, listings);
    }

    /// <summary>Every <c>.gitignore</c> from the directory up to (not including) the file-system root, root-first, plus <c>.gitignore</c>.</summary>
    public static NpmIgnore BuildDirectoryIgnore(string abs)
    {
        var found = new List<IgnoreRules>();
        for (string d = abs; d != "/"; d = JsPath.DirName(d))
        {
            IgnoreRules? r = IgnoreRules.TryLoad(d + "/.gitignore");
            if (r is not null)
            {
                found.Add(r);
            }
        }

        found.Reverse();
        found.Add(IgnoreRules.FromLines([".gitignore"]));
        return new NpmIgnore(IgnoreRules.Concat(found));
    }

    private static bool MatchesIgnoredName(string name)
    {
        foreach (string d in DirsToIgnore)
        {
            if (d == ".*")
            {
                continue;
            }

            if (d == name)
            {
                return true;
            }

            int slash = d.IndexOf('/');
            if (slash >= 0 && d.AsSpan(0, slash).SequenceEqual(name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsGitIgnored(NpmIgnore ig, string abs, string fullDir)
    {
        // path.relative(abs, fullDir): a slice for a directory below abs (names from readdir hold no '/', '.' or '..').
        int cut = abs == "/" ? 1 : abs.Length + 1;
        ReadOnlySpan<char> rel = fullDir.Length > cut && fullDir.StartsWith(abs, StringComparison.Ordinal) && fullDir[cut - 1] == '/'
            ? fullDir.AsSpan(cut)
            : JsPath.Relative(abs, fullDir);
        if (!NpmIgnore.IsValid(rel))
        {
            return false;
        }

        // ig.ignores(rel) || ig.ignores(rel + "/")
        return ig.Ignores(rel, isDirectory: false) || ig.Ignores(rel, isDirectory: true);
    }

    /// <summary>The reference's <c>listFilteredDirectories</c> (§1.5): directories only, depth-first in directory order.</summary>
    private static List<string> ListFilteredDirectories(string abs, bool recursive, NpmIgnore ig, int limit, Dictionary<string, List<string>> listings, CancellationToken ct)
    {
        var results = new List<string>();
        if (limit <= 0)
        {
            return results;
        }

        bool explicitHidden = JsPath.BaseName(abs).StartsWith('.');
        Scan(abs, isTarget: explicitHidden, insideHidden: explicitHidden);
        return results;

        bool Scan(string dir, bool isTarget, bool insideHidden)
        {
            ct.ThrowIfCancellationRequested();
            foreach (string name in ReadDirectories(dir, listings))
            {
                string full = dir == "/" ? "/" + name : dir + "/" + name;
                bool include = insideHidden
                    ? !s_critical.Contains(name) && !IsGitIgnored(ig, abs, full)
                    : !MatchesIgnoredName(name) && !IsGitIgnored(ig, abs, full);
                if (include)
                {
                    results.Add(full + "/");
                    if (results.Count >= limit)
                    {
                        return false;
                    }
                }

                if (!recursive)
                {
                    continue;
                }

                bool allowed = insideHidden ? !s_critical.Contains(name) : !MatchesIgnoredName(name);
                bool hiddenName = name.StartsWith('.');
                if (allowed && (!hiddenName || isTarget || insideHidden))
                {
                    if (!Scan(full, isTarget: false, insideHidden: insideHidden || (isTarget && hiddenName)))
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }

    /// <summary>
    /// The subdirectories of <paramref name="dir"/> in directory order; symbolic links are not directories here. The
    /// walk's listing when it read the directory (the scan enters most of the directories the walk did), else a readdir.
    /// </summary>
    private static List<string> ReadDirectories(string dir, Dictionary<string, List<string>> listings)
    {
        if (listings.TryGetValue(dir, out List<string>? known))
        {
            return known;
        }

        var names = new List<string>();
        _ = DirectoryReader.ReadDirectoryNames(dir, names); // a readdir error ends that directory's scan quietly, as in the reference
        return names;
    }

    private static List<string> EnsureFirstLevelDirectoriesIncluded(string abs, List<string> results, NpmIgnore ig, int limit, Dictionary<string, List<string>> listings)
    {
        var present = new HashSet<string>(results, StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (string name in ReadDirectories(abs, listings))
        {
            string full = abs + "/" + name;
            if (!MatchesIgnoredName(name) && !IsGitIgnored(ig, abs, full) && !present.Contains(full + "/"))
            {
                missing.Add(full + "/");
            }
        }

        if (missing.Count == 0)
        {
            return results;
        }

        int keep = results.Count - Math.Min(missing.Count, results.Count);
        var depth1 = new List<string>();
        var rest = new List<string>();
        for (int k = 0; k < keep; k++)
        {
            string rel = JsPath.Relative(abs, JsPath.Normalize(results[k]));
            (rel.Contains('/') ? rest : depth1).Add(results[k]);
        }

        var merged = new List<string>(limit);
        merged.AddRange(depth1);
        merged.AddRange(missing);
        merged.AddRange(rest);
        if (merged.Count > limit)
        {
            merged.RemoveRange(limit, merged.Count - limit);
        }

        return merged;
    }
}
