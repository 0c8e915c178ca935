using System.Diagnostics;
using AgentCore.Operations;

namespace AgentCore.Symbols;

/// <summary>Builds or updates a directory's symbol index.</summary>
/// <param name="Root">The directory to index.</param>
/// <param name="SnapshotPath">Where the snapshot lives; null for the user cache directory.</param>
public sealed record IndexRequest(string Root, string? SnapshotPath = null);

/// <summary>The index figures after an update, and the process's peak resident memory.</summary>
public sealed record IndexResult(IndexStatistics Statistics, long PeakMemoryBytes, IReadOnlyList<SkippedFile> SkippedFiles);

/// <summary>A file the index skipped and why.</summary>
public sealed record SkippedFile(string Path, string Reason);

/// <summary>A symbol lookup in a directory's index (updated first when files changed).</summary>
public sealed record SymbolsRequest(string Query, string Root, int Limit = 50, string? SnapshotPath = null);

/// <summary>The matches, best first.</summary>
public sealed record SymbolsResult(IReadOnlyList<SymbolMatch> Matches);

/// <summary>The symbol index operations (the <c>index</c> and <c>symbols</c> verbs).</summary>
public static class SymbolIndexOperations
{
    /// <summary>Builds the index of a directory or brings its snapshot up to date.</summary>
    public static Task<IndexResult> IndexAsync(IndexRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.Run(() =>
        {
            using SymbolIndex index = Open(request.Root, request.SnapshotPath, ct);
            SkippedFile[] skipped = [.. index.SkippedFiles().Select(s => new SkippedFile(s.Path, s.Reason))];
            using var process = Process.GetCurrentProcess();
            return new IndexResult(index.Statistics, process.PeakWorkingSet64, skipped);
        }, ct);
    }

    /// <summary>Finds symbols by name in a directory's index.</summary>
    public static Task<SymbolsResult> FindSymbolsAsync(SymbolsRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Query.Length == 0)
        {
            OperationException.ThrowInvalidArgument("query", "query: must not be empty");
        }

        if (request.Limit <= 0)
        {
            OperationException.ThrowInvalidArgument("limit", "limit: must be a positive number");
        }

        return Task.Run(() =>
        {
            using SymbolIndex index = Open(request.Root, request.SnapshotPath, ct);
            return new SymbolsResult(index.Find(request.Query, request.Limit));
        }, ct);
    }

    /// <summary>Opens the index of <paramref name="root"/> (for callers that keep it open across lookups).</summary>
    public static SymbolIndex Open(string root, string? snapshotPath, CancellationToken ct)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        if (!Directory.Exists(full))
        {
            throw new OperationException(File.Exists(full)
                ? new OperationError(ErrorCodes.NotDirectory, $"{root}: not a directory", root)
                : new OperationError(ErrorCodes.NotFound, $"{root}: no such file or directory", root));
        }

        try
        {
            return SymbolIndex.Open(full, snapshotPath ?? SymbolIndex.DefaultSnapshotPath(full), ct);
        }
        catch (Exception e) when (FileErrors.IsFileError(e))
        {
            throw new OperationException(FileErrors.From(e, snapshotPath ?? full));
        }
    }
}
