using AgentCore.Conversations;

namespace AgentCore.Host.Rpc;

/// <summary>
/// <c>conversation/*</c>: bindings of <see cref="ConversationSession"/>, one per server session. They run in message
/// order on the reader (like <c>workspace/open</c>), so pipelined appends to one conversation keep their order and
/// a request sees every earlier one's effect. Save and load paths are confined to the opened workspace.
/// </summary>
internal sealed partial class ServeSession
{
    private readonly ConversationSession _conversations = new();

    private void AddConversations()
    {
        Add(RpcMethod.Create("conversation/create", ServerJson.Info<CreateConversationRequest>(), ServerJson.Info<ConversationInfo>(),
            (r, call) => new ValueTask<ConversationInfo>(_conversations.CreateAsync(r, call.Cancellation)), inline: true));
        Add(RpcMethod.Create("conversation/append", ServerJson.Info<AppendMessagesRequest>(), ServerJson.Info<ConversationInfo>(),
            (r, call) => new ValueTask<ConversationInfo>(_conversations.AppendAsync(r, call.Cancellation)), inline: true));
        Add(RpcMethod.Create("conversation/estimate", ServerJson.Info<ConversationRequest>(), ServerJson.Info<EstimateConversationResult>(),
            (r, call) => new ValueTask<EstimateConversationResult>(_conversations.EstimateAsync(r, call.Cancellation)), inline: true));
        Add(RpcMethod.Create("conversation/truncate", ServerJson.Info<TruncateConversationRequest>(), ServerJson.Info<TruncateConversationResult>(),
            (r, call) => new ValueTask<TruncateConversationResult>(_conversations.TruncateAsync(r, call.Cancellation)), inline: true));
        Add(RpcMethod.Create("conversation/save", ServerJson.Info<SaveConversationRequest>(), ServerJson.Info<SaveConversationResult>(),
            (r, call) => new ValueTask<SaveConversationResult>(_conversations.SaveAsync(r with { Path = Resolve(call, r.Path, "path") }, call.Cancellation)), inline: true));
        Add(RpcMethod.Create("conversation/load", ServerJson.Info<LoadConversationRequest>(), ServerJson.Info<ConversationInfo>(),
            (r, call) => new ValueTask<ConversationInfo>(_conversations.LoadAsync(r with { Path = Resolve(call, r.Path, "path") }, call.Cancellation)), inline: true));
        Add(RpcMethod.Create("conversation/delete", ServerJson.Info<ConversationRequest>(), ServerJson.Info<ConversationInfo>(),
            (r, call) => new ValueTask<ConversationInfo>(_conversations.DeleteAsync(r, call.Cancellation)), inline: true));
    }
}
