using System.Text.Json.Serialization;

namespace AgentCore.Conversations;

/// <summary>Source-generated JSON (camelCase) for the conversation operations' requests and results (JSON-RPC / MCP binding).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EstimateTokensRequest))]
[JsonSerializable(typeof(EstimateTokensResult))]
[JsonSerializable(typeof(AssessContextRequest))]
[JsonSerializable(typeof(AssessContextResult))]
[JsonSerializable(typeof(CreateConversationRequest))]
[JsonSerializable(typeof(AppendMessagesRequest))]
[JsonSerializable(typeof(ConversationRequest))]
[JsonSerializable(typeof(ConversationInfo))]
[JsonSerializable(typeof(EstimateConversationResult))]
[JsonSerializable(typeof(TruncateConversationRequest))]
[JsonSerializable(typeof(TruncateConversationResult))]
[JsonSerializable(typeof(SaveConversationRequest))]
[JsonSerializable(typeof(SaveConversationResult))]
[JsonSerializable(typeof(LoadConversationRequest))]
public sealed partial class ConversationsJsonContext : JsonSerializerContext;
