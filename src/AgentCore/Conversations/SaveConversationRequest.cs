namespace AgentCore.Conversations;

/// <summary>The request of <see cref="ConversationSession.SaveAsync"/>.</summary>
public sealed record SaveConversationRequest
{
    /// <summary>The conversation to save.</summary>
    public required string ConversationId { get; init; }

    /// <summary>
    /// Where: an <c>api_conversation_history.json</c> file path, or an existing task folder (the file is then
    /// <c>PATH/api_conversation_history.json</c>). Missing parent folders are created.
    /// </summary>
    public required string Path { get; init; }
}
