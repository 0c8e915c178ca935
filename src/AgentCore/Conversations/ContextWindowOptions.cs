namespace AgentCore.Conversations;

/// <summary>
/// The inputs of the extension's <c>truncateConversationIfNeeded</c> besides the messages (parity spec 2.4, 2.5).
/// Numbers are doubles because the reference computes in JavaScript numbers.
/// </summary>
public sealed class ContextWindowOptions
{
    /// <summary>The model's context window (<c>model.info.contextWindow</c>).</summary>
    public required double ContextWindow { get; init; }

    /// <summary>The model's max output tokens (<c>getModelMaxOutputTokens</c>); null = undefined. Any falsy value (null, 0, NaN) reserves 8192; a negative value is kept.</summary>
    public double? MaxTokens { get; init; }

    /// <summary>Context tokens of the previous request (<see cref="ApiMetrics.GetContextTokens(ReadOnlySpan{byte})"/>); never includes the last message.</summary>
    public double TotalTokens { get; init; }

    /// <summary><c>autoCondenseContext</c> (Task default: true).</summary>
    public bool AutoCondenseContext { get; init; } = true;

    /// <summary><c>autoCondenseContextPercent</c>, the global threshold (Task default: 100).</summary>
    public double AutoCondenseContextPercent { get; init; } = 100;

    /// <summary><c>profileThresholds[currentProfileId]</c>; null = undefined (use the global threshold).</summary>
    public double? ProfileThreshold { get; init; }
}
