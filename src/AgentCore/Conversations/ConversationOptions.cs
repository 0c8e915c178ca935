using AgentCore.Memory;

namespace AgentCore.Conversations;

/// <summary>How a <see cref="Conversation"/> stores and counts its messages.</summary>
public sealed class ConversationOptions
{
    /// <summary>The reference's rules (tool blocks count 0), shared segment pool.</summary>
    public static ConversationOptions Default { get; } = new();

    /// <summary>
    /// Count <c>tool_use</c> / <c>tool_result</c> blocks as the extension does after the reference commit
    /// (parity spec 1.6: serialised as <c>Tool: name\nArguments: {...}</c> / <c>Tool Result (id)...</c>). Off by
    /// default: at the reference commit they count 0.
    /// </summary>
    public bool CountToolBlocks { get; init; }

    /// <summary>Where the message arena takes its segments (default: <see cref="ArenaSegmentPool.Shared"/>).</summary>
    internal ArenaSegmentPool? SegmentPool { get; init; }
}
