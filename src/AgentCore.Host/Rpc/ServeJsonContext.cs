using System.Text.Json.Serialization;

namespace AgentCore.Host.Rpc;

/// <summary>Source-generated JSON for the <c>serve</c> protocol's own params and results (camelCase).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(InitializeParams))]
[JsonSerializable(typeof(InitializeResult))]
[JsonSerializable(typeof(Empty))]
[JsonSerializable(typeof(WorkspaceOpenParams))]
[JsonSerializable(typeof(WorkspaceOpenResult))]
internal sealed partial class ServeJsonContext : JsonSerializerContext;
