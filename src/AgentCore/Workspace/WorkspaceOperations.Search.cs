using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using AgentCore.Diagnostics;
using AgentCore.Operations;

namespace AgentCore.Workspace;

public static partial class WorkspaceOperations
{
    /// <summary>The reference's output when ripgrep fails (an invalid regex, anything on its stderr).</summary>
    public const string NoResultsFound = "No results found";

    /// <summary>
    /// Searches as the extension's <c>search_files</c> tool does (<c>rg --json -e REGEX [--glob G] --context 1
    /// --no-messages DIR</c>): gitignore rules, hidden files skipped, links not followed, files searched in parallel.
    /// </summary>
    /// <remarks>
    /// ripgrep prints files in its parallel walk's order; here they come in path order, so the 1,500-line cap and the
    /// 300-file cap keep the same files on every run.
    /// </remarks>
    public static Task<SearchFilesResult> SearchFilesAsync(SearchFilesRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Regex);
        string root = WorkspacePaths.Root(request.WorkspaceRoot);
        string abs = WorkspacePaths.Resolve(root, request.Path, request.AllowOutsideWorkspace);
        bool isFile = File.Exists(abs);
        if (!isFile && !Directory.Exists(abs))
        {
            OperationException.Throw(ErrorCodes.NotFound, $"{request.Path}: no such file or directory", request.Path);
        }

        Regex? regex = RustRegex.TryCompile(request.Regex, out string? error, out RequiredLiteral? literal);
        if (regex is null)
        {
            return Task.FromResult(new SearchFilesResult(NoResultsFound, 0, error, []));
        }

        return Task.Run(() =>
        {
            using ProfileScope scope = Profiler.Scope("workspace.search");
            var collector = new SearchCollector();
            var skipped = new ConcurrentQueue<WalkSkip>();
            IReadOnlyList<WalkSkip> walkSkips = [];
            if (isFile)
            {
                SearchOne(new FileSearcher(regex, literal), abs, collector, skipped);
            }
            else
            {
                var options = new WalkOptions
                {
                    IncludeHidden = false,
                    FollowLinks = false,
                    UseIgnoreFiles = true,
                    Overrides = string.IsNullOrEmpty(request.FilePattern) ? null : new GlobOverrides([request.FilePattern]),
                };
                var searchers = new FileSearcher?[Math.Max(1, options.Parallelism)];
                walkSkips = ParallelWalker.Walk(abs, options, (path, worker) =>
                {
                    if (collector.IsNeeded(path))
                    {
                        SearchOne(searchers[worker] ??= new FileSearcher(regex, literal), path, collector, skipped);
                    }
                }, ct).Skipped;
            }

            RooIgnoreController rooIgnore = RooIgnoreController.Load(root);
            var kept = collector.Files().Where(f => rooIgnore.ValidateAccess(f.Path)).ToList();
            (string output, int total) = SearchResultFormatter.Format(root, kept);
            return new SearchFilesResult(output, total, null, [.. walkSkips, .. skipped]);
        }, ct);
    }

    private static void SearchOne(FileSearcher searcher, string path, SearchCollector collector, ConcurrentQueue<WalkSkip> skipped)
    {
        (List<SearchLine>? lines, int messages, string? skip) = searcher.Search(path);
        if (skip is not null)
        {
            skipped.Enqueue(new WalkSkip(path, skip));
        }
        else if (lines is not null)
        {
            collector.Add(path, lines, messages);
        }
    }
}
