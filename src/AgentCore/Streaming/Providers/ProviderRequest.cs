using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using AgentCore.Streaming.Http;

namespace AgentCore.Streaming.Providers;

/// <summary>
/// One provider request, ready for the transport (<see cref="ProviderClient"/>): what differs between the five APIs
/// (the URL, the key and the header it goes in, the body, the content type of the answer) is decided here and only here.
/// </summary>
/// <remarks>The API key is read from its environment variable once, sent only in its header and redacted from every message.</remarks>
internal sealed class ProviderRequest
{
    private ProviderRequest(ProviderKind provider, Uri uri, string? apiKey, byte[] body)
    {
        Provider = provider;
        Uri = uri;
        ApiKey = apiKey;
        Body = body;
    }

    /// <summary>The provider API.</summary>
    public ProviderKind Provider { get; }

    /// <summary>The endpoint.</summary>
    public Uri Uri { get; }

    /// <summary>The API key (null: none set, or none needed).</summary>
    public string? ApiKey { get; }

    /// <summary>The JSON body.</summary>
    public byte[] Body { get; }

    /// <summary>The content type of a streamed answer.</summary>
    public string StreamMediaType => Provider == ProviderKind.Ollama ? "application/x-ndjson" : "text/event-stream";

    /// <summary>The request for <paramref name="request"/> (its body: <see cref="ProviderRequestBody"/>).</summary>
    /// <exception cref="ProviderException">The key variable given is unset, or the base URL is not an http(s) URL.</exception>
    public static ProviderRequest Create(ChatRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? key = ResolveApiKey(request);
        Uri uri = BuildUri(request);
        return new ProviderRequest(request.Provider, uri, key, ProviderRequestBody.Write(request));
    }

    /// <summary>Adds the provider's headers: user agent, accepted type, version and key.</summary>
    public void AddHeaders(HttpRequestHeaders headers)
    {
        headers.TryAddWithoutValidation("User-Agent", "agentcore");
        headers.TryAddWithoutValidation("Accept", StreamMediaType);
        switch (Provider)
        {
            case ProviderKind.Anthropic:
                headers.TryAddWithoutValidation("anthropic-version", "2023-06-01");
                if (ApiKey is not null)
                {
                    headers.TryAddWithoutValidation("x-api-key", ApiKey);
                }

                break;
            case ProviderKind.Gemini:
                if (ApiKey is not null)
                {
                    headers.TryAddWithoutValidation("x-goog-api-key", ApiKey);
                }

                break;
            default:
                if (ApiKey is not null)
                {
                    headers.TryAddWithoutValidation("Authorization", "Bearer " + ApiKey);
                }

                break;
        }
    }

    /// <summary>
    /// Whether an answer of <paramref name="mediaType"/> is a stream this provider's decoder reads (Ollama: NDJSON in
    /// its spellings, JSON, or an event stream; the others: an event stream).
    /// </summary>
    public bool IsStreamMediaType(string mediaType) => Provider == ProviderKind.Ollama
        ? mediaType.Equals("application/x-ndjson", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/ndjson", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/jsonl", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase)
        : mediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase);

    /// <summary><paramref name="message"/> with the API key replaced by <c>[redacted]</c> (keys under 4 characters are left: they would redact ordinary text).</summary>
    public string Redact(string message) =>
        string.IsNullOrEmpty(ApiKey) || ApiKey.Length < 4 ? message : message.Replace(ApiKey, "[redacted]", StringComparison.Ordinal);

    private static string? ResolveApiKey(ChatRequest request)
    {
        if (!string.IsNullOrEmpty(request.ApiKey))
        {
            return request.ApiKey;
        }

        string? variable = request.ApiKeyVariable ?? ProviderKinds.DefaultApiKeyVariable(request.Provider);
        if (variable is null)
        {
            return null;
        }

        string? key = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(key) && request.ApiKeyVariable is not null)
        {
            throw new ProviderException($"the environment variable {variable} (--api-key-env) is not set or empty");
        }

        return string.IsNullOrEmpty(key) ? null : key;
    }

    /// <summary>True when <paramref name="url"/> is an absolute http or https URL.</summary>
    internal static bool TryHttpUri(string url, [NotNullWhen(true)] out Uri? uri) =>
        Uri.TryCreate(url, UriKind.Absolute, out uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static Uri BuildUri(ChatRequest request)
    {
        string baseUrl = (request.BaseUrl ?? ProviderKinds.DefaultBaseUrl(request.Provider)).TrimEnd('/');
        string url = request.Provider switch
        {
            ProviderKind.OpenAi => baseUrl + "/chat/completions",
            ProviderKind.OpenAiResponses => baseUrl + "/responses",
            ProviderKind.Anthropic => baseUrl + "/messages",
            ProviderKind.Gemini => $"{baseUrl}/models/{Uri.EscapeDataString(request.Model)}:streamGenerateContent?alt=sse",
            _ => (baseUrl.EndsWith("/v1", StringComparison.Ordinal) ? baseUrl[..^3] : baseUrl) + "/api/chat",
        };
        if (!TryHttpUri(url, out Uri? uri))
        {
            throw new ProviderException($"'{request.BaseUrl}' is not an http(s) URL");
        }

        return uri;
    }
}
