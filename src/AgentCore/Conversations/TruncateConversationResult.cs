using System.Text.Json.Serialization;
using AgentCore.Json;

namespace AgentCore.Conversations;

/// <summary>
/// The result of <see cref="ConversationSession.TruncateAsync"/>: the <c>context</c> figures and what was removed.
/// The figures are written as JavaScript prints numbers, as <c>agentcore context --json</c> writes them.
/// </summary>
/// <param name="ConversationId">The conversation.</param>
/// <param name="MessageTokens">The estimate of every message before the truncation, in history order.</param>
/// <param name="TotalTokens">The previous request's context tokens.</param>
/// <param name="PrevContextTokens"><c>totalTokens + lastMessageTokens</c>.</param>
/// <param name="AllowedTokens"><c>contextWindow × 0.9 − reserved</c>.</param>
/// <param name="Decision"><c>none</c>, <c>condense</c> (nothing removed: a summary needs a model) or <c>truncate</c>.</param>
/// <param name="KeptIndices">The indices (before the truncation) kept; null for <c>condense</c>.</param>
/// <param name="Removed">Messages removed (<c>messages[1..removed]</c>).</param>
/// <param name="Count">Messages left.</param>
/// <param name="Warnings">Settings the reference warns about and replaces (an invalid profile threshold).</param>
public sealed record TruncateConversationResult(
    string ConversationId,
    IReadOnlyList<int> MessageTokens,
    [property: JsonConverter(typeof(JsNumberConverter))] double TotalTokens,
    [property: JsonConverter(typeof(JsNumberConverter))] double PrevContextTokens,
    [property: JsonConverter(typeof(JsNumberConverter))] double AllowedTokens,
    string Decision,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] IReadOnlyList<int>? KeptIndices,
    int Removed,
    int Count,
    IReadOnlyList<string> Warnings);
