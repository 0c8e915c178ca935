using System.Text.Json.Serialization;

namespace AgentCore.Host.Mcp;

/// <summary>Source-generated JSON for the MCP envelope types (camelCase; unknown fields such as capabilities are skipped).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(McpRequestParams))]
[JsonSerializable(typeof(McpInitializeParams))]
[JsonSerializable(typeof(McpCallParams))]
[JsonSerializable(typeof(McpRootsResult))]
[JsonSerializable(typeof(CountTokensArguments))]
[JsonSerializable(typeof(ListFilesArguments))]
[JsonSerializable(typeof(DefinitionsArguments))]
[JsonSerializable(typeof(SearchFilesArguments))]
[JsonSerializable(typeof(ReadFileArguments))]
[JsonSerializable(typeof(FindSymbolArguments))]
internal sealed partial class McpJsonContext : JsonSerializerContext;
