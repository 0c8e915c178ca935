using AgentCore.Conversations;
using AgentCore.Operations;
using AgentCore.Tokenization;

namespace AgentCore.Host.Rpc;

/// <summary>
/// The operation bindings of <c>serve</c>: params bind to the library's request type, the operation runs, its
/// result is the answer. What a binding adds is protocol policy only: inputs that name files are refused unless
/// they lie in an opened workspace (a client must not read arbitrary files through the server).
/// </summary>
internal sealed partial class ServeSession
{
    private void AddOperations()
    {
        Add(RpcMethod.Create("tokens/count", ServerJson.Info<CountTokensRequest>(), ServerJson.Info<CountTokensResult>(),
            (r, call) => new ValueTask<CountTokensResult>(TokenOperations.CountTokensAsync(Confine(r), call.Cancellation))));
        Add(RpcMethod.Create("tokens/encode", ServerJson.Info<CountTokensRequest>(), ServerJson.Info<CountTokensResult>(),
            (r, call) => new ValueTask<CountTokensResult>(TokenOperations.CountTokensAsync(Confine(r) with { Ids = true }, call.Cancellation))));
        Add(RpcMethod.Create("tokens/estimate", ServerJson.Info<EstimateTokensRequest>(), ServerJson.Info<EstimateTokensResult>(),
            (r, call) => new ValueTask<EstimateTokensResult>(ConversationOperations.EstimateTokensAsync(ConfinePath(r), call.Cancellation))));
    }

    private static string[] Languages() => [];

    private static CountTokensRequest Confine(CountTokensRequest request)
    {
        request = WithDefaults(request);
        for (int i = 0; i < request.Paths.Count; i++)
        {
            if (request.Paths[i] != "-")
            {
                RefuseFile($"paths[{i}]", request.Paths[i]);
            }
        }

        return request;
    }

    private static EstimateTokensRequest ConfinePath(EstimateTokensRequest request)
    {
        if (request.Json is null && request.Path is not null)
        {
            RefuseFile("path", request.Path);
        }

        return request;
    }

    // The source-generated binding of init-only properties leaves an absent field null instead of keeping the
    // record's initializer; the library's own defaults are put back here.
    private static CountTokensRequest WithDefaults(CountTokensRequest r)
    {
        var d = new CountTokensRequest();
        return r with { Encoding = r.Encoding ?? d.Encoding, Paths = r.Paths ?? d.Paths };
    }

    // Files are read only inside a workspace opened with workspace/open (none is open before that method exists).
    private static void RefuseFile(string field, string path)
    {
        throw new OperationException(new OperationError(ErrorCodes.OutsideWorkspace,
            $"{path}: outside the workspace (send the text itself, or open a workspace that holds the file)", field));
    }
}
