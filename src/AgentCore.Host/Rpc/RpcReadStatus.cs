namespace AgentCore.Host.Rpc;

/// <summary>What <see cref="RpcMessageReader.Read"/> found.</summary>
internal enum RpcReadStatus
{
    /// <summary>A complete message (its bytes are in the out parameter).</summary>
    Message,

    /// <summary>A message longer than the cap: it was skipped without being buffered.</summary>
    TooLarge,

    /// <summary>A Content-Length header section that cannot be used (missing, malformed or too long).</summary>
    BadHeader,

    /// <summary>The input ended.</summary>
    End,
}
