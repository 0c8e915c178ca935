namespace AgentCore.Conversations;

/// <summary>
/// The model a condense calls: anything that streams a reply to a system prompt and a list of messages. An adapter
/// over the streaming HTTP client implements it for a real provider; tests use a scripted one.
/// </summary>
public interface ISummaryModel
{
    /// <summary>Whether the model takes image blocks (when not, they are replaced by a text placeholder first).</summary>
    bool SupportsImages { get; }

    /// <summary>
    /// Streams the reply to <paramref name="systemPrompt"/> and <paramref name="messagesJson"/> (a compact JSON
    /// array of <c>{"role":..,"content":..}</c> in the API history shape). Exceptions propagate to the caller.
    /// </summary>
    IAsyncEnumerable<SummaryStreamChunk> StreamAsync(string systemPrompt, ReadOnlyMemory<byte> messagesJson, CancellationToken cancellationToken);
}
