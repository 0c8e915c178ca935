using System.Text.Json.Serialization;

namespace AgentCore.Tokenization;

/// <summary>The request of <see cref="TokenOperations.CountTokensAsync"/>: tiktoken counts (or ids) of files or of one given input.</summary>
public sealed record CountTokensRequest
{
    /// <summary><c>o200k_base</c> (default) or <c>cl100k_base</c>.</summary>
    public string Encoding { get; init; } = "o200k_base";

    /// <summary>The inputs, in result order: file paths, or <c>-</c> for the request's own input (<see cref="Stdin"/>, else <see cref="Text"/>).</summary>
    public IReadOnlyList<string> Paths { get; init; } = ["-"];

    /// <summary>True to return the token ids as well as the counts.</summary>
    public bool Ids { get; init; }

    /// <summary>The text that <c>-</c> stands for when no <see cref="Stdin"/> stream is given (JSON-RPC / MCP callers).</summary>
    public string? Text { get; init; }

    /// <summary>The stream that <c>-</c> stands for (the CLI's stdin); read to its end, not disposed.</summary>
    [JsonIgnore]
    public Stream? Stdin { get; init; }
}
