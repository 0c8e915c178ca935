namespace AgentCore.Conversations;

/// <summary>The figures and the decision of the extension's <c>truncateConversationIfNeeded</c> before anything is changed.</summary>
/// <param name="LastMessageTokens">Estimate of the last message (the new user message).</param>
/// <param name="PrevContextTokens"><c>totalTokens + lastMessageTokens</c>.</param>
/// <param name="AllowedTokens"><c>contextWindow × 0.9 − reserved</c>.</param>
/// <param name="ReservedTokens"><c>maxTokens || 8192</c>.</param>
/// <param name="EffectiveThreshold">The condense threshold in percent after the profile rules.</param>
/// <param name="InvalidProfileThreshold">The profile's threshold was neither −1 nor in [5, 100] (the reference logs a warning and uses the global one).</param>
/// <param name="ShouldCondense">Auto-condense is on and the context is at or over the threshold, or over the allowed tokens.</param>
/// <param name="ExceedsAllowed"><c>prevContextTokens &gt; allowedTokens</c> (strictly): truncation when condensing is off or fails.</param>
internal readonly record struct ContextAssessment(
    int LastMessageTokens,
    double PrevContextTokens,
    double AllowedTokens,
    double ReservedTokens,
    double EffectiveThreshold,
    bool InvalidProfileThreshold,
    bool ShouldCondense,
    bool ExceedsAllowed);
