namespace AgentCore.Host.Rpc;

/// <summary>The limits and conventions of one server (JSON-RPC <c>serve</c> or MCP).</summary>
internal sealed class RpcServerOptions
{
    /// <summary>The largest message read (bytes); a longer one is skipped and answered with an error.</summary>
    public int MaxMessageBytes { get; init; } = RpcMessageReader.DefaultMaxMessageBytes;

    /// <summary>Requests in progress or queued at once; one more is answered -32001.</summary>
    public int MaxPendingRequests { get; init; } = 256;

    /// <summary>The cancellation notification's method (<c>$/cancelRequest</c>, MCP: <c>notifications/cancelled</c>).</summary>
    public string CancelMethod { get; init; } = "$/cancelRequest";

    /// <summary>The params field of the cancellation notification that holds the request id.</summary>
    public string CancelIdField { get; init; } = "id";

    /// <summary>Whether a cancelled request is still answered (-32800); MCP says it is not.</summary>
    public bool AnswerCancelledRequests { get; init; } = true;

    /// <summary>The prefix of stderr log lines, e.g. <c>agentcore serve</c>.</summary>
    public string LogName { get; init; } = "agentcore";
}
