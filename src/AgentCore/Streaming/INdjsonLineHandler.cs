namespace AgentCore.Streaming;

/// <summary>Receives the lines an <see cref="NdjsonParser"/> splits out.</summary>
internal interface INdjsonLineHandler
{
    /// <summary>One non-blank line without its terminator; valid only during the call.</summary>
    void OnLine(ReadOnlySpan<byte> line);
}
