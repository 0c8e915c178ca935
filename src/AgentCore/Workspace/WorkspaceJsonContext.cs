using System.Text.Json.Serialization;

namespace AgentCore.Workspace;

/// <summary>Source-generated JSON for the workspace operations' requests and results (camelCase, no reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ListFilesRequest))]
[JsonSerializable(typeof(ListFilesResult))]
public sealed partial class WorkspaceJsonContext : JsonSerializerContext;
