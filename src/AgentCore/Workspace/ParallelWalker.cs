using System.Collections.Concurrent;

namespace AgentCore.Workspace;

/// <summary>
/// A parallel directory walk with ripgrep's rules (<see cref="WalkOptions"/>): a shared stack of directories
/// drained by one worker per core. Each directory is read once by <see cref="DirectoryReader"/> (readdir/getdents64: the
/// entry's type comes from the directory listing, no stat and no <see cref="FileInfo"/> per entry);
/// its ignore files are read only when the listing shows them.
/// </summary>
/// <remarks>
/// Files are reported from worker threads, in no particular order. Memory is bounded by the directories waiting on
/// the stack (depth-first), not by the tree. Unreadable directories, broken links and link loops are skipped and
/// reported in <see cref="WalkSummary.Skipped"/>, never thrown.
/// </remarks>
internal sealed class ParallelWalker
{
    private readonly string _root;
    private readonly int _rootCut;
    private readonly WalkOptions _options;
    private readonly Action<string, int> _onFile;
    private readonly Action<string, List<string>, int>? _onDirectory;
    private readonly ConcurrentStack<DirWork> _stack = new();
    private readonly ConcurrentQueue<WalkSkip> _skipped = new();
    private int _pending;
    private int _directories;
    private int _files;
    private volatile Exception? _failure;

    private ParallelWalker(string root, WalkOptions options, Action<string, int> onFile, Action<string, List<string>, int>? onDirectory)
    {
        _root = root;
        _rootCut = root == "/" ? 1 : root.Length + 1;
        _options = options;
        _onFile = onFile;
        _onDirectory = onDirectory;
    }

    /// <summary>
    /// Walks <paramref name="root"/> (absolute, normalized) and calls <paramref name="onFile"/>(absolute path,
    /// worker index) for every file the rules keep. <paramref name="onFile"/> runs concurrently on up to
    /// <see cref="WalkOptions.Parallelism"/> threads; the worker index lets it keep per-thread state without locks.
    /// <paramref name="onDirectory"/>, when given, gets (path, names of its real subdirectories in directory order
    /// (not symbolic links, whether ignored or not), worker index) for every directory read, from the same threads.
    /// </summary>
    public static WalkSummary Walk(string root, WalkOptions options, Action<string, int> onFile, CancellationToken ct, Action<string, List<string>, int>? onDirectory = null)
    {
        var walker = new ParallelWalker(root, options, onFile, onDirectory);
        return walker.Run(ct);
    }

    private WalkSummary Run(CancellationToken ct)
    {
        IgnoreLevel? ancestors = _options.UseIgnoreFiles ? IgnoreLevel.ForAncestors(_root) : null;
        string? real = _options.FollowLinks ? RealPath.TryResolve(_root) ?? _root : null;
        _pending = 1;
        _stack.Push(new DirWork(_root, real, null, ancestors, 0));
        int workers = Math.Max(1, _options.Parallelism);
        var tasks = new Task[workers - 1];
        for (int w = 1; w < workers; w++)
        {
            int index = w;
            tasks[w - 1] = Task.Factory.StartNew(() => Work(index, ct), ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        Work(0, ct);
        Task.WaitAll(tasks);
        if (_failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_failure);
        }

        ct.ThrowIfCancellationRequested();
        return new WalkSummary(_files, _directories, [.. _skipped]);
    }

    private void Work(int worker, CancellationToken ct)
    {
        var entries = new List<DirEntry>(64);
        var spin = default(SpinWait);
        while (_failure is null)
        {
            if (_stack.TryPop(out DirWork? dir))
            {
                try
                {
                    if (!ct.IsCancellationRequested)
                    {
                        Process(dir, entries, worker);
                    }
                }
                catch (Exception e)
                {
                    _failure ??= e;
                }
                finally
                {
                    Interlocked.Decrement(ref _pending);
                }

                spin = default;
                continue;
            }

            if (Volatile.Read(ref _pending) == 0)
            {
                return;
            }

            spin.SpinOnce(sleep1Threshold: 20);
        }
    }

    private void Process(DirWork dir, List<DirEntry> entries, int worker)
    {
        entries.Clear();
        bool hasRg = false, hasIgnore = false, hasGitIgnore = false, hasGit = false;
        bool useIgnore = _options.UseIgnoreFiles;
        string? error = DirectoryReader.Read(dir.Path, entries);
        if (error is not null)
        {
            _skipped.Enqueue(new WalkSkip(dir.Path, error));
            return;
        }

        if (_onDirectory is not null)
        {
            var subdirectories = new List<string>();
            foreach (DirEntry e in entries)
            {
                if (e.IsDirectory && !e.IsLink)
                {
                    subdirectories.Add(e.Name.ToString());
                }
            }

            _onDirectory(dir.Path, subdirectories, worker);
        }

        if (useIgnore)
        {
            foreach (DirEntry e in entries)
            {
                if (e.Name.Length > 0 && e.Name[0] == '.')
                {
                    switch (e.Name)
                    {
                        case ".rgignore": hasRg = true; break;
                        case ".ignore": hasIgnore = true; break;
                        case ".gitignore": hasGitIgnore = true; break;
                        case ".git": hasGit = true; break;
                    }
                }
            }
        }

        Interlocked.Increment(ref _directories);
        IgnoreLevel? level = useIgnore ? IgnoreLevel.ForDirectory(dir.Level, dir.Path, hasRg, hasIgnore, hasGitIgnore, hasGit) : null;
        GlobOverrides? overrides = _options.Overrides;
        int childDepth = dir.Depth + 1;
        int files = 0; // added to _files once per directory, not per file: one contended cache line less per file
        foreach (DirEntry e in entries)
        {
            string full = e.Path;
            bool isDir = e.IsDirectory;
            if (e.IsLink)
            {
                if (!_options.FollowLinks)
                {
                    continue; // ripgrep passes over links it does not follow
                }

                if (!isDir && !File.Exists(full))
                {
                    _skipped.Enqueue(new WalkSkip(full, "broken symbolic link"));
                    continue;
                }
            }

            ReadOnlySpan<char> rel = full.AsSpan(_rootCut);
            if (IsIgnored(full, rel, e.Name, isDir, level, overrides))
            {
                continue;
            }

            if (!isDir)
            {
                files++;
                _onFile(full, worker);
                continue;
            }

            if (childDepth >= _options.MaxDepth || (overrides is not null && overrides.PrunesDirectory(rel)))
            {
                continue;
            }

            string? real = null;
            if (_options.FollowLinks)
            {
                real = e.IsLink ? RealPath.TryResolve(full) : string.Concat(dir.Real, dir.Real == "/" ? "" : "/", e.Name);
                if (real is null)
                {
                    _skipped.Enqueue(new WalkSkip(full, "broken symbolic link"));
                    continue;
                }

                if (e.IsLink && IsAncestor(dir, real))
                {
                    _skipped.Enqueue(new WalkSkip(full, "file system loop"));
                    continue;
                }
            }

            Interlocked.Increment(ref _pending);
            _stack.Push(new DirWork(full, real, dir, level, childDepth));
        }

        Interlocked.Add(ref _files, files);
    }

    private bool IsIgnored(string full, ReadOnlySpan<char> rel, ReadOnlySpan<char> name, bool isDir, IgnoreLevel? level, GlobOverrides? overrides)
    {
        if (overrides is not null && !overrides.IsEmpty)
        {
            IgnoreMatch m = overrides.Match(rel, isDir);
            if (m != IgnoreMatch.None)
            {
                return m == IgnoreMatch.Ignore;
            }
        }

        IgnoreMatch whitelisted = IgnoreMatch.None;
        if (level is not null)
        {
            IgnoreMatch m = level.Match(full, isDir);
            if (m == IgnoreMatch.Ignore)
            {
                return true;
            }

            whitelisted = m;
        }

        return whitelisted == IgnoreMatch.None && !_options.IncludeHidden && name.Length > 0 && name[0] == '.';
    }

    private static bool IsAncestor(DirWork dir, string real)
    {
        for (DirWork? d = dir; d is not null; d = d.Parent)
        {
            if (d.Real == real)
            {
                return true;
            }
        }

        return false;
    }

    private sealed record DirWork(string Path, string? Real, DirWork? Parent, IgnoreLevel? Level, int Depth);
}
