namespace AgentCore.ToolCalls;

/// <summary>A replay of recorded tool-call stream items (JSON lines) through <see cref="ToolCallStream"/>.</summary>
public sealed record ToolCallReplayRequest
{
    /// <summary>The items, one JSON object per line (UTF-8): the spec's §9.1 input items.</summary>
    public required Stream Input { get; init; }

    /// <summary>The names registered as custom tools.</summary>
    public IReadOnlyList<string> CustomTools { get; init; } = [];
}

/// <summary>What a replay read.</summary>
/// <param name="Items">Items applied (non-blank lines).</param>
public sealed record ToolCallReplayResult(int Items);
