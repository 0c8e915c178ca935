using AgentCore.Streaming;

namespace AgentCore.Tests;

/// <summary>A sink that keeps every chunk as a <see cref="StreamChunkRecord"/>.</summary>
internal sealed class ChunkCollector : IStreamChunkSink
{
    /// <summary>The chunks received so far.</summary>
    public List<StreamChunkRecord> Chunks { get; } = [];

    /// <inheritdoc/>
    public void OnChunk(in StreamChunk chunk) => Chunks.Add(chunk.ToRecord());
}
