namespace AgentCore.Streaming;

/// <summary>Prices of a model in USD per million tokens; a null price counts as 0 (as in the extension's <c>ModelInfo</c>).</summary>
/// <param name="InputPrice">Input tokens.</param>
/// <param name="OutputPrice">Output tokens.</param>
/// <param name="CacheWritesPrice">Cache-write tokens.</param>
/// <param name="CacheReadsPrice">Cache-read tokens.</param>
public sealed record ModelPricing(double? InputPrice, double? OutputPrice, double? CacheWritesPrice = null, double? CacheReadsPrice = null)
{
    // Standard-tier prices from the extension's model tables (packages/types/src/providers/anthropic.ts and openai.ts).
    // Keys are matched as the longest prefix of the model id a stream reports (ids there carry a date suffix).
    private static readonly (string Prefix, ModelPricing Pricing)[] s_known =
    [
        ("claude-sonnet-4-5", new(3.0, 15.0, 3.75, 0.3)),
        ("claude-sonnet-4", new(3.0, 15.0, 3.75, 0.3)),
        ("claude-opus-4-5", new(5.0, 25.0, 6.25, 0.5)),
        ("claude-opus-4-1", new(15.0, 75.0, 18.75, 1.5)),
        ("claude-opus-4", new(15.0, 75.0, 18.75, 1.5)),
        ("claude-3-7-sonnet", new(3.0, 15.0, 3.75, 0.3)),
        ("claude-3-5-sonnet", new(3.0, 15.0, 3.75, 0.3)),
        ("claude-3-5-haiku", new(1.0, 5.0, 1.25, 0.1)),
        ("claude-3-opus", new(15.0, 75.0, 18.75, 1.5)),
        ("claude-3-haiku", new(0.25, 1.25, 0.3, 0.03)),
        ("claude-haiku-4-5", new(1.0, 5.0, 1.25, 0.1)),
        ("gpt-5.2-pro", new(21.0, 168.0, null, 2.1)),
        ("gpt-5.2", new(1.75, 14.0, null, 0.175)),
        ("gpt-5.1-codex-mini", new(0.25, 2.0, null, 0.025)),
        ("gpt-5.1", new(1.25, 10.0, null, 0.125)),
        ("gpt-5-mini", new(0.25, 2.0, null, 0.025)),
        ("gpt-5-nano", new(0.05, 0.4, null, 0.005)),
        ("gpt-5", new(1.25, 10.0, null, 0.125)),
        ("gpt-4.1-mini", new(0.4, 1.6, null, 0.1)),
        ("gpt-4.1-nano", new(0.1, 0.4, null, 0.025)),
        ("gpt-4.1", new(2.0, 8.0, null, 0.5)),
        ("gpt-4o-mini", new(0.15, 0.6, null, 0.075)),
        ("gpt-4o", new(2.5, 10.0, null, 1.25)),
        ("o4-mini", new(1.1, 4.4, null, 0.275)),
        ("o3-mini", new(1.1, 4.4, null, 0.55)),
        ("o3", new(2.0, 8.0, null, 0.5)),
        ("o1-mini", new(1.1, 4.4, null, 0.55)),
        ("o1", new(15.0, 60.0, null, 7.5)),
        ("codex-mini-latest", new(1.5, 6.0, null, 0.375)),
    ];

    /// <summary>A model whose every price is 0 (local models such as Ollama's).</summary>
    public static ModelPricing Free { get; } = new(0, 0, 0, 0);

    /// <summary>The known prices of <paramref name="modelId"/> (longest matching prefix), or null.</summary>
    public static ModelPricing? Find(string? modelId)
    {
        if (string.IsNullOrEmpty(modelId))
        {
            return null;
        }

        ModelPricing? best = null;
        int bestLength = 0;
        foreach ((string prefix, ModelPricing pricing) in s_known)
        {
            if (prefix.Length > bestLength && modelId.StartsWith(prefix, StringComparison.Ordinal))
            {
                best = pricing;
                bestLength = prefix.Length;
            }
        }

        return best;
    }
}
