using AgentCore.Operations;
using AgentCore.Workspace;

namespace AgentCore.Host.Cli;

/// <summary><c>agentcore grep [--glob G] REGEX [DIR]</c>: the extension's <c>search_files</c> output.</summary>
internal sealed class GrepVerb : Verb
{
    private static readonly OptionSpec[] s_options =
        [new("glob", TakesValue: true), new("root", TakesValue: true), new("allow-outside", TakesValue: false)];

    public override string Name => "grep";

    public override string Summary => "search files with a regex as the extension's search_files tool does";

    public override string Usage =>
        "Usage: agentcore grep [--glob G] [--root DIR] [--allow-outside] REGEX [DIR]\n\n" +
        "Prints the search_files tool's text for REGEX (ripgrep / Rust syntax) under DIR (default: the workspace\n" +
        "root): one line of context, groups separated by ----, at most 300 results, lines cut at 500 characters.\n" +
        "Paths are shown relative to the workspace root. A regex ripgrep would reject prints \"No results found\"\n" +
        "(as the reference does) and the reason on stderr. Matching is linear-time (no catastrophic backtracking).\n\n" +
        "Options:\n" +
        "  --glob G         only files matching the ripgrep glob G (the tool's file_pattern)\n" +
        "  --root DIR       the workspace root (default: the current directory)\n" +
        "  --allow-outside  allow a DIR outside the workspace root\n";

    public override ReadOnlySpan<OptionSpec> Options => s_options;

    public override async Task<int> RunAsync(ParsedArgs args, VerbContext context, CancellationToken cancellationToken)
    {
        args.ExpectPositionals(1, 2);
        var request = new SearchFilesRequest
        {
            Regex = args.Positionals[0],
            Path = args.Positionals.Count > 1 ? args.Positionals[1] : ".",
            FilePattern = args.Get("glob"),
            WorkspaceRoot = args.Get("root"),
            AllowOutsideWorkspace = args.Has("allow-outside"),
        };

        SearchFilesResult result = await WorkspaceOperations.SearchFilesAsync(request, cancellationToken).ConfigureAwait(false);

        if (result.RegexError is not null)
        {
            context.WriteError($"agentcore grep: {result.RegexError}\n");
        }

        context.Out.Write(result.Output);
        context.Out.Write('\n');
        return ExitCodes.Ok;
    }
}
