using AgentCore.Conversations;
using AgentCore.Operations;
using AgentCore.Symbols;
using AgentCore.Tokenization;
using AgentCore.Workspace;

namespace AgentCore.Host.Rpc;

/// <summary>
/// The operation bindings of <c>serve</c>: params bind to the library's request type, the operation runs, its
/// result is the answer. What a binding adds is protocol policy only: every input that names a file is resolved
/// inside the workspace opened with <c>workspace/open</c> (<see cref="WorkspacePaths.Resolve"/>), so a client
/// cannot read files outside it through the server.
/// </summary>
internal sealed partial class ServeSession
{
    private volatile string? _root;

    private void AddOperations()
    {
        Add(RpcMethod.Create("tokens/count", ServerJson.Info<CountTokensRequest>(), ServerJson.Info<CountTokensResult>(),
            (r, call) => new ValueTask<CountTokensResult>(TokenOperations.CountTokensAsync(Confine(r, call), call.Cancellation)), inlineWhen: ShortText));
        Add(RpcMethod.Create("tokens/encode", ServerJson.Info<CountTokensRequest>(), ServerJson.Info<CountTokensResult>(),
            (r, call) => new ValueTask<CountTokensResult>(TokenOperations.CountTokensAsync(Confine(r, call) with { Ids = true }, call.Cancellation)), inlineWhen: ShortText));
        Add(RpcMethod.Create("tokens/estimate", ServerJson.Info<EstimateTokensRequest>(), ServerJson.Info<EstimateTokensResult>(),
            (r, call) => new ValueTask<EstimateTokensResult>(ConversationOperations.EstimateTokensAsync(Confine(r, call), call.Cancellation)), inlineWhen: ShortText));
        // Inline: a workspace/open pipelined before files/list takes effect before it.
        Add(RpcMethod.Create("workspace/open", ServeJsonContext.Default.WorkspaceOpenParams, ServeJsonContext.Default.WorkspaceOpenResult, OpenWorkspace, inline: true));
        Add(RpcMethod.Create("files/list", ServerJson.Info<ListFilesRequest>(), ServerJson.Info<ListFilesResult>(),
            (r, call) => new ValueTask<ListFilesResult>(WorkspaceOperations.ListFilesAsync(
                r with
                {
                    Limit = call.HasParam("limit"u8) ? r.Limit : new ListFilesRequest { Path = r.Path }.Limit,
                    WorkspaceRoot = RequireRoot(call),
                    AllowOutsideWorkspace = false,
                }, call.Cancellation))));
        Add(RpcMethod.Create("search/regex", ServerJson.Info<SearchFilesRequest>(), ServerJson.Info<SearchFilesResult>(),
            (r, call) => new ValueTask<SearchFilesResult>(WorkspaceOperations.SearchFilesAsync(
                r with { WorkspaceRoot = RequireRoot(call), AllowOutsideWorkspace = false }, call.Cancellation))));
        Add(RpcMethod.Create("files/read", ServerJson.Info<ReadFileRequest>(), ServerJson.Info<ReadFileResult>(),
            (r, call) =>
            {
                var defaults = new ReadFileRequest { Path = r.Path };
                return new ValueTask<ReadFileResult>(WorkspaceOperations.ReadFileAsync(
                    r with
                    {
                        Offset = call.HasParam("offset"u8) ? r.Offset : defaults.Offset,
                        Limit = call.HasParam("limit"u8) ? r.Limit : defaults.Limit,
                        WorkspaceRoot = RequireRoot(call),
                        AllowOutsideWorkspace = false,
                    }, call.Cancellation));
            }));
        Add(RpcMethod.Create("definitions/list", ServerJson.Info<DefinitionsRequest>(), ServerJson.Info<DefinitionsResult>(),
            (r, call) => new ValueTask<DefinitionsResult>(DefinitionsOperations.ListDefinitionsAsync(
                r with
                {
                    Path = Resolve(call, r.Path, "path"),
                    MinLines = call.HasParam("minLines"u8) ? r.MinLines : new DefinitionsRequest(r.Path).MinLines,
                }, call.Cancellation))));
        AddSymbolOperations();
        AddStatsOperations();
    }

    // Token counts of short text run on the reader thread (RpcMethod.InlineWhen): at most 4 KiB of params, tokenized
    // in tens of microseconds, and no file named (a file may be large, slow or endless).
    private const int ShortTextBytes = 4 << 10;

    internal static bool ShortText(ReadOnlySpan<byte> parameters) =>
        parameters.Length <= ShortTextBytes && !RpcCall.HasAnyProperty(parameters, "paths"u8, "path"u8);

    private static IReadOnlyList<string> Languages() => DefinitionsOperations.Languages;

    private ValueTask<WorkspaceOpenResult> OpenWorkspace(WorkspaceOpenParams p, RpcCall call)
    {
        string root = WorkspacePaths.Root(p.Root);
        if (!Directory.Exists(root))
        {
            OperationException.Throw(File.Exists(root) ? ErrorCodes.NotDirectory : ErrorCodes.NotFound,
                $"{p.Root}: {(File.Exists(root) ? "not a directory" : "no such file or directory")}", "root");
        }

        _root = root;
        return ValueTask.FromResult(new WorkspaceOpenResult(root));
    }

    // The root as of the request's place in the message order (captured when it was read).
    private static string RequireRoot(RpcCall call) =>
        call.Snapshot as string ?? throw new OperationException(new OperationError(ErrorCodes.OutsideWorkspace,
            "no workspace is open (send workspace/open with its root first)", "root"));

    private static string Resolve(RpcCall call, string path, string field) => WorkspacePaths.Resolve(RequireRoot(call), path, allowOutside: false, field);

    private static CountTokensRequest Confine(CountTokensRequest request, RpcCall call)
    {
        // The source-generated binding of init-only properties leaves an absent field null instead of keeping the
        // record's initializer; the library's own defaults are put back here.
        var defaults = new CountTokensRequest();
        request = request with { Encoding = request.Encoding ?? defaults.Encoding, Paths = request.Paths ?? defaults.Paths };
        if (request.Paths.Any(p => p != "-"))
        {
            request = request with { Paths = [.. request.Paths.Select((p, i) => p == "-" ? p : Resolve(call, p, $"paths[{i}]"))] };
        }

        return request;
    }

    private static EstimateTokensRequest Confine(EstimateTokensRequest request, RpcCall call) =>
        request.Json is null && request.Path is not null ? request with { Path = Resolve(call, request.Path, "path") } : request;
}
