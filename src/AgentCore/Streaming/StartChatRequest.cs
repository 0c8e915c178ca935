using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentCore.Streaming;

/// <summary>
/// The request of <see cref="StreamOperations.StartChatAsync"/>: one streamed chat, as a JSON-RPC client gives it
/// (<c>chat/start</c>). Bound to a <see cref="Http.ChatRequest"/> and sent by <see cref="StreamOperations.ChatAsync(Http.ChatRequest, IStreamChunkSink, CancellationToken)"/>.
/// </summary>
public sealed record StartChatRequest
{
    /// <summary><c>openai</c>, <c>openai-responses</c>, <c>anthropic</c>, <c>gemini</c> or <c>ollama</c>.</summary>
    public required string Provider { get; init; }

    /// <summary>The model id.</summary>
    public required string Model { get; init; }

    /// <summary>The API base with its version path (null: the provider's default).</summary>
    public string? BaseUrl { get; init; }

    /// <summary>The conversation: <c>[{"role":"user"|"assistant","content":string|[blocks]}, ..]</c> (the API history shape).</summary>
    public JsonElement? Messages { get; init; }

    /// <summary>A single user prompt, when <see cref="Messages"/> is not given.</summary>
    public string? Prompt { get; init; }

    /// <summary>The system prompt sent with <see cref="Messages"/> (none when null).</summary>
    public string? SystemPrompt { get; init; }

    /// <summary>The API key (never echoed); when null, <see cref="ApiKeyEnv"/> or the provider's default variable is read.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The environment variable of the server process holding the API key.</summary>
    public string? ApiKeyEnv { get; init; }

    /// <summary>Anthropic <c>max_tokens</c> (default 8192).</summary>
    public int? MaxTokens { get; init; }

    /// <summary>The deadline of the whole request in seconds (default 300).</summary>
    public double? TimeoutSeconds { get; init; }

    /// <summary>The parity fixes switch (set by the server from <c>initialize</c>, not from params).</summary>
    [JsonIgnore]
    public bool Fixes { get; init; }
}
