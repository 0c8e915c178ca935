using System.Text.Json.Serialization.Metadata;

namespace AgentCore.Host.Rpc;

/// <summary>A method with typed params and result (both source-generated JSON).</summary>
internal sealed class RpcMethod<TParams, TResult>(
    string name,
    JsonTypeInfo<TParams> paramsInfo,
    JsonTypeInfo<TResult> resultInfo,
    Func<TParams, RpcCall, ValueTask<TResult>> handler,
    bool inline,
    RpcInlineTest? inlineWhen) : RpcMethod(name, inline, inlineWhen)
{
    /// <inheritdoc/>
    public override async ValueTask InvokeAsync(RpcCall call)
    {
        TParams p = call.Bind(paramsInfo);
        TResult result = await handler(p, call).ConfigureAwait(false);
        call.Reply(result, resultInfo);
    }
}
