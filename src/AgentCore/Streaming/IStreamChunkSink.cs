namespace AgentCore.Streaming;

/// <summary>Receives the chunks a <see cref="StreamDecoder"/> produces, in stream order.</summary>
public interface IStreamChunkSink
{
    /// <summary>One chunk; its spans are valid only during the call.</summary>
    void OnChunk(in StreamChunk chunk);

    /// <summary>
    /// Called by the stream operations after the chunks decoded from one read of the input, so a sink that writes
    /// to a pipe can flush there: a reader sees each event when it arrives, and a file-sized read still costs one
    /// flush, not one per chunk. The default does nothing.
    /// </summary>
    void Flush()
    {
    }
}
