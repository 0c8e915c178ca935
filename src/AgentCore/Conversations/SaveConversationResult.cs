namespace AgentCore.Conversations;

/// <summary>The result of <see cref="ConversationSession.SaveAsync"/>.</summary>
/// <param name="ConversationId">The conversation saved.</param>
/// <param name="Path">The file written (absolute).</param>
/// <param name="Bytes">Its size: the compact JSON array, as the extension writes it.</param>
/// <param name="Count">Messages written.</param>
public sealed record SaveConversationResult(string ConversationId, string Path, long Bytes, int Count);
