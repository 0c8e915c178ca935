namespace AgentCore.Streaming;

/// <summary>
/// The figures of one usage chunk. Input and output tokens are always present; the other figures are null when the
/// provider did not report them (they are then omitted from the chunk's JSON).
/// </summary>
/// <param name="InputTokens">Input tokens this chunk adds.</param>
/// <param name="OutputTokens">Output tokens this chunk adds.</param>
/// <param name="CacheWriteTokens">Cache-write tokens this chunk adds.</param>
/// <param name="CacheReadTokens">Cache-read tokens this chunk adds.</param>
/// <param name="ReasoningTokens">Reasoning tokens (part of the output) this chunk adds.</param>
/// <param name="TotalCost">The request's total cost in USD, when known.</param>
public readonly record struct UsageFigures(
    long InputTokens,
    long OutputTokens,
    long? CacheWriteTokens = null,
    long? CacheReadTokens = null,
    long? ReasoningTokens = null,
    double? TotalCost = null);
