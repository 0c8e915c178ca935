using AgentCore.Streaming;
using AgentCore.ToolCalls;

namespace AgentCore.Host.Cli;

/// <summary><c>agentcore stream --format F [--fixes] [PATH|-]</c>: decodes a recorded provider response body into chunk lines.</summary>
internal sealed class StreamVerb : Verb
{
    private static readonly OptionSpec[] s_options = [new("format", true), new("fixes", false), new("model", true), new("tools", false)];

    public override string Name => "stream";

    public override string Summary => "decode a recorded provider stream into JSON chunk lines";

    public override string Usage =>
        "Usage: agentcore stream --format openai-chat|openai-responses|anthropic|gemini|ollama [--fixes] [--model ID] [--tools] [PATH|-]\n\n" +
        "Decodes a recorded HTTP response body (stdin when PATH is '-' or absent) and prints one JSON chunk per line:\n" +
        "  {\"type\":\"text\",\"text\":..} {\"type\":\"reasoning\",\"text\":..}\n" +
        "  {\"type\":\"tool_call_partial\",\"index\":..,\"id\":..,\"name\":..,\"arguments\":..}\n" +
        "  {\"type\":\"usage\",\"inputTokens\":..,\"outputTokens\":..,\"cacheWriteTokens\":..,\"cacheReadTokens\":..,\"reasoningTokens\":..,\"totalCost\":..}\n" +
        "  {\"type\":\"error\",\"error\":..,\"message\":..}\n" +
        "Usage chunks are additive. Costs use the prices of the model the stream reports (or --model).\n" +
        "--fixes gives the corrected Anthropic cost (all output tokens) instead of the extension's.\n" +
        "A provider error or a truncated stream prints an error chunk, its message on stderr, and exits 1.\n" +
        "--tools also assembles the tool calls as the extension does ('agentcore toolcalls'): after each\n" +
        "tool_call_partial chunk its events {\"type\":\"tool_call_start\",\"id\",\"name\"} {\"type\":\"tool_call_delta\",\"id\",\"delta\"},\n" +
        "and at the end of a stream that ended normally {\"type\":\"tool_call_end\",\"id\"} and each final tool use\n" +
        "({\"type\":\"tool_use\",..,\"id\"} / {\"type\":\"mcp_tool_use\",..}, or {\"type\":\"tool_call_error\",\"id\",\"error\"}).\n";

    public override ReadOnlySpan<OptionSpec> Options => s_options;

    public override async Task<int> RunAsync(ParsedArgs args, VerbContext context, CancellationToken cancellationToken)
    {
        string format = args.GetChoice("format", [.. StreamFormats.Names])
            ?? throw new UsageException("'stream' needs --format (openai-chat, openai-responses, anthropic, gemini or ollama)");
        args.ExpectPositionals(0, 1);
        string path = args.Positionals.Count == 0 ? "-" : args.Positionals[0];
        using Stream? stdin = context.StdinFor(path);
        var request = new DecodeStreamRequest { Format = format, Path = path, Input = stdin, Fixes = args.Has("fixes"), Model = args.Get("model") };
        var lines = new ChunkJsonLineWriter(context.Out, context.Out.Flush);
        if (!args.Has("tools"))
        {
            await StreamOperations.DecodeAsync(request, lines, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        var tools = new ToolCallChunkSink(lines, context.Out, context.Out.Flush);
        await StreamOperations.DecodeAsync(request, tools, cancellationToken).ConfigureAwait(false);
        tools.Complete();
        context.Out.Flush();
        return ExitCodes.Ok;
    }
}
