using System.Text.Json.Serialization.Metadata;

namespace AgentCore.Host.Rpc;

/// <summary>
/// One method a server answers: a binding of a library operation. <see cref="RpcMethod{TParams, TResult}"/> binds
/// params through a source-generated type and writes the result through another; no logic lives here.
/// </summary>
internal abstract class RpcMethod(string name, bool inline)
{
    /// <summary>The method name, e.g. <c>tokens/count</c>.</summary>
    public string Name { get; } = name;

    /// <summary>
    /// True for methods that run on the reader thread before the next message is read (initialize, shutdown):
    /// the messages after them then see their effect. Everything else runs concurrently.
    /// </summary>
    public bool Inline { get; } = inline;

    /// <summary>Runs the method and answers through <paramref name="call"/>.</summary>
    public abstract ValueTask InvokeAsync(RpcCall call);

    /// <summary>A method whose params bind to <typeparamref name="TParams"/> and whose result is <typeparamref name="TResult"/>.</summary>
    public static RpcMethod Create<TParams, TResult>(
        string name,
        JsonTypeInfo<TParams> paramsInfo,
        JsonTypeInfo<TResult> resultInfo,
        Func<TParams, RpcCall, ValueTask<TResult>> handler,
        bool inline = false) =>
        new RpcMethod<TParams, TResult>(name, paramsInfo, resultInfo, handler, inline);

    /// <summary>A method that answers through <see cref="RpcCall.ReplyRaw"/> itself.</summary>
    public static RpcMethod CreateRaw(string name, Func<RpcCall, ValueTask> handler, bool inline = false) =>
        new RawRpcMethod(name, handler, inline);

    private sealed class RawRpcMethod(string name, Func<RpcCall, ValueTask> handler, bool inline) : RpcMethod(name, inline)
    {
        public override ValueTask InvokeAsync(RpcCall call) => handler(call);
    }
}
