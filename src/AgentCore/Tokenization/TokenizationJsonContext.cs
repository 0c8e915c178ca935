using System.Text.Json.Serialization;

namespace AgentCore.Tokenization;

/// <summary>Source-generated JSON (camelCase) for the token operations' requests and results (JSON-RPC / MCP binding).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CountTokensRequest))]
[JsonSerializable(typeof(CountTokensResult))]
public sealed partial class TokenizationJsonContext : JsonSerializerContext;
