using System.Text.Json.Serialization;

namespace AgentCore.Symbols;

/// <summary>Source-generated JSON for the symbols operations (camelCase, no reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(DefinitionsRequest))]
[JsonSerializable(typeof(DefinitionsResult))]
[JsonSerializable(typeof(IndexRequest))]
[JsonSerializable(typeof(IndexResult))]
[JsonSerializable(typeof(SymbolsRequest))]
[JsonSerializable(typeof(SymbolsResult))]
[JsonSerializable(typeof(List<SymbolMatch>))]
public sealed partial class SymbolsJsonContext : JsonSerializerContext;
