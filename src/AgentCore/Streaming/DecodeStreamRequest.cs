using System.Text.Json.Serialization;

namespace AgentCore.Streaming;

/// <summary>The request of <see cref="StreamOperations.DecodeAsync"/>: a recorded provider response body.</summary>
public sealed record DecodeStreamRequest
{
    /// <summary>The wire format: <c>openai-chat</c>, <c>openai-responses</c>, <c>anthropic</c>, <c>gemini</c> or <c>ollama</c>.</summary>
    public required string Format { get; init; }

    /// <summary>A file holding the body (used when neither <see cref="Body"/> nor <see cref="Input"/> is set).</summary>
    public string? Path { get; init; }

    /// <summary>The body itself as text (JSON-RPC / MCP callers).</summary>
    public string? Body { get; init; }

    /// <summary>A stream holding the body (the CLI's stdin); read to its end or the stream's terminator, not disposed.</summary>
    [JsonIgnore]
    public Stream? Input { get; init; }

    /// <summary>Correct the reference's known defects (docs/parity.md).</summary>
    public bool Fixes { get; init; }

    /// <summary>The model whose prices apply when the stream does not name one.</summary>
    public string? Model { get; init; }
}
