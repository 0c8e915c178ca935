namespace AgentCore.Host.Rpc;

/// <summary>
/// Thrown by a binding to answer its request with a specific JSON-RPC error (e.g. -32602 naming a field).
/// Operation failures are <see cref="AgentCore.Operations.OperationException"/>s and are mapped by the server.
/// </summary>
internal sealed class RpcException(int code, string message, string? dataCode = null, string? target = null, Action<System.Text.Json.Utf8JsonWriter>? data = null)
    : Exception(message)
{
    /// <summary>Writes a custom <c>data</c> value (e.g. MCP's supported versions), or null for <c>{code, target}</c>.</summary>
    public Action<System.Text.Json.Utf8JsonWriter>? WriteData { get; } = data;

    /// <summary>The JSON-RPC error code.</summary>
    public int Code { get; } = code;

    /// <summary>The stable <c>data.code</c> (an <see cref="AgentCore.Operations.ErrorCodes"/> value), or null.</summary>
    public string? DataCode { get; } = dataCode;

    /// <summary>The params field or path the error concerns, or null.</summary>
    public string? Target { get; } = target;

    /// <summary>-32602 for params field <paramref name="field"/>.</summary>
    public static RpcException InvalidParams(string field, string message) =>
        new(RpcErrorCodes.InvalidParams, message, AgentCore.Operations.ErrorCodes.InvalidArgument, field);
}
