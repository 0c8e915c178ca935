namespace AgentCore.Host.Rpc;

/// <summary>What a parsed JSON-RPC message is.</summary>
internal enum RpcMessageKind
{
    /// <summary>Has a method and an id: answer exactly once.</summary>
    Request,

    /// <summary>Has a method and no id: never answered.</summary>
    Notification,

    /// <summary>Has an id and a result or an error: the answer to a request this side sent.</summary>
    Response,

    /// <summary>Not JSON (-32700) or not a valid message (-32600): see the error fields.</summary>
    Invalid,
}
