namespace AgentCore.Conversations;

/// <summary>The extension's <c>TokenUsage</c> of a task (<c>getApiMetrics</c>): what its HistoryItem records.</summary>
/// <param name="TotalTokensIn">Sum of <c>tokensIn</c>.</param>
/// <param name="TotalTokensOut">Sum of <c>tokensOut</c>.</param>
/// <param name="TotalCacheWrites">Sum of <c>cacheWrites</c>; null (undefined) when no request reported one.</param>
/// <param name="TotalCacheReads">Sum of <c>cacheReads</c>; null (undefined) when no request reported one.</param>
/// <param name="TotalCost">Sum of request costs and condense costs, in message order.</param>
/// <param name="ContextTokens">The last non-zero context figure (see <see cref="ApiMetrics.GetContextTokens"/>).</param>
internal sealed record TaskTokenUsage(
    double TotalTokensIn, double TotalTokensOut, double? TotalCacheWrites, double? TotalCacheReads, double TotalCost, double ContextTokens);
