using AgentCore.Conversations;
using AgentCore.Json;

namespace AgentCore.Host.Cli;

/// <summary><c>agentcore context</c>: the extension's sliding-window decision for a task or an API history file.</summary>
internal sealed class ContextVerb : Verb
{
    private static readonly OptionSpec[] s_options =
    [
        new("context-window", TakesValue: true),
        new("max-tokens", TakesValue: true),
        new("threshold", TakesValue: true),
        new("total-tokens", TakesValue: true),
    ];

    public override string Name => "context";

    public override string Summary => "the extension's sliding-window / condense decision for a conversation";

    public override string Usage =>
        """
        Usage: agentcore context --context-window N [--max-tokens N] [--threshold P] [--total-tokens N] PATH

        PATH is a task folder (api_conversation_history.json, or a legacy claude_messages.json, and
        ui_messages.json, from which totalTokens is computed as the extension does) or an
        api_conversation_history.json file (then --total-tokens is required).

        Prints one JSON object:
          {"messageTokens":[..],"totalTokens":N,"prevContextTokens":N,"allowedTokens":X,
           "decision":"none"|"condense"|"truncate","keptIndices":[..]|null}

        Options (mapped to the extension's settings; auto-condense is on with the global threshold 100 %):
          --context-window N   the model's context window (required)
          --max-tokens N       the model's max output tokens (default: none, which reserves 8192; 0 also does)
          --threshold P        the current profile's condense threshold: -1 uses the global one, 5..100 is used
                               as given, 0 turns auto-condense off; other values warn and use the global one
          --total-tokens N     the previous request's context tokens (0: first request, nothing is reduced);
                               with a task folder it replaces the figure computed from ui_messages.json

        """;

    public override ReadOnlySpan<OptionSpec> Options => s_options;

    public override async Task<int> RunAsync(ParsedArgs args, VerbContext context, CancellationToken cancellationToken)
    {
        args.ExpectPositionals(1, 1);
        var request = new AssessContextRequest
        {
            Path = args.Positionals[0],
            ContextWindow = args.GetInt64("context-window", 1) ?? throw new UsageException("'context' needs --context-window N (see 'agentcore context --help')"),
            MaxTokens = args.GetInt64("max-tokens"),
            Threshold = args.GetInt64("threshold"),
            TotalTokens = args.GetInt64("total-tokens", 0),
        };
        AssessContextResult result = await ConversationOperations.AssessContextAsync(request, cancellationToken).ConfigureAwait(false);
        foreach (string warning in result.Warnings)
        {
            context.WriteError($"agentcore context: warning: {warning}\n");
        }

        result.WriteJson(new JsJsonWriter(context.Out));
        context.Out.Write('\n');
        return ExitCodes.Ok;
    }
}
