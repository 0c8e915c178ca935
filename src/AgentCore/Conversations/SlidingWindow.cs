using AgentCore.Diagnostics;
namespace AgentCore.Conversations;

/// <summary>
/// The extension's sliding window (reference <c>src/core/sliding-window/index.ts</c>, parity spec section 2):
/// the token estimate of the new message, the allowed-token arithmetic, the condense threshold rules and the
/// half-history truncation, with the reference's exact order of checks.
/// </summary>
internal static class SlidingWindow
{
    /// <summary><c>TOKEN_BUFFER_PERCENTAGE</c>: 10 % of the window is kept free.</summary>
    public const double TokenBufferPercentage = 0.1;

    /// <summary><c>ANTHROPIC_DEFAULT_MAX_TOKENS</c>: the reserve when maxTokens is falsy.</summary>
    public const int DefaultReservedTokens = 8192;

    /// <summary>Fraction of the history the automatic truncation removes.</summary>
    public const double AutoTruncationFraction = 0.5;

    /// <summary><c>MIN_CONDENSE_THRESHOLD</c> (percent).</summary>
    public const double MinCondenseThreshold = 5;

    /// <summary><c>MAX_CONDENSE_THRESHOLD</c> (percent).</summary>
    public const double MaxCondenseThreshold = 100;

    /// <summary><c>FORCED_CONTEXT_REDUCTION_PERCENT</c>: the threshold used after the API reported an overflow.</summary>
    public const double ForcedContextReductionPercent = 75;

    /// <summary>
    /// How many messages <c>truncateConversation(messages, fraction)</c> removes: <c>floor((n − 1) × fraction)</c>
    /// rounded down to an even number. They are always <c>messages[1 .. removed]</c>: the first message is kept.
    /// </summary>
    public static int MessagesToRemove(int messageCount, double fraction)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(messageCount);
        if (messageCount == 0)
        {
            return 0;
        }

        int raw = (int)Math.Floor((messageCount - 1) * fraction);
        return raw - (raw % 2);
    }

    /// <summary>The history indices <c>truncateConversation</c> keeps: 0, then <c>removed + 1 .. n − 1</c>.</summary>
    public static int[] KeptIndices(int messageCount, double fraction)
    {
        if (messageCount == 0)
        {
            return [];
        }

        int removed = MessagesToRemove(messageCount, fraction);
        var kept = new int[messageCount - removed];
        for (int i = 1; i < kept.Length; i++)
        {
            kept[i] = removed + i;
        }

        return kept;
    }

    /// <summary>Applies <c>truncateConversation(messages, fraction)</c> to <paramref name="conversation"/> in place; returns the number removed.</summary>
    public static int TruncateConversation(Conversation conversation, double fraction)
    {
        using ProfileScope scope = Profiler.Scope("context.truncate");
        ArgumentNullException.ThrowIfNull(conversation);
        int removed = MessagesToRemove(conversation.Count, fraction);
        conversation.RemoveRange(1, removed);
        return removed;
    }

    /// <summary>
    /// The effective condense threshold: the global percent, unless the current profile's value is defined —
    /// −1 means "use the global one", a value in [5, 100] is used as it is, anything else is invalid (the
    /// reference logs a warning and uses the global one).
    /// </summary>
    public static double EffectiveThreshold(double globalPercent, double? profileThreshold, out bool invalidProfileThreshold)
    {
        invalidProfileThreshold = false;
        if (profileThreshold is not double p)
        {
            return globalPercent;
        }

        if (p == -1)
        {
            return globalPercent;
        }

        if (p >= MinCondenseThreshold && p <= MaxCondenseThreshold)
        {
            return p;
        }

        invalidProfileThreshold = true;
        return globalPercent;
    }

    /// <summary>
    /// Steps 1–6 of <c>truncateConversationIfNeeded</c> as figures: the reserve, the last message's tokens,
    /// <c>prevContextTokens</c>, <c>allowed</c>, the effective threshold and whether the reference condenses or
    /// (if condensing is off or fails) truncates. <paramref name="lastMessageTokens"/> is the estimate of the
    /// last message's content (<see cref="Conversation.EstimateTokenCount(int)"/>).
    /// </summary>
    public static ContextAssessment Assess(ContextWindowOptions options, int lastMessageTokens)
    {
        using ProfileScope scope = Profiler.Scope("context.assess");
        ArgumentNullException.ThrowIfNull(options);

        // 1. reserved = maxTokens || 8192 (JS falsy: undefined, 0, NaN; a negative value is kept).
        double reserved = options.MaxTokens is double m && m != 0 && !double.IsNaN(m) ? m : DefaultReservedTokens;

        // 2-3. The last message is never part of totalTokens.
        double prevContextTokens = options.TotalTokens + lastMessageTokens;

        // 4. In doubles, as JavaScript computes it (1 - 0.1 is exactly 0.9).
        double allowed = (options.ContextWindow * (1 - TokenBufferPercentage)) - reserved;

        // 5. Effective threshold.
        double threshold = EffectiveThreshold(options.AutoCondenseContextPercent, options.ProfileThreshold, out bool invalid);

        // 6. Condense when at/over the threshold or over the allowed tokens.
        bool exceeds = prevContextTokens > allowed;
        bool condense = false;
        if (options.AutoCondenseContext)
        {
            double percent = 100 * prevContextTokens / options.ContextWindow;
            condense = percent >= threshold || exceeds;
        }

        return new ContextAssessment(lastMessageTokens, prevContextTokens, allowed, reserved, threshold, invalid, condense, exceeds);
    }

    /// <summary><see cref="Assess(ContextWindowOptions, int)"/> for the last message of <paramref name="conversation"/> (O(1): its count is cached).</summary>
    /// <exception cref="InvalidOperationException">The conversation is empty (the reference fails on it too).</exception>
    public static ContextAssessment Assess(ContextWindowOptions options, Conversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (conversation.Count == 0)
        {
            throw new InvalidOperationException("the conversation has no messages; the sliding window needs at least the new user message");
        }

        return Assess(options, conversation.EstimateTokenCount(conversation.Count - 1));
    }
}
