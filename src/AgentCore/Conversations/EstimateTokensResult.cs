namespace AgentCore.Conversations;

/// <summary>The result of <see cref="ConversationOperations.EstimateTokensAsync"/>.</summary>
/// <param name="Tokens">The extension's estimate: <c>Math.ceil(sum × 1.5)</c>.</param>
public sealed record EstimateTokensResult(int Tokens);
