using AgentCore.Operations;
using AgentCore.Workspace;

namespace AgentCore.Host.Cli;

/// <summary><c>agentcore read [--start N] [--end M] PATH</c>: the extension's <c>read_file</c> output.</summary>
internal sealed class ReadVerb : Verb
{
    private static readonly OptionSpec[] s_options =
    [
        new("start", TakesValue: true), new("end", TakesValue: true), new("mode", TakesValue: true), new("offset", TakesValue: true),
        new("limit", TakesValue: true), new("root", TakesValue: true), new("allow-outside", TakesValue: false),
    ];

    private static readonly string[] s_modes = ["slice", "indentation"];

    public override string Name => "read";

    public override string Summary => "read a file as the extension's read_file tool shows it";

    public override string Usage =>
        "Usage: agentcore read [--start N] [--end M] [--root DIR] [--allow-outside] PATH\n" +
        "       agentcore read --mode slice [--offset N] [--limit N] PATH\n\n" +
        "Prints the read_file tool's text for PATH. Default: the classic XML form (<files><file><path>...,\n" +
        "numbered lines, <content lines=\"S-E\">, empty-file and binary notices). --mode slice: the 2026 form\n" +
        "(File: PATH, \"n | text\" lines cut at 2,000 characters, the truncation header).\n\n" +
        "Options:\n" +
        "  --start N, --end M  classic form: lines N..M (1-based, inclusive)\n" +
        "  --mode slice        the 2026 form (indentation mode is not built)\n" +
        "  --offset N          2026 form: first line (default 1)\n" +
        "  --limit N           2026 form: at most N lines (default 2000)\n" +
        "  --root DIR          the workspace root (default: the current directory)\n" +
        "  --allow-outside     allow a PATH outside the workspace root\n";

    public override ReadOnlySpan<OptionSpec> Options => s_options;

    public override async Task<int> RunAsync(ParsedArgs args, VerbContext context, CancellationToken cancellationToken)
    {
        args.ExpectPositionals(1, 1);
        string? mode = args.GetChoice("mode", s_modes);
        if (mode is null && (args.Has("offset") || args.Has("limit")))
        {
            throw new UsageException("options '--offset' and '--limit' need '--mode slice'");
        }

        if (mode is not null && (args.Has("start") || args.Has("end")))
        {
            throw new UsageException("options '--start' and '--end' belong to the classic form; use '--offset' and '--limit' with '--mode'");
        }

        var request = new ReadFileRequest
        {
            Path = args.Positionals[0],
            StartLine = (int?)args.GetInt64("start", 1, int.MaxValue),
            EndLine = (int?)args.GetInt64("end", 1, int.MaxValue),
            Mode = mode,
            Offset = (int)(args.GetInt64("offset", int.MinValue, int.MaxValue) ?? 1),
            Limit = (int)(args.GetInt64("limit", 1, int.MaxValue) ?? ReadFileRequest.DefaultLimit),
            WorkspaceRoot = args.Get("root"),
            AllowOutsideWorkspace = args.Has("allow-outside"),
        };

        ReadFileResult result = await WorkspaceOperations.ReadFileAsync(request, cancellationToken).ConfigureAwait(false);

        context.Out.Write(result.Output);
        context.Out.Write('\n');
        return ExitCodes.Ok;
    }
}
