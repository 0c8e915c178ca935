namespace AgentCore.Conversations;

/// <summary>
/// The request of <see cref="ConversationOperations.AssessContextAsync"/>: a history and the settings of the
/// extension's <c>truncateConversationIfNeeded</c>, as <c>agentcore context</c> takes them.
/// </summary>
public sealed record AssessContextRequest
{
    /// <summary>A task folder (totalTokens then comes from its <c>ui_messages.json</c>) or an <c>api_conversation_history.json</c> file.</summary>
    public required string Path { get; init; }

    /// <summary>The model's context window (at least 1).</summary>
    public required long ContextWindow { get; init; }

    /// <summary>The model's max output tokens; null (or 0) reserves 8192.</summary>
    public long? MaxTokens { get; init; }

    /// <summary>
    /// The current profile's condense threshold: null or -1 uses the global one (100 %), 5..100 is used as given,
    /// 0 turns auto-condense off; any other value is reported in <see cref="AssessContextResult.Warnings"/> and the global one is used.
    /// </summary>
    public long? Threshold { get; init; }

    /// <summary>The previous request's context tokens (0: first request, nothing is reduced). Required for a history file.</summary>
    public long? TotalTokens { get; init; }
}
