using System.Text.Json.Serialization;

namespace AgentCore.ToolCalls;

/// <summary>The request of <see cref="ToolCallOperations.ReplayAsync"/>: recorded tool-call stream items, one JSON object per line.</summary>
public sealed record ToolCallReplayRequest
{
    /// <summary>A file holding the items (used when neither <see cref="Text"/> nor <see cref="Input"/> is set).</summary>
    public string? Path { get; init; }

    /// <summary>The items themselves, as JSON lines (JSON-RPC / MCP callers).</summary>
    public string? Text { get; init; }

    /// <summary>A stream of the items as UTF-8 (the CLI's stdin); read to its end, not disposed.</summary>
    [JsonIgnore]
    public Stream? Input { get; init; }

    /// <summary>The names registered as custom tools (the reference's custom-tool registry; empty by default).</summary>
    public IReadOnlyList<string> CustomTools { get; init; } = [];
}

/// <summary>What a replay read.</summary>
/// <param name="Items">Items applied (non-blank lines).</param>
public sealed record ToolCallReplayResult(int Items);

/// <summary>Source-generated JSON (camelCase) for the tool-call operation's request and result (JSON-RPC / MCP binding).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ToolCallReplayRequest))]
[JsonSerializable(typeof(ToolCallReplayResult))]
public sealed partial class ToolCallsJsonContext : JsonSerializerContext;
