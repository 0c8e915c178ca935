namespace AgentCore.Streaming;

/// <summary>The result of <see cref="StreamOperations.StartChatAsync"/>, after the last chunk.</summary>
/// <param name="Finish"><c>stop</c>: the provider ended its stream normally; <c>tool_calls</c>: the same, and the reply holds tool calls.</param>
/// <param name="Usage">What the extension's Task records for the request (tokensIn, tokensOut, cacheWrites, cacheReads, cost).</param>
/// <param name="Attempts">Requests sent (1 + retries).</param>
public sealed record StartChatResult(string Finish, TaskUsage Usage, int Attempts);
