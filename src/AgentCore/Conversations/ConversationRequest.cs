namespace AgentCore.Conversations;

/// <summary>A request naming one conversation (<see cref="ConversationSession.EstimateAsync"/>, <see cref="ConversationSession.DeleteAsync"/>).</summary>
public sealed record ConversationRequest
{
    /// <summary>The conversation (from create or load).</summary>
    public required string ConversationId { get; init; }
}
