namespace AgentCore.Conversations;

/// <summary>The result of <see cref="ConversationSession.EstimateAsync"/>.</summary>
/// <param name="ConversationId">The conversation.</param>
/// <param name="Count">Messages it holds.</param>
/// <param name="MessageTokens">The extension's <c>estimateTokenCount</c> of each message's content, in order (a string content counts as one text block).</param>
/// <param name="Tokens">The estimate of all the content at once: <c>ceil(sum of o200k counts × 1.5)</c>.</param>
public sealed record EstimateConversationResult(string ConversationId, int Count, IReadOnlyList<int> MessageTokens, int Tokens);
