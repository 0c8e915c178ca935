namespace AgentCore.Conversations;

/// <summary>A conversation's id and size after an operation.</summary>
/// <param name="ConversationId">The id to name it by in later requests.</param>
/// <param name="Count">Messages it holds.</param>
/// <param name="Tokens">The extension's estimate of all its content: <c>ceil(sum of o200k counts × 1.5)</c>.</param>
public sealed record ConversationInfo(string ConversationId, int Count, int Tokens);
