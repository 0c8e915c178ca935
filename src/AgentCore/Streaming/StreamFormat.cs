namespace AgentCore.Streaming;

/// <summary>The provider wire formats a <see cref="StreamDecoder"/> reads.</summary>
public enum StreamFormat
{
    /// <summary>OpenAI Chat Completions SSE (<c>data:</c> chunks, <c>[DONE]</c>); also every OpenAI-compatible server.</summary>
    OpenAiChat,

    /// <summary>OpenAI Responses API SSE (typed events, no <c>[DONE]</c>).</summary>
    OpenAiResponses,

    /// <summary>Anthropic Messages SSE.</summary>
    Anthropic,

    /// <summary>Gemini <c>streamGenerateContent?alt=sse</c>.</summary>
    Gemini,

    /// <summary>Ollama <c>/api/chat</c> NDJSON.</summary>
    Ollama,
}

/// <summary>Names of <see cref="StreamFormat"/> as the command line spells them.</summary>
public static class StreamFormats
{
    /// <summary>The command-line names, in <see cref="StreamFormat"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["openai-chat", "openai-responses", "anthropic", "gemini", "ollama"];

    /// <summary>Parses a command-line name; false when unknown.</summary>
    public static bool TryParse(string name, out StreamFormat format)
    {
        for (int i = 0; i < Names.Count; i++)
        {
            if (Names[i] == name)
            {
                format = (StreamFormat)i;
                return true;
            }
        }

        format = default;
        return false;
    }

    /// <summary>The command-line name of <paramref name="format"/>.</summary>
    public static string Name(StreamFormat format) => Names[(int)format];
}
