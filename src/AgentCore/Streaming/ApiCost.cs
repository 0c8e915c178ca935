namespace AgentCore.Streaming;

/// <summary>The result of a cost function: the input/output token totals it defines and the cost in USD.</summary>
/// <param name="TotalInputTokens">Input tokens as the task records them.</param>
/// <param name="TotalOutputTokens">Output tokens.</param>
/// <param name="TotalCost">Cost in USD.</param>
internal readonly record struct ApiCostResult(long TotalInputTokens, long TotalOutputTokens, double TotalCost);

/// <summary>The extension's cost functions (<c>src/shared/cost.ts</c>), bit-identical: same operations in the same order.</summary>
internal static class ApiCost
{
    /// <summary>
    /// <c>calculateApiCostAnthropic</c>: <paramref name="inputTokens"/> excludes cached tokens; total input is
    /// input + cache writes + cache reads.
    /// </summary>
    public static ApiCostResult Anthropic(ModelPricing pricing, long inputTokens, long outputTokens, long cacheWriteTokens = 0, long cacheReadTokens = 0)
    {
        ArgumentNullException.ThrowIfNull(pricing);
        double cost = Compute(pricing, inputTokens, outputTokens, cacheWriteTokens, cacheReadTokens);
        return new ApiCostResult(inputTokens + cacheWriteTokens + cacheReadTokens, outputTokens, cost);
    }

    /// <summary>
    /// <c>calculateApiCostOpenAI</c>: <paramref name="inputTokens"/> includes cached tokens; the non-cached part
    /// (clamped at 0) is priced as input.
    /// </summary>
    public static ApiCostResult OpenAi(ModelPricing pricing, long inputTokens, long outputTokens, long cacheWriteTokens = 0, long cacheReadTokens = 0)
    {
        ArgumentNullException.ThrowIfNull(pricing);
        long nonCached = Math.Max(0, inputTokens - cacheWriteTokens - cacheReadTokens);
        double cost = Compute(pricing, nonCached, outputTokens, cacheWriteTokens, cacheReadTokens);
        return new ApiCostResult(inputTokens, outputTokens, cost);
    }

    private static double Compute(ModelPricing p, long input, long output, long cacheWrite, long cacheRead)
    {
        // Division first, then multiplication, then left-to-right addition: cw + cr + in + out (parity spec 3.7).
        double cw = ((p.CacheWritesPrice ?? 0) / 1e6) * cacheWrite;
        double cr = ((p.CacheReadsPrice ?? 0) / 1e6) * cacheRead;
        double inCost = ((p.InputPrice ?? 0) / 1e6) * input;
        double outCost = ((p.OutputPrice ?? 0) / 1e6) * output;
        return cw + cr + inCost + outCost;
    }
}
