using System.Text.Json.Serialization.Metadata;

namespace AgentCore.Host.Rpc;

/// <summary>
/// One method a server answers: a binding of a library operation. <see cref="RpcMethod{TParams, TResult}"/> binds
/// params through a source-generated type and writes the result through another; no logic lives here.
/// </summary>
internal abstract class RpcMethod(string name, bool inline, RpcInlineTest? inlineWhen = null)
{
    /// <summary>The method name, e.g. <c>tokens/count</c>.</summary>
    public string Name { get; } = name;

    /// <summary>
    /// True for methods that run on the reader thread before the next message is read (initialize, shutdown):
    /// the messages after them then see their effect. Everything else runs concurrently.
    /// </summary>
    public bool Inline { get; } = inline;

    /// <summary>
    /// For a method that is usually cheap: true for the params of a request that runs on the reader thread, like an
    /// <see cref="Inline"/> method. It saves the hand-over to a pool thread and back, which costs more than a short
    /// token count itself (round trip p50 34-42 us inline vs 54 us handed over, same run); a request that could take
    /// long (large text, a file) is still handed over, so the reader is never held up by it.
    /// </summary>
    public RpcInlineTest? InlineWhen { get; } = inlineWhen;

    /// <summary>Runs the method and answers through <paramref name="call"/>.</summary>
    public abstract ValueTask InvokeAsync(RpcCall call);

    /// <summary>A method whose params bind to <typeparamref name="TParams"/> and whose result is <typeparamref name="TResult"/>.</summary>
    public static RpcMethod Create<TParams, TResult>(
        string name,
        JsonTypeInfo<TParams> paramsInfo,
        JsonTypeInfo<TResult> resultInfo,
        Func<TParams, RpcCall, ValueTask<TResult>> handler,
        bool inline = false,
        RpcInlineTest? inlineWhen = null) =>
        new RpcMethod<TParams, TResult>(name, paramsInfo, resultInfo, handler, inline, inlineWhen);

    /// <summary>A method that answers through <see cref="RpcCall.ReplyRaw"/> itself.</summary>
    public static RpcMethod CreateRaw(string name, Func<RpcCall, ValueTask> handler, bool inline = false) =>
        new RawRpcMethod(name, handler, inline);

    private sealed class RawRpcMethod(string name, Func<RpcCall, ValueTask> handler, bool inline) : RpcMethod(name, inline)
    {
        public override ValueTask InvokeAsync(RpcCall call) => handler(call);
    }
}

/// <summary>True when a request with these params (raw JSON, empty when absent) is cheap enough to run on the reader thread.</summary>
internal delegate bool RpcInlineTest(ReadOnlySpan<byte> parameters);
