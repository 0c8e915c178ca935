using AgentCore.Streaming;
using AgentCore.Streaming.Http;
using AgentCore.Streaming.Providers;
using AgentCore.ToolCalls;

namespace AgentCore.Host.Cli;

/// <summary><c>agentcore chat --provider P --model M [--base-url URL] [--api-key-env VAR] [--json] [--fixes] PROMPT</c>: streams a reply.</summary>
internal sealed class ChatVerb : Verb
{
    private static readonly OptionSpec[] s_options =
    [
        new("provider", true), new("model", true), new("base-url", true), new("api-key-env", true), new("json", false), new("fixes", false), new("tools", false),
        new("timeout", true),
    ];

    public override string Name => "chat";

    public override string Summary => "stream a model's reply to one prompt";

    public override string Usage =>
        "Usage: agentcore chat --provider openai|openai-responses|anthropic|gemini|ollama --model M [--base-url URL]\n" +
        "                      [--api-key-env VAR] [--json [--tools]] [--fixes] [--timeout SECONDS] PROMPT\n\n" +
        "Streams the reply as plain text, or with --json as the chunk lines of 'agentcore stream'\n" +
        "(--tools adds the tool-call event lines and final tool uses of 'agentcore stream --tools').\n" +
        "--base-url is the API base with its version path (default https://api.openai.com/v1; Anthropic\n" +
        "https://api.anthropic.com/v1; Gemini https://generativelanguage.googleapis.com/v1beta; Ollama\n" +
        "http://127.0.0.1:11434/v1). The API key is read from --api-key-env (default OPENAI_API_KEY, ANTHROPIC_API_KEY,\n" +
        "GEMINI_API_KEY; none for Ollama). A provider error exits 1 with the provider's message on stderr;\n" +
        "Ctrl-C stops the request at once and exits 130.\n" +
        "--timeout is the deadline of the whole request, retries and the streamed reply included (default 300 s).\n";

    public override ReadOnlySpan<OptionSpec> Options => s_options;

    public override async Task<int> RunAsync(ParsedArgs args, VerbContext context, CancellationToken cancellationToken)
    {
        int providerIndex = args.GetChoiceIndex("provider", [.. ProviderKinds.Names]); // ProviderKinds.Names is in ProviderKind order
        if (providerIndex < 0)
        {
            throw new UsageException("'chat' needs --provider (openai, openai-responses, anthropic, gemini or ollama)");
        }

        var provider = (ProviderKind)providerIndex;
        string model = args.Get("model") ?? throw new UsageException("'chat' needs --model");
        args.ExpectPositionals(1, 1);
        string? baseUrl = args.Get("base-url");
        if (baseUrl is not null && !Uri.TryCreate(baseUrl, UriKind.Absolute, out _))
        {
            throw new UsageException($"option '--base-url' needs an absolute URL, got '{baseUrl}'");
        }

        TimeSpan? timeout = null;
        if (args.Get("timeout") is string timeoutText)
        {
            if (!double.TryParse(timeoutText, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double seconds)
                || !(seconds > 0) || seconds > int.MaxValue / 1000)
            {
                throw new UsageException($"option '--timeout' needs a positive number of seconds, got '{timeoutText}'");
            }

            timeout = TimeSpan.FromSeconds(seconds);
        }

        var request = new ChatRequest
        {
            Timeout = timeout,
            Provider = provider,
            Model = model,
            Prompt = args.Positionals[0],
            BaseUrl = baseUrl,
            ApiKeyVariable = args.Get("api-key-env"),
            DecoderOptions = new StreamDecoderOptions { Fixes = args.Has("fixes"), Model = model },
        };

        if (args.Has("tools") && !args.Has("json"))
        {
            throw new UsageException("option '--tools' needs '--json'");
        }

        var sink = new ChatSink(context.Out, args.Has("json"));
        try
        {
            if (args.Has("tools"))
            {
                var tools = new ToolCallChunkSink(sink, context.Out, context.Out.Flush);
                await StreamOperations.ChatAsync(request, tools, cancellationToken).ConfigureAwait(false);
                tools.Complete();
                context.Out.Flush();
            }
            else
            {
                await StreamOperations.ChatAsync(request, sink, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            sink.Finish();
        }

        return ExitCodes.Ok;
    }

    /// <summary>Prints chunk lines (--json) or the reply text, flushing after each chunk so the reply appears as it streams.</summary>
    private sealed class ChatSink(Utf8Output output, bool json) : IStreamChunkSink
    {
        private readonly ChunkJsonLineWriter _lines = new(output);
        private bool _endsWithNewline = true;

        public void OnChunk(in StreamChunk chunk)
        {
            if (json)
            {
                _lines.OnChunk(chunk);
                output.Flush();
            }
            else if (chunk.Type == StreamChunkType.Text && !chunk.Text.IsEmpty)
            {
                output.Write(chunk.Text);
                _endsWithNewline = chunk.Text[^1] == '\n';
                output.Flush();
            }
        }

        public void Finish()
        {
            if (!json && !_endsWithNewline)
            {
                output.Write('\n');
                _endsWithNewline = true;
            }
        }
    }
}
