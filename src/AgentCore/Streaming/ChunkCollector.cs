namespace AgentCore.Streaming;

/// <summary>A sink that keeps every chunk as a <see cref="StreamChunkRecord"/> (tests, small tools).</summary>
public sealed class ChunkCollector : IStreamChunkSink
{
    /// <summary>The chunks received so far.</summary>
    public List<StreamChunkRecord> Chunks { get; } = [];

    /// <inheritdoc/>
    public void OnChunk(in StreamChunk chunk) => Chunks.Add(chunk.ToRecord());
}
