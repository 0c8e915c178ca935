namespace AgentCore.Streaming;

/// <summary>Receives the chunks a <see cref="StreamDecoder"/> produces, in stream order.</summary>
public interface IStreamChunkSink
{
    /// <summary>One chunk; its spans are valid only during the call.</summary>
    void OnChunk(in StreamChunk chunk);
}
