namespace AgentCore.Conversations;

/// <summary>What the extension's sliding window does before a request.</summary>
public enum ContextDecision : byte
{
    /// <summary>Nothing: the history is sent as it is.</summary>
    None,

    /// <summary>The history is summarised by a model (auto-condense).</summary>
    Condense,

    /// <summary>The oldest half (an even count, after the first message) is dropped.</summary>
    Truncate,
}
