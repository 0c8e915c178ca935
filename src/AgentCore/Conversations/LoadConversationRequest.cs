namespace AgentCore.Conversations;

/// <summary>The request of <see cref="ConversationSession.LoadAsync"/>: a history read into a new conversation.</summary>
public sealed record LoadConversationRequest
{
    /// <summary>
    /// An <c>api_conversation_history.json</c> (or legacy <c>claude_messages.json</c>) file, or a task folder
    /// holding one. Nothing is created, migrated or deleted.
    /// </summary>
    public required string Path { get; init; }
}
