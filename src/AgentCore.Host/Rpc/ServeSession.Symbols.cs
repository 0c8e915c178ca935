using AgentCore.Symbols;

namespace AgentCore.Host.Rpc;

/// <summary>
/// <c>symbols/query</c> (<see cref="SymbolIndexOperations.FindSymbolsAsync(SymbolsRequest, SymbolIndexCache?, CancellationToken)"/>)
/// and <c>symbols/index</c> (<see cref="SymbolIndexOperations.IndexAsync(IndexRequest, SymbolIndexCache?, CancellationToken)"/>)
/// over the opened workspace. The session's <see cref="SymbolIndexCache"/> keeps the index open between calls (opened
/// on first use, again after a file changes). <c>root</c> (default: the workspace root) and <c>snapshotPath</c> are
/// resolved inside the workspace like every other path.
/// </summary>
internal sealed partial class ServeSession : IDisposable
{
    private readonly SymbolIndexCache _symbols = new();

    /// <summary>Closes the open symbol indexes and stops the metrics listener.</summary>
    public void Dispose()
    {
        _symbols.Dispose();
        _metrics.Dispose();
    }

    private void AddSymbolOperations()
    {
        Add(RpcMethod.Create("symbols/query", ServerJson.Info<SymbolsRequest>(), ServerJson.Info<SymbolsResult>(),
            (r, call) => new ValueTask<SymbolsResult>(SymbolIndexOperations.FindSymbolsAsync(
                r with { Root = Resolve(call, r.Root, "root"), SnapshotPath = ResolveOptional(call, r.SnapshotPath, "snapshotPath") },
                _symbols, call.Cancellation))));
        Add(RpcMethod.Create("symbols/index", ServerJson.Info<IndexRequest>(), ServerJson.Info<IndexResult>(),
            (r, call) => new ValueTask<IndexResult>(SymbolIndexOperations.IndexAsync(
                r with { Root = Resolve(call, r.Root, "root"), SnapshotPath = ResolveOptional(call, r.SnapshotPath, "snapshotPath") },
                _symbols, call.Cancellation))));
    }

    private static string? ResolveOptional(RpcCall call, string? path, string field) => path is null ? null : Resolve(call, path, field);
}
