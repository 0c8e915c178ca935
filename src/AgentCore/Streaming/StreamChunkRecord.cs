namespace AgentCore.Streaming;

/// <summary>A chunk copied out of the decoder (see <see cref="StreamChunk.ToRecord"/>).</summary>
/// <param name="Type">The kind of chunk.</param>
/// <param name="Text">Text of a text or reasoning chunk.</param>
/// <param name="Index">Tool call index.</param>
/// <param name="Id">Tool call id, when carried.</param>
/// <param name="Name">Tool name, when carried.</param>
/// <param name="Arguments">Piece of the tool call's JSON arguments, when carried.</param>
/// <param name="Usage">Figures of a usage chunk.</param>
/// <param name="Error">Error code of an error chunk.</param>
/// <param name="Message">Message of an error chunk.</param>
public sealed record StreamChunkRecord(
    StreamChunkType Type,
    string? Text,
    int Index,
    string? Id,
    string? Name,
    string? Arguments,
    UsageFigures? Usage,
    string? Error,
    string? Message);
