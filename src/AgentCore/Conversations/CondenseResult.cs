namespace AgentCore.Conversations;

/// <summary>The outcome of <c>summarizeConversation</c> / <c>truncateConversationIfNeeded</c> (the reference's response object).</summary>
/// <param name="Decision">What was done: condensed, truncated, or nothing.</param>
/// <param name="Summary">The summary text; empty unless condensed.</param>
/// <param name="Cost">Cost of the condense call (also carried when it failed); 0 otherwise.</param>
/// <param name="PrevContextTokens">The context tokens before (0 from a bare summarise).</param>
/// <param name="NewContextTokens">The estimated context after a condense; null otherwise.</param>
/// <param name="Error">Why a condense failed (the extension's English message); null on success or when none was tried.</param>
public sealed record CondenseResult(ContextDecision Decision, string Summary, double Cost, double PrevContextTokens, double? NewContextTokens, string? Error);
