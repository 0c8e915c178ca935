using System.Text.Json.Serialization;

namespace AgentCore.Parsing;

/// <summary>The request of <see cref="ParseOperations.ParseAsync"/>: an assistant message and how to feed it.</summary>
public sealed record ParseRequest
{
    /// <summary>A file holding the message (used when neither <see cref="Text"/> nor <see cref="Input"/> is set).</summary>
    public string? Path { get; init; }

    /// <summary>The message itself (JSON-RPC / MCP callers).</summary>
    public string? Text { get; init; }

    /// <summary>A stream holding the message as UTF-8 (the CLI's stdin); read to its end, not disposed.</summary>
    [JsonIgnore]
    public Stream? Input { get; init; }

    /// <summary>Feed the text this many UTF-16 code units at a time, as a JavaScript slice would (null: all at once).</summary>
    public int? Chunk { get; init; }

    /// <summary>Apply the parser's finalize step after the last chunk.</summary>
    public bool Finalize { get; init; }

    /// <summary>Correct the reference's known defects (docs/parity.md).</summary>
    public bool Fixes { get; init; }
}
