namespace AgentCore.Conversations;

/// <summary>The bounds of a <see cref="ConversationSession"/> (one per server session).</summary>
public sealed class ConversationSessionOptions
{
    /// <summary>The defaults: 256 conversations, 16 MiB per message, 256 MiB of message JSON in all.</summary>
    public static ConversationSessionOptions Default { get; } = new();

    /// <summary>Conversations held at once; one more create or load is refused (<c>too_large</c>) until one is deleted.</summary>
    public int MaxConversations { get; init; } = 256;

    /// <summary>The largest message accepted by create or append, in bytes of JSON.</summary>
    public int MaxMessageBytes { get; init; } = 16 << 20;

    /// <summary>Message JSON held by all conversations together; also the largest history file loaded.</summary>
    public long MaxTotalBytes { get; init; } = 256L << 20;

    /// <summary>How the conversations store and count messages (default: the reference's counting).</summary>
    public ConversationOptions? ConversationOptions { get; init; }
}
