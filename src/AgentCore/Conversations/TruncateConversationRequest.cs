namespace AgentCore.Conversations;

/// <summary>
/// The request of <see cref="ConversationSession.TruncateAsync"/>: the settings of the extension's
/// <c>truncateConversationIfNeeded</c>, as <c>agentcore context</c> takes them (<see cref="AssessContextRequest"/>).
/// </summary>
public sealed record TruncateConversationRequest
{
    /// <summary>The conversation; its last message is the new user message.</summary>
    public required string ConversationId { get; init; }

    /// <summary>The model's context window (at least 1).</summary>
    public required long ContextWindow { get; init; }

    /// <summary>The model's max output tokens; null (or 0) reserves 8192.</summary>
    public long? MaxTokens { get; init; }

    /// <summary>The current profile's condense threshold: null or -1 = the global 100 %, 5..100 as given, 0 = auto-condense off.</summary>
    public long? Threshold { get; init; }

    /// <summary>The previous request's context tokens (0: first request, nothing is removed).</summary>
    public required long TotalTokens { get; init; }
}
