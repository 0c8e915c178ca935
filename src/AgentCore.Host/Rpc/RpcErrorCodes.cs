namespace AgentCore.Host.Rpc;

/// <summary>The JSON-RPC 2.0 error codes the servers answer with (the spec's, LSP's and AgentCore's own).</summary>
internal static class RpcErrorCodes
{
    /// <summary>The message is not JSON.</summary>
    public const int ParseError = -32700;

    /// <summary>The JSON is not a valid request object (or is larger than the message cap).</summary>
    public const int InvalidRequest = -32600;

    /// <summary>No such method.</summary>
    public const int MethodNotFound = -32601;

    /// <summary>A params field is missing or has the wrong type or value; the message names the field.</summary>
    public const int InvalidParams = -32602;

    /// <summary>A defect in a handler; the request is answered and the server goes on.</summary>
    public const int InternalError = -32603;

    /// <summary>Too many requests in progress: "Server overloaded; retry later".</summary>
    public const int Overloaded = -32001;

    /// <summary>A request other than initialize came before initialize (LSP's ServerNotInitialized).</summary>
    public const int ServerNotInitialized = -32002;

    /// <summary>An operation failed with an error its caller can act on (data.code says which).</summary>
    public const int OperationFailed = -32000;

    /// <summary>The request was cancelled by <c>$/cancelRequest</c> (LSP's RequestCancelled).</summary>
    public const int RequestCancelled = -32800;
}
