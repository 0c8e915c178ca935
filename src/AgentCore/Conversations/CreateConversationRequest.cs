using System.Text.Json;

namespace AgentCore.Conversations;

/// <summary>The request of <see cref="ConversationSession.CreateAsync"/>: a new conversation, optionally with its first messages.</summary>
public sealed record CreateConversationRequest
{
    /// <summary>Messages in the extension's API history shape (<c>[{"role":"user","content":..}, ..]</c>); absent: empty.</summary>
    public JsonElement? Messages { get; init; }
}
