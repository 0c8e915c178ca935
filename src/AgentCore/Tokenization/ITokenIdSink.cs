namespace AgentCore.Tokenization;

/// <summary>Receives token ids in order, in blocks, as an input is encoded (see <see cref="Tokenizer.Encode(Stream, ITokenIdSink, CancellationToken)"/>).</summary>
public interface ITokenIdSink
{
    /// <summary>The next ids; the span is valid only during the call. Throwing stops the encoding.</summary>
    void Write(ReadOnlySpan<int> ids);
}
