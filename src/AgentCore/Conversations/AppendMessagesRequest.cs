using System.Text.Json;

namespace AgentCore.Conversations;

/// <summary>The request of <see cref="ConversationSession.AppendAsync"/>: messages added at the end, all or none.</summary>
public sealed record AppendMessagesRequest
{
    /// <summary>The conversation (from create or load).</summary>
    public required string ConversationId { get; init; }

    /// <summary>
    /// Messages in the extension's API history shape: <c>{"role":"user"|"assistant","content":string|[blocks],..}</c>
    /// (other keys such as <c>ts</c> are stored as given).
    /// </summary>
    public required JsonElement Messages { get; init; }
}
