using System.Text.Json.Serialization;

namespace AgentCore.Conversations;

/// <summary>The request of <see cref="ConversationOperations.EstimateTokensAsync"/>: a JSON array of content blocks.</summary>
public sealed record EstimateTokensRequest
{
    /// <summary>A file holding the JSON array (used when neither <see cref="Json"/> nor <see cref="Input"/> is set).</summary>
    public string? Path { get; init; }

    /// <summary>The JSON array itself (JSON-RPC / MCP callers).</summary>
    public string? Json { get; init; }

    /// <summary>A stream holding the JSON array (the CLI's stdin); read to its end, not disposed.</summary>
    [JsonIgnore]
    public Stream? Input { get; init; }
}
