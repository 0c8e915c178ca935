using System.Globalization;
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

    public override int Run(ParsedArgs args, VerbContext context)
    {
        // Phase 1: the command line alone.
        args.ExpectPositionals(1, 1);
        long contextWindow = args.GetInt64("context-window", 1) ?? throw new UsageException("'context' needs --context-window N (see 'agentcore context --help')");
        long? maxTokens = args.GetInt64("max-tokens");
        long? threshold = args.GetInt64("threshold");
        long? totalTokensFlag = args.GetInt64("total-tokens", 0);
        string path = args.Positionals[0];
        bool isFolder = Directory.Exists(path);
        if (!isFolder && totalTokensFlag is null && File.Exists(path))
        {
            throw new UsageException("'context' on an api_conversation_history.json needs --total-tokens N (or give the task folder)");
        }

        // Phase 2: read and decide.
        Conversation conversation = isFolder ? TaskStore.LoadTaskFolderHistory(path) : TaskStore.LoadApiHistoryFile(path);
        if (conversation.Count == 0)
        {
            throw new InvalidDataException($"{path}: the history has no messages (the sliding window needs at least the new user message)");
        }

        double totalTokens = totalTokensFlag ?? TaskStore.LoadTaskContextTokens(path);
        var options = new ContextWindowOptions
        {
            ContextWindow = contextWindow,
            MaxTokens = maxTokens,
            TotalTokens = totalTokens,
            AutoCondenseContext = threshold != 0,
            AutoCondenseContextPercent = 100,
            ProfileThreshold = threshold,
        };
        ContextReport report = ContextReport.Create(conversation, options);
        if (report.Assessment.InvalidProfileThreshold && options.AutoCondenseContext)
        {
            context.Error.Write(string.Create(CultureInfo.InvariantCulture,
                $"agentcore context: warning: invalid profile threshold {threshold} (use -1 or 5..100); using the global default of {options.AutoCondenseContextPercent}%\n"));
        }

        var writer = new JsJsonWriter(context.Out);
        report.WriteJson(writer);
        context.Out.Write('\n');
        conversation.Dispose();
        return ExitCodes.Ok;
    }
}
