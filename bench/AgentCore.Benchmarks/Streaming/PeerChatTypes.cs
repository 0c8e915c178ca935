using System.Text.Json.Serialization;

namespace AgentCore.Benchmarks.Streaming;

// The peer path: System.Net.ServerSentEvents items deserialised with source-generated System.Text.Json.
public sealed record PeerDelta([property: JsonPropertyName("content")] string? Content, [property: JsonPropertyName("reasoning_content")] string? ReasoningContent);

public sealed record PeerChoice([property: JsonPropertyName("index")] int Index, [property: JsonPropertyName("delta")] PeerDelta? Delta);

public sealed record PeerUsage([property: JsonPropertyName("prompt_tokens")] int PromptTokens, [property: JsonPropertyName("completion_tokens")] int CompletionTokens);

public sealed record PeerChunk([property: JsonPropertyName("choices")] List<PeerChoice>? Choices, [property: JsonPropertyName("usage")] PeerUsage? Usage);

[JsonSerializable(typeof(PeerChunk))]
internal sealed partial class PeerJsonContext : JsonSerializerContext;
