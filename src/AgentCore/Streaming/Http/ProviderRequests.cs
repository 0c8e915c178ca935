using System.Text.Json.Serialization;

namespace AgentCore.Streaming.Http;

/// <summary>One chat message of a request body.</summary>
internal sealed record ChatMessage(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("content")] string Content);

/// <summary><c>stream_options</c> of a Chat Completions request.</summary>
internal sealed record StreamOptions([property: JsonPropertyName("include_usage")] bool IncludeUsage);

/// <summary>OpenAI Chat Completions request body.</summary>
internal sealed record OpenAiChatRequest(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("messages")] IReadOnlyList<ChatMessage> Messages,
    [property: JsonPropertyName("stream")] bool Stream,
    [property: JsonPropertyName("stream_options")] StreamOptions StreamOptions);

/// <summary>OpenAI Responses request body.</summary>
internal sealed record OpenAiResponsesRequest(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("input")] string Input,
    [property: JsonPropertyName("stream")] bool Stream,
    [property: JsonPropertyName("store")] bool Store);

/// <summary>Anthropic Messages request body.</summary>
internal sealed record AnthropicRequest(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("max_tokens")] int MaxTokens,
    [property: JsonPropertyName("messages")] IReadOnlyList<ChatMessage> Messages,
    [property: JsonPropertyName("stream")] bool Stream);

/// <summary>A Gemini text part.</summary>
internal sealed record GeminiPart([property: JsonPropertyName("text")] string Text);

/// <summary>A Gemini content (one turn).</summary>
internal sealed record GeminiContent(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("parts")] IReadOnlyList<GeminiPart> Parts);

/// <summary>Gemini generateContent request body.</summary>
internal sealed record GeminiRequest([property: JsonPropertyName("contents")] IReadOnlyList<GeminiContent> Contents);

/// <summary>Ollama /api/chat request body.</summary>
internal sealed record OllamaChatRequest(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("messages")] IReadOnlyList<ChatMessage> Messages,
    [property: JsonPropertyName("stream")] bool Stream);

/// <summary>Source-generated serialisation of the request bodies (no reflection: Native AOT).</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(OpenAiChatRequest))]
[JsonSerializable(typeof(OpenAiResponsesRequest))]
[JsonSerializable(typeof(AnthropicRequest))]
[JsonSerializable(typeof(GeminiRequest))]
[JsonSerializable(typeof(OllamaChatRequest))]
internal sealed partial class ProviderJsonContext : JsonSerializerContext;
