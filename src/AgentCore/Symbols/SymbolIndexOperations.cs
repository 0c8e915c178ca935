using AgentCore.Diagnostics;
using AgentCore.Operations;

namespace AgentCore.Symbols;

/// <summary>Builds or updates a directory's symbol index.</summary>
/// <param name="Root">The directory to index (default: the current directory).</param>
/// <param name="SnapshotPath">Where the snapshot lives; null for the user cache directory.</param>
public sealed record IndexRequest(string Root = ".", string? SnapshotPath = null);

/// <summary>The index figures after an update, and the process's peak resident memory.</summary>
public sealed record IndexResult(IndexStatistics Statistics, long PeakMemoryBytes, IReadOnlyList<SkippedFile> SkippedFiles);

/// <summary>A file the index skipped and why.</summary>
public sealed record SkippedFile(string Path, string Reason);

/// <summary>A symbol lookup in a directory's index (updated first when files changed).</summary>
/// <param name="Query">The name, or part of it (exact, prefix, substring or fuzzy match; ASCII case-insensitive).</param>
/// <param name="Root">The indexed directory (default: the current directory).</param>
/// <param name="Limit">At most this many matches, 1 to <see cref="SymbolIndexOperations.MaxLimit"/> (default 50).</param>
/// <param name="SnapshotPath">Where the snapshot lives; null for the user cache directory.</param>
public sealed record SymbolsRequest(string Query, string Root = ".", int Limit = 50, string? SnapshotPath = null);

/// <summary>The matches, best first.</summary>
public sealed record SymbolsResult(IReadOnlyList<SymbolMatch> Matches);

/// <summary>The symbol index operations (the <c>index</c> and <c>symbols</c> verbs, <c>symbols/index</c> and
/// <c>symbols/query</c> of <c>serve</c>, the <c>find_symbol</c> MCP tool).</summary>
/// <remarks>
/// A one-shot caller passes no cache: the index is opened (from its snapshot, re-parsing changed files) for the call
/// and closed after it. A server passes its <see cref="SymbolIndexCache"/>: the index stays open between calls and is
/// opened again only after a change under the root. Both are cancellable: the walk and the parsing stop at the token.
/// </remarks>
public static class SymbolIndexOperations
{
    /// <summary>The largest <see cref="SymbolsRequest.Limit"/> (a million matches is already a ~100 MB answer).</summary>
    public const int MaxLimit = 1_000_000;

    /// <summary>Builds the index of a directory or brings its snapshot up to date.</summary>
    public static Task<IndexResult> IndexAsync(IndexRequest request, CancellationToken ct) => IndexAsync(request, cache: null, ct);

    /// <summary>Builds the index of a directory or brings it up to date (always walks the tree, even when
    /// <paramref name="cache"/> holds it open); the cache then serves later lookups from the fresh index.</summary>
    public static async Task<IndexResult> IndexAsync(IndexRequest request, SymbolIndexCache? cache, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        string root = FullRoot(request.Root);
        using OperationScope operation = OperationMetrics.Begin("symbols.index", async: true);
        if (cache is null)
        {
            return await Task.Run(() =>
            {
                using SymbolIndex index = Open(root, request.SnapshotPath, ct);
                return Result(index);
            }, ct).ConfigureAwait(false);
        }

        using SymbolIndexCache.Lease lease = await Acquire(cache, root, request.SnapshotPath, refresh: true, ct).ConfigureAwait(false);
        return Result(lease.Index);
    }

    /// <summary>Finds symbols by name in a directory's index.</summary>
    public static Task<SymbolsResult> FindSymbolsAsync(SymbolsRequest request, CancellationToken ct) => FindSymbolsAsync(request, cache: null, ct);

    /// <summary>Finds symbols by name in a directory's index, kept open in <paramref name="cache"/> when one is given.</summary>
    public static async Task<SymbolsResult> FindSymbolsAsync(SymbolsRequest request, SymbolIndexCache? cache, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.Query))
        {
            OperationException.ThrowInvalidArgument("query", "query: must not be empty");
        }

        if (request.Limit is <= 0 or > MaxLimit)
        {
            OperationException.ThrowInvalidArgument("limit", $"limit: must be a number from 1 to {MaxLimit}");
        }

        string root = FullRoot(request.Root);
        using OperationScope operation = OperationMetrics.Begin("symbols.find", request.Query.Length, async: true);
        if (cache is null)
        {
            return await Task.Run(() =>
            {
                using SymbolIndex index = Open(root, request.SnapshotPath, ct);
                return new SymbolsResult(index.Find(request.Query, request.Limit));
            }, ct).ConfigureAwait(false);
        }

        using SymbolIndexCache.Lease lease = await Acquire(cache, root, request.SnapshotPath, refresh: false, ct).ConfigureAwait(false);
        return new SymbolsResult(lease.Index.Find(request.Query, request.Limit));
    }

    /// <summary>Opens the index of <paramref name="root"/> (for callers that keep it open across lookups).</summary>
    public static SymbolIndex Open(string root, string? snapshotPath, CancellationToken ct)
    {
        string full = FullRoot(root);
        try
        {
            return SymbolIndex.Open(full, snapshotPath ?? SymbolIndex.DefaultSnapshotPath(full), ct);
        }
        catch (Exception e) when (FileErrors.IsFileError(e))
        {
            throw new OperationException(FileErrors.From(e, snapshotPath ?? full));
        }
    }

    private static async Task<SymbolIndexCache.Lease> Acquire(SymbolIndexCache cache, string root, string? snapshotPath, bool refresh, CancellationToken ct)
    {
        string snapshot = snapshotPath ?? SymbolIndex.DefaultSnapshotPath(root);
        try
        {
            return await cache.AcquireAsync(root, snapshot, refresh, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (FileErrors.IsFileError(e))
        {
            throw new OperationException(FileErrors.From(e, snapshot));
        }
    }

    private static IndexResult Result(SymbolIndex index)
    {
        SkippedFile[] skipped = [.. index.SkippedFiles().Select(s => new SkippedFile(s.Path, s.Reason))];
        return new IndexResult(index.Statistics, MemoryFigures.Capture().PeakRssBytes, skipped);
    }

    // The directory made absolute (no trailing separator); a missing directory or a file is the caller's error.
    private static string FullRoot(string root)
    {
        if (string.IsNullOrEmpty(root) || root.Contains('\0', StringComparison.Ordinal))
        {
            OperationException.ThrowInvalidArgument("root", "root: must be a directory path");
        }

        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        if (!Directory.Exists(full))
        {
            throw new OperationException(File.Exists(full)
                ? new OperationError(ErrorCodes.NotDirectory, $"{root}: not a directory", root)
                : new OperationError(ErrorCodes.NotFound, $"{root}: no such file or directory", root));
        }

        return full;
    }
}
