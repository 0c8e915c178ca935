using System.Text.Json.Serialization;

namespace AgentCore.Host.Rpc;

/// <summary>Source-generated JSON for the RPC layer's own values.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(string))]
internal sealed partial class RpcJsonContext : JsonSerializerContext;
