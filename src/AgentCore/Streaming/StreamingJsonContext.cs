using System.Text.Json.Serialization;

namespace AgentCore.Streaming;

/// <summary>
/// Source-generated JSON (camelCase) for the stream operations' requests and results (JSON-RPC / MCP binding).
/// Chunks themselves are written with <see cref="ChunkJsonLineWriter"/> (the contract's exact lines).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DecodeStreamRequest))]
[JsonSerializable(typeof(DecodeStreamResult))]
[JsonSerializable(typeof(StartChatRequest))]
[JsonSerializable(typeof(StartChatResult))]
public sealed partial class StreamingJsonContext : JsonSerializerContext;
