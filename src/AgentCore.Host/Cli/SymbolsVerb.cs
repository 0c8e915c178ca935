using System.Globalization;
using System.Text.Json;
using AgentCore.Operations;
using AgentCore.Symbols;

namespace AgentCore.Host.Cli;

/// <summary><c>agentcore symbols [--json] [--limit N] [--snapshot FILE] QUERY [DIR]</c>: symbol lookup in a
/// directory's index (updated first when files changed): exact, prefix, substring, fuzzy, best first.</summary>
internal sealed class SymbolsVerb : Verb
{
    private static readonly OptionSpec[] s_options = [new("json", TakesValue: false), new("limit", TakesValue: true), new("snapshot", TakesValue: true)];

    public override string Name => "symbols";

    public override string Summary => "find symbols by name in a directory's index (exact, prefix, substring, fuzzy)";

    public override string Usage =>
        "Usage: agentcore symbols [--json] [--limit N] [--snapshot FILE] QUERY [DIR]\n\n" +
        "Looks QUERY up in the symbol index of DIR (default: the current directory), updating the index first.\n" +
        "Scores: exact 1.0, prefix 0.8, substring 0.7, fuzzy (characters in order) 0.5; ASCII case-insensitive.\n" +
        "Output: one line per match, \"score<TAB>kind<TAB>name<TAB>path:start-end\"; --json prints a JSON array of\n" +
        "{name, kind, path, startLine, endLine, score}. --limit N caps the matches (default 50).\n";

    public override ReadOnlySpan<OptionSpec> Options => s_options;

    public override async Task<int> RunAsync(ParsedArgs args, VerbContext context, CancellationToken cancellationToken)
    {
        args.ExpectPositionals(1, 2);
        int limit = (int)(args.GetInt64("limit", 1, 1_000_000) ?? 50);
        string root = args.Positionals.Count == 2 ? args.Positionals[1] : ".";
        SymbolsResult result = await SymbolIndexOperations.FindSymbolsAsync(new SymbolsRequest(args.Positionals[0], root, limit, args.Get("snapshot")), cancellationToken).ConfigureAwait(false);

        if (args.Has("json"))
        {
            context.Out.Write(JsonSerializer.Serialize([.. result.Matches], SymbolsJsonContext.Default.ListSymbolMatch));
            context.Out.Write('\n');
            return ExitCodes.Ok;
        }

        foreach (SymbolMatch m in result.Matches)
        {
            context.Out.Write(string.Create(CultureInfo.InvariantCulture, $"{m.Score:0.0}\t{m.Kind}\t{m.Name}\t{m.Path}:{m.StartLine}-{m.EndLine}\n"));
        }

        return ExitCodes.Ok;
    }
}
