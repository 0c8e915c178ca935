using System.Text.Json;

namespace AgentCore.Streaming;

/// <summary>
/// The reference's <c>normalizeUsage</c> (<c>openai-native.ts</c>, parity spec 3.5): an OpenAI Responses usage object,
/// in any of the field spellings OpenAI-compatible servers use, to the figures of one usage chunk.
/// </summary>
/// <remarks>
/// <c>totalIn = input_tokens ?? prompt_tokens ?? 0</c>, or cached + miss tokens of the details when that is 0;
/// <c>totalOut = output_tokens ?? completion_tokens ?? 0</c>; <c>cacheWrite = cache_creation_input_tokens ??
/// cache_write_tokens ?? 0</c>; <c>cacheRead = cache_read_input_tokens ?? cache_read_tokens ?? cached_tokens ??
/// details.cached_tokens</c>, where details is <c>input_tokens_details ?? prompt_tokens_details</c>; the cost is
/// <c>calculateApiCostOpenAI</c> of those figures. A field that is not a number counts as absent.
/// </remarks>
internal static class NormalizedUsage
{
    /// <summary>Reads the usage object at <paramref name="reader"/> (on its <c>{</c>) to its <c>}</c>.</summary>
    /// <param name="reader">The reader, on the object's start.</param>
    /// <param name="pricing">The model's prices; null leaves <see cref="UsageFigures.TotalCost"/> null.</param>
    /// <returns>The usage chunk's figures; cache writes and reads are always set (0 when absent).</returns>
    public static UsageFigures Read(scoped ref Utf8JsonReader reader, ModelPricing? pricing)
    {
        long? inputTokens = null, promptTokens = null, outputTokens = null, completionTokens = null;
        long? cacheCreation = null, cacheWriteTokens = null, cacheReadInput = null, cacheReadTokens = null, cachedTokensTop = null;
        long? inputDetailsCached = null, inputDetailsMiss = null, promptDetailsCached = null, promptDetailsMiss = null, reasoningTokens = null;
        bool hasInputDetails = false, hasPromptDetails = false;
        while (JsonWalk.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("input_tokens"u8))
            {
                inputTokens = JsonWalk.ReadInt64(ref reader);
            }
            else if (reader.ValueTextEquals("prompt_tokens"u8))
            {
                promptTokens = JsonWalk.ReadInt64(ref reader);
            }
            else if (reader.ValueTextEquals("output_tokens"u8))
            {
                outputTokens = JsonWalk.ReadInt64(ref reader);
            }
            else if (reader.ValueTextEquals("completion_tokens"u8))
            {
                completionTokens = JsonWalk.ReadInt64(ref reader);
            }
            else if (reader.ValueTextEquals("cache_creation_input_tokens"u8))
            {
                cacheCreation = JsonWalk.ReadInt64(ref reader);
            }
            else if (reader.ValueTextEquals("cache_write_tokens"u8))
            {
                cacheWriteTokens = JsonWalk.ReadInt64(ref reader);
            }
            else if (reader.ValueTextEquals("cache_read_input_tokens"u8))
            {
                cacheReadInput = JsonWalk.ReadInt64(ref reader);
            }
            else if (reader.ValueTextEquals("cache_read_tokens"u8))
            {
                cacheReadTokens = JsonWalk.ReadInt64(ref reader);
            }
            else if (reader.ValueTextEquals("cached_tokens"u8))
            {
                cachedTokensTop = JsonWalk.ReadInt64(ref reader);
            }
            else if (reader.ValueTextEquals("input_tokens_details"u8))
            {
                hasInputDetails = ReadDetails(ref reader, out inputDetailsCached, out inputDetailsMiss);
            }
            else if (reader.ValueTextEquals("prompt_tokens_details"u8))
            {
                hasPromptDetails = ReadDetails(ref reader, out promptDetailsCached, out promptDetailsMiss);
            }
            else if (reader.ValueTextEquals("output_tokens_details"u8))
            {
                reasoningTokens = ReadReasoningTokens(ref reader);
            }
            else
            {
                JsonWalk.SkipProperty(ref reader);
            }
        }

        // details = input_tokens_details ?? prompt_tokens_details
        bool hasDetails = hasInputDetails || hasPromptDetails;
        long cached = (hasInputDetails ? inputDetailsCached : promptDetailsCached) ?? 0;
        long miss = (hasInputDetails ? inputDetailsMiss : promptDetailsMiss) ?? 0;
        long totalIn = inputTokens ?? promptTokens ?? 0;
        if (totalIn == 0 && hasDetails && (cached > 0 || miss > 0))
        {
            totalIn = cached + miss;
        }

        long totalOut = outputTokens ?? completionTokens ?? 0;
        long cacheWrite = cacheCreation ?? cacheWriteTokens ?? 0;
        long cacheRead = cacheReadInput ?? cacheReadTokens ?? cachedTokensTop ?? cached;
        double? cost = pricing is null ? null : ApiCost.OpenAi(pricing, totalIn, totalOut, cacheWrite, cacheRead).TotalCost;
        return new UsageFigures(totalIn, totalOut, cacheWrite, cacheRead, reasoningTokens, cost);
    }

    private static bool ReadDetails(scoped ref Utf8JsonReader reader, out long? cached, out long? miss)
    {
        cached = miss = null;
        if (!JsonWalk.EnterObject(ref reader))
        {
            return false;
        }

        while (JsonWalk.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("cached_tokens"u8))
            {
                cached = JsonWalk.ReadInt64(ref reader);
            }
            else if (reader.ValueTextEquals("cache_miss_tokens"u8))
            {
                miss = JsonWalk.ReadInt64(ref reader);
            }
            else
            {
                JsonWalk.SkipProperty(ref reader);
            }
        }

        return true;
    }

    private static long? ReadReasoningTokens(scoped ref Utf8JsonReader reader)
    {
        long? reasoning = null;
        if (JsonWalk.EnterObject(ref reader))
        {
            while (JsonWalk.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("reasoning_tokens"u8))
                {
                    reasoning = JsonWalk.ReadInt64(ref reader);
                }
                else
                {
                    JsonWalk.SkipProperty(ref reader);
                }
            }
        }

        return reasoning;
    }
}
