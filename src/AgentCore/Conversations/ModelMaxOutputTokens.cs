namespace AgentCore.Conversations;

/// <summary>
/// The extension's <c>getModelMaxOutputTokens</c> (reference <c>src/shared/api.ts</c>, parity spec 2.5): the
/// <c>maxTokens</c> a task passes to the sliding window. Numbers are doubles as in JavaScript; null = undefined.
/// </summary>
internal static class ModelMaxOutputTokens
{
    /// <summary><c>CLAUDE_CODE_DEFAULT_MAX_OUTPUT_TOKENS</c>.</summary>
    public const int ClaudeCodeDefault = 16000;

    /// <summary><c>DEFAULT_HYBRID_REASONING_MODEL_MAX_TOKENS</c>.</summary>
    public const int HybridReasoningDefault = 16384;

    /// <summary>
    /// Applies the rules in order, first match wins: claude-code provider; a reasoning budget in use; an Anthropic
    /// model with a reasoning budget or without maxTokens (8192); maxTokens clamped to 20 % of the window (except
    /// gpt-5 ids); undefined when a format was given; else 8192.
    /// </summary>
    /// <param name="modelId">The model id.</param>
    /// <param name="contextWindow"><c>model.contextWindow</c>.</param>
    /// <param name="maxTokens"><c>model.maxTokens</c> (null = undefined).</param>
    /// <param name="supportsReasoningBudget"><c>model.supportsReasoningBudget</c>.</param>
    /// <param name="requiredReasoningBudget"><c>model.requiredReasoningBudget</c>.</param>
    /// <param name="enableReasoningEffort"><c>settings.enableReasoningEffort</c>.</param>
    /// <param name="modelMaxTokens"><c>settings.modelMaxTokens</c>.</param>
    /// <param name="apiProvider"><c>settings.apiProvider</c>.</param>
    /// <param name="claudeCodeMaxOutputTokens"><c>settings.claudeCodeMaxOutputTokens</c>.</param>
    /// <param name="format">The optional format (<c>anthropic</c>, <c>openai</c>, <c>gemini</c>, <c>openrouter</c>); the task passes none.</param>
    public static double? Get(
        string modelId,
        double contextWindow,
        double? maxTokens,
        bool supportsReasoningBudget = false,
        bool requiredReasoningBudget = false,
        bool enableReasoningEffort = false,
        double? modelMaxTokens = null,
        string? apiProvider = null,
        double? claudeCodeMaxOutputTokens = null,
        string? format = null)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        if (apiProvider == "claude-code")
        {
            return Truthy(claudeCodeMaxOutputTokens) ? claudeCodeMaxOutputTokens : ClaudeCodeDefault;
        }

        if (requiredReasoningBudget || (supportsReasoningBudget && enableReasoningEffort))
        {
            return Truthy(modelMaxTokens) ? modelMaxTokens : HybridReasoningDefault;
        }

        bool anthropic = modelId.Contains("claude", StringComparison.Ordinal) || format == "anthropic"
            || (format == "openrouter" && modelId.StartsWith("anthropic/", StringComparison.Ordinal));
        if (anthropic && (supportsReasoningBudget || !Truthy(maxTokens)))
        {
            return SlidingWindow.DefaultReservedTokens;
        }

        if (Truthy(maxTokens))
        {
            double max = maxTokens!.Value;
            return modelId.Contains("gpt-5", StringComparison.OrdinalIgnoreCase) ? max : Math.Min(max, Math.Ceiling(contextWindow * 0.2));
        }

        return format is not null ? null : SlidingWindow.DefaultReservedTokens;
    }

    private static bool Truthy(double? value) => value is double v && v != 0 && !double.IsNaN(v);
}
