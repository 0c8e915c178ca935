namespace AgentCore.Streaming;

/// <summary>
/// One chunk of a decoded stream, handed to an <see cref="IStreamChunkSink"/>. Text spans point into the decoder's
/// pooled buffers and are valid only during the call; use <see cref="ToRecord"/> to keep a chunk.
/// </summary>
public readonly ref struct StreamChunk
{
    private StreamChunk(StreamChunkType type) => Type = type;

    /// <summary>The kind of chunk.</summary>
    public StreamChunkType Type { get; private init; }

    /// <summary>The text of a <see cref="StreamChunkType.Text"/> or <see cref="StreamChunkType.Reasoning"/> chunk.</summary>
    public ReadOnlySpan<char> Text { get; private init; }

    /// <summary>The tool call's index (the provider's index of the call or content block).</summary>
    public int Index { get; private init; }

    /// <summary>The tool call id, when this chunk carries it (see <see cref="HasId"/>).</summary>
    public ReadOnlySpan<char> Id { get; private init; }

    /// <summary>The tool name, when this chunk carries it (see <see cref="HasName"/>).</summary>
    public ReadOnlySpan<char> Name { get; private init; }

    /// <summary>A piece of the JSON arguments, when this chunk carries one (see <see cref="HasArguments"/>).</summary>
    public ReadOnlySpan<char> Arguments { get; private init; }

    /// <summary>True when the tool call chunk carries an id.</summary>
    public bool HasId { get; private init; }

    /// <summary>True when the tool call chunk carries a name.</summary>
    public bool HasName { get; private init; }

    /// <summary>True when the tool call chunk carries arguments.</summary>
    public bool HasArguments { get; private init; }

    /// <summary>The figures of a <see cref="StreamChunkType.Usage"/> chunk.</summary>
    public UsageFigures Usage { get; private init; }

    /// <summary>The error code of an <see cref="StreamChunkType.Error"/> chunk (the provider's error type or code, or AgentCore's: <c>stream_incomplete</c>, <c>invalid_json</c>).</summary>
    public string? Error { get; private init; }

    /// <summary>The human-readable message of an <see cref="StreamChunkType.Error"/> chunk.</summary>
    public string? Message { get; private init; }

    /// <summary>A text chunk.</summary>
    public static StreamChunk ForText(ReadOnlySpan<char> text) => new(StreamChunkType.Text) { Text = text };

    /// <summary>A reasoning chunk.</summary>
    public static StreamChunk ForReasoning(ReadOnlySpan<char> text) => new(StreamChunkType.Reasoning) { Text = text };

    /// <summary>A usage chunk.</summary>
    public static StreamChunk ForUsage(UsageFigures usage) => new(StreamChunkType.Usage) { Usage = usage };

    /// <summary>An error chunk.</summary>
    public static StreamChunk ForError(string error, string message) => new(StreamChunkType.Error) { Error = error, Message = message };

    /// <summary>A tool call chunk; pass <c>hasX = false</c> for the parts it does not carry.</summary>
    public static StreamChunk ForToolCall(
        int index, bool hasId, ReadOnlySpan<char> id, bool hasName, ReadOnlySpan<char> name, bool hasArguments, ReadOnlySpan<char> arguments) =>
        new(StreamChunkType.ToolCallPartial)
        {
            Index = index,
            HasId = hasId,
            Id = id,
            HasName = hasName,
            Name = name,
            HasArguments = hasArguments,
            Arguments = arguments,
        };

    /// <summary>Copies the chunk into a heap object that outlives the call.</summary>
    public StreamChunkRecord ToRecord() => new(
        Type,
        Type is StreamChunkType.Text or StreamChunkType.Reasoning ? Text.ToString() : null,
        Index,
        HasId ? Id.ToString() : null,
        HasName ? Name.ToString() : null,
        HasArguments ? Arguments.ToString() : null,
        Type == StreamChunkType.Usage ? Usage : null,
        Error,
        Message);
}
