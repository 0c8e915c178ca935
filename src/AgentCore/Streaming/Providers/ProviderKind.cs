namespace AgentCore.Streaming.Providers;

/// <summary>The provider APIs the client speaks.</summary>
public enum ProviderKind
{
    /// <summary>OpenAI Chat Completions (<c>POST {base}/chat/completions</c>); also any OpenAI-compatible server.</summary>
    OpenAi,

    /// <summary>OpenAI Responses (<c>POST {base}/responses</c>).</summary>
    OpenAiResponses,

    /// <summary>Anthropic Messages (<c>POST {base}/messages</c>).</summary>
    Anthropic,

    /// <summary>Gemini (<c>POST {base}/models/{model}:streamGenerateContent?alt=sse</c>).</summary>
    Gemini,

    /// <summary>Ollama's native chat API (<c>POST {host}/api/chat</c>, NDJSON).</summary>
    Ollama,
}

/// <summary>Command-line names and defaults of <see cref="ProviderKind"/>.</summary>
public static class ProviderKinds
{
    /// <summary>The command-line names, in <see cref="ProviderKind"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["openai", "openai-responses", "anthropic", "gemini", "ollama"];

    /// <summary>Parses a command-line name.</summary>
    public static bool TryParse(string name, out ProviderKind kind)
    {
        for (int i = 0; i < Names.Count; i++)
        {
            if (Names[i] == name)
            {
                kind = (ProviderKind)i;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>The stream format the provider answers in.</summary>
    public static StreamFormat StreamFormat(ProviderKind kind) => kind switch
    {
        ProviderKind.OpenAi => Streaming.StreamFormat.OpenAiChat,
        ProviderKind.OpenAiResponses => Streaming.StreamFormat.OpenAiResponses,
        ProviderKind.Anthropic => Streaming.StreamFormat.Anthropic,
        ProviderKind.Gemini => Streaming.StreamFormat.Gemini,
        _ => Streaming.StreamFormat.Ollama,
    };

    /// <summary>The default API base, version path included.</summary>
    public static string DefaultBaseUrl(ProviderKind kind) => kind switch
    {
        ProviderKind.Anthropic => "https://api.anthropic.com/v1",
        ProviderKind.Gemini => "https://generativelanguage.googleapis.com/v1beta",
        ProviderKind.Ollama => "http://127.0.0.1:11434/v1",
        _ => "https://api.openai.com/v1",
    };

    /// <summary>The environment variable the API key is read from by default (null: none needed).</summary>
    public static string? DefaultApiKeyVariable(ProviderKind kind) => kind switch
    {
        ProviderKind.Anthropic => "ANTHROPIC_API_KEY",
        ProviderKind.Gemini => "GEMINI_API_KEY",
        ProviderKind.Ollama => null,
        _ => "OPENAI_API_KEY",
    };
}
