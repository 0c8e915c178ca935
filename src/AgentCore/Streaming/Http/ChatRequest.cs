using AgentCore.Streaming.Providers;

namespace AgentCore.Streaming.Http;

/// <summary>One streamed chat request: a user prompt, or a conversation with a system prompt, to a model.</summary>
public sealed record ChatRequest
{
    /// <summary>The provider API.</summary>
    public required ProviderKind Provider { get; init; }

    /// <summary>The model id.</summary>
    public required string Model { get; init; }

    /// <summary>The user prompt (not used when <see cref="Messages"/> is given).</summary>
    public required string Prompt { get; init; }

    /// <summary>The API base, version path included (null: the provider's default). For Ollama a trailing <c>/v1</c> is dropped.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>The environment variable holding the API key (null: the provider's default variable).</summary>
    public string? ApiKeyVariable { get; init; }

    /// <summary>
    /// The API key itself (a server client passes it in params); when set it is used instead of
    /// <see cref="ApiKeyVariable"/>. Sent only in its header and redacted from every message.
    /// </summary>
    public string? ApiKey { get; init; }

    /// <summary>
    /// The conversation to send: a JSON array of <c>{"role":..,"content":..}</c> in the API history shape; when not
    /// empty it replaces <see cref="Prompt"/>, with <see cref="SystemPrompt"/> (a condense, see <c>ProviderSummaryModel</c>).
    /// </summary>
    public ReadOnlyMemory<byte> Messages { get; init; }

    /// <summary>The system prompt sent with <see cref="Messages"/> (none when null).</summary>
    public string? SystemPrompt { get; init; }

    /// <summary>Anthropic <c>max_tokens</c> (the reference's default 8192).</summary>
    public int MaxTokens { get; init; } = 8192;

    /// <summary>
    /// The deadline of the whole request, retries and the streamed body included (null: the client's
    /// <see cref="ProviderClientOptions.TotalTimeout"/>, 5 minutes by default). The CLI's <c>--timeout</c>.
    /// </summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Decoder options (the parity fixes switch, pricing, the cap of one event: <see cref="StreamDecoderOptions.MaxEventBytes"/>) </summary>
    public StreamDecoderOptions? DecoderOptions { get; init; }
}
