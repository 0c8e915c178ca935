namespace AgentCore.Streaming.Http;

/// <summary>The outcome of a streamed chat request.</summary>
/// <param name="TaskUsage">What the extension's Task would record for the request.</param>
/// <param name="Failed">True when the stream ended with an error chunk (a provider error, a truncated stream, a timeout).</param>
/// <param name="Attempts">Requests sent (1 + retries).</param>
public sealed record ChatResult(TaskUsage TaskUsage, bool Failed, int Attempts);
