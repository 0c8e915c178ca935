namespace AgentCore.Conversations;

/// <summary>
/// What <c>truncateConversationIfNeeded</c> would do to a history, with its figures: the result of
/// <c>agentcore context</c> and of the server's context method. Assumes a condense would succeed (a model call
/// cannot be made here), so <see cref="KeptIndices"/> is null for <see cref="ContextDecision.Condense"/>.
/// </summary>
internal sealed class ContextReport
{
    private ContextReport(int[] messageTokens, double totalTokens, ContextAssessment assessment, ContextDecision decision, int[]? keptIndices)
    {
        MessageTokens = messageTokens;
        TotalTokens = totalTokens;
        Assessment = assessment;
        Decision = decision;
        KeptIndices = keptIndices;
    }

    /// <summary>The extension's estimate of every message's content, in history order.</summary>
    public IReadOnlyList<int> MessageTokens { get; }

    /// <summary>The context tokens of the previous request (0 = first request: the sliding window is skipped).</summary>
    public double TotalTokens { get; }

    /// <summary>The figures of the decision.</summary>
    public ContextAssessment Assessment { get; }

    /// <summary>The decision.</summary>
    public ContextDecision Decision { get; }

    /// <summary>The history indices kept (all for <see cref="ContextDecision.None"/>); null for <see cref="ContextDecision.Condense"/>.</summary>
    public IReadOnlyList<int>? KeptIndices { get; }

    /// <summary>Computes the report. O(messages) for the per-message list; the decision itself is O(1).</summary>
    /// <exception cref="InvalidOperationException">The conversation is empty and <see cref="ContextWindowOptions.TotalTokens"/> is not 0.</exception>
    public static ContextReport Create(Conversation conversation, ContextWindowOptions options)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(options);
        bool firstRequest = options.TotalTokens == 0 || double.IsNaN(options.TotalTokens);

        // The reference skips the sliding window on the first request, so an empty history is no error there: its
        // figures are those of an empty last message.
        ContextAssessment assessment = firstRequest && conversation.Count == 0
            ? SlidingWindow.Assess(options, lastMessageTokens: 0)
            : SlidingWindow.Assess(options, conversation);
        int n = conversation.Count;
        var tokens = new int[n];
        for (int i = 0; i < n; i++)
        {
            tokens[i] = conversation.EstimateTokenCount(i);
        }

        ContextDecision decision;
        int[]? kept;
        if (firstRequest)
        {
            // Task calls the sliding window only when contextTokens is truthy: the first request is never reduced.
            decision = ContextDecision.None;
            kept = SlidingWindow.KeptIndices(n, 0);
        }
        else if (assessment.ShouldCondense)
        {
            decision = ContextDecision.Condense;
            kept = null;
        }
        else if (assessment.ExceedsAllowed)
        {
            decision = ContextDecision.Truncate;
            kept = SlidingWindow.KeptIndices(n, SlidingWindow.AutoTruncationFraction);
        }
        else
        {
            decision = ContextDecision.None;
            kept = SlidingWindow.KeptIndices(n, 0);
        }

        return new ContextReport(tokens, options.TotalTokens, assessment, decision, kept);
    }

    /// <summary>The decision as the contract writes it: <c>none</c>, <c>condense</c> or <c>truncate</c>.</summary>
    internal string DecisionName => Decision switch
    {
        ContextDecision.Condense => "condense",
        ContextDecision.Truncate => "truncate",
        _ => "none",
    };

    /// <summary>The report as the operation's result, with <paramref name="warnings"/>.</summary>
    internal AssessContextResult ToResult(IReadOnlyList<string> warnings) => new(
        MessageTokens,
        TotalTokens,
        Assessment.PrevContextTokens,
        Assessment.AllowedTokens,
        DecisionName,
        KeptIndices,
        warnings);
}
