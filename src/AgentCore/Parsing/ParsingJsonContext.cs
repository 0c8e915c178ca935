using System.Text.Json.Serialization;

namespace AgentCore.Parsing;

/// <summary>
/// Source-generated JSON (camelCase) for the parse operation's request (JSON-RPC / MCP binding). The result's blocks
/// are written with <see cref="AssistantMessageJson"/>, which keeps the reference's key order.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ParseRequest))]
public sealed partial class ParsingJsonContext : JsonSerializerContext;
