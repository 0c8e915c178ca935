using AgentCore.Operations;
using AgentCore.Workspace;

namespace AgentCore.Host.Cli;

/// <summary><c>agentcore files [--recursive] [--limit N] [DIR]</c>: the extension's <c>list_files</c> output.</summary>
internal sealed class FilesVerb : Verb
{
    private static readonly OptionSpec[] s_options =
    [
        new("recursive", TakesValue: false), new("limit", TakesValue: true), new("root", TakesValue: true),
        new("allow-outside", TakesValue: false), new("show-ignored", TakesValue: false),
    ];

    public override string Name => "files";

    public override string Summary => "list a directory as the extension's list_files tool does";

    public override string Usage =>
        "Usage: agentcore files [--recursive] [--limit N] [--root DIR] [--allow-outside] [--show-ignored] [DIR]\n\n" +
        "Prints the list_files tool's text for DIR (default: the workspace root): ripgrep's file list with the\n" +
        "extension's ignored directories and .gitignore rules, its directory scan, sorting, truncation notice and\n" +
        ".rooignore markers (🔒 with --show-ignored, 🛡️ for protected files).\n\n" +
        "Options:\n" +
        "  --recursive      list the whole tree (default: DIR's own entries)\n" +
        "  --limit N        at most N entries (default 200, the tool's limit)\n" +
        "  --root DIR       the workspace root (default: the current directory); .rooignore is read from it\n" +
        "  --allow-outside  allow a DIR outside the workspace root\n" +
        "  --show-ignored   show .rooignore'd entries with a 🔒 instead of leaving them out\n";

    public override ReadOnlySpan<OptionSpec> Options => s_options;

    public override async Task<int> RunAsync(ParsedArgs args, VerbContext context, CancellationToken cancellationToken)
    {
        args.ExpectPositionals(0, 1);
        var request = new ListFilesRequest
        {
            Path = args.Positionals.Count == 0 ? "." : args.Positionals[0],
            Recursive = args.Has("recursive"),
            Limit = (int)(args.GetInt64("limit", 0, int.MaxValue) ?? 200),
            WorkspaceRoot = args.Get("root"),
            AllowOutsideWorkspace = args.Has("allow-outside"),
            ShowRooIgnoredFiles = args.Has("show-ignored"),
        };

        ListFilesResult result = await WorkspaceOperations.ListFilesAsync(request, cancellationToken).ConfigureAwait(false);

        foreach (WalkSkip s in result.Skipped)
        {
            context.WriteError($"agentcore files: {s.Path}: {s.Reason}\n");
        }

        context.Out.Write(result.Output);
        context.Out.Write('\n');
        return ExitCodes.Ok;
    }
}
