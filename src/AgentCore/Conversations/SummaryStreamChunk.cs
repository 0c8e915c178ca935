namespace AgentCore.Conversations;

/// <summary>One chunk of a summary model's stream: text, or usage (other chunk kinds are not needed by a condense).</summary>
/// <param name="Text">Text of a text chunk; null for a usage chunk.</param>
/// <param name="TotalCost">A usage chunk's <c>totalCost</c> (null = absent).</param>
/// <param name="OutputTokens">A usage chunk's <c>outputTokens</c> (null = absent).</param>
public readonly record struct SummaryStreamChunk(string? Text, double? TotalCost = null, double? OutputTokens = null)
{
    /// <summary>A text chunk.</summary>
    public static SummaryStreamChunk FromText(string text) => new(text);

    /// <summary>A usage chunk.</summary>
    public static SummaryStreamChunk Usage(double? totalCost, double? outputTokens) => new(null, totalCost, outputTokens);
}
