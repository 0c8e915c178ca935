namespace AgentCore.Streaming;

/// <summary>The kinds of chunk a decoded provider stream is made of.</summary>
public enum StreamChunkType
{
    /// <summary>Assistant text.</summary>
    Text,

    /// <summary>Reasoning ("thinking") text.</summary>
    Reasoning,

    /// <summary>A piece of a tool call: its start (id, name) and/or a piece of its JSON arguments.</summary>
    ToolCallPartial,

    /// <summary>Token usage and cost; additive over a stream.</summary>
    Usage,

    /// <summary>A provider error or a malformed/truncated stream; always the last chunk of a stream.</summary>
    Error,
}
