using AgentCore.Diagnostics;
using AgentCore.Operations;

namespace AgentCore.Workspace;

/// <summary>
/// The workspace operations: <c>list_files</c>, <c>search_files</c> and <c>read_file</c> with the extension's output
/// text. Every path a caller gives is resolved against the workspace root (<see cref="ErrorCodes.OutsideWorkspace"/>
/// when it leaves it, unless allowed). Thread-safe; each call is independent.
/// </summary>
public static partial class WorkspaceOperations
{
    /// <summary>Lists a directory as the extension's <c>list_files</c> tool does.</summary>
    public static Task<ListFilesResult> ListFilesAsync(ListFilesRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Limit < 0)
        {
            OperationException.ThrowInvalidArgument("limit", $"limit: must be 0 or more, got {request.Limit}");
        }

        string root = WorkspacePaths.Root(request.WorkspaceRoot);
        string abs = WorkspacePaths.Resolve(root, request.Path, request.AllowOutsideWorkspace);
        if (request.Limit > 0 && abs != "/")
        {
            RequireDirectory(abs, request.Path);
        }

        return Task.Run(() =>
        {
            (IReadOnlyList<string> paths, bool hit, IReadOnlyList<WalkSkip> skipped) = FileLister.ListDeferred(abs, request.Recursive, request.Limit, ct);
            RooIgnoreController rooIgnore = RooIgnoreController.Load(root);
            using ProfileScope format = Profiler.Scope("files.format");
            string output = FilesListFormatter.Format(abs, paths, hit, rooIgnore, request.ShowRooIgnoredFiles, new RooProtectedController(root));
            return new ListFilesResult(paths, hit, output, skipped);
        }, ct);
    }

    private static void RequireDirectory(string abs, string given)
    {
        if (Directory.Exists(abs))
        {
            return;
        }

        if (File.Exists(abs))
        {
            OperationException.Throw(ErrorCodes.NotDirectory, $"{given}: not a directory", given);
        }

        OperationException.Throw(ErrorCodes.NotFound, $"{given}: no such file or directory", given);
    }
}
