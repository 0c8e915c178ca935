using AgentCore.Operations;
using AgentCore.Symbols;

namespace AgentCore.Host.Cli;

/// <summary>
/// <c>agentcore defs [--max-lines N] PATH</c>: the reference's <c>list_code_definition_names</c> text for a file or a
/// directory (tree-sitter grammars linked into the binary). The text goes to stdout byte for byte; the reference's
/// failure sentences (missing path, unsupported language, not a file or directory) go to stderr with exit 1.
/// </summary>
internal sealed class DefsVerb : Verb
{
    private static readonly OptionSpec[] s_options = [new("max-lines", TakesValue: true)];

    public override string Name => "defs";

    public override string Summary => "code definitions of a file or directory (the extension's list_code_definition_names)";

    public override string Usage =>
        "Usage: agentcore defs [--max-lines N] PATH\n\n" +
        "Prints the extension's list_code_definition_names output: for a file, \"# name\" and one\n" +
        "\"START--END | first line\" per definition of 4+ lines; for a directory, the same for its first 50 source\n" +
        "files (Markdown first). Grammars: TypeScript/TSX, JavaScript/JSON, Python, Rust, Go, Java, C, C++, C#, Ruby,\n" +
        "PHP; Markdown headings.\n\n" +
        "Options:\n" +
        "  --max-lines N  the extension's maxReadFileLine: drop file definitions starting after line N\n";

    public override ReadOnlySpan<OptionSpec> Options => s_options;

    public override async Task<int> RunAsync(ParsedArgs args, VerbContext context, CancellationToken cancellationToken)
    {
        args.ExpectPositionals(1, 1);
        int maxLines = (int)(args.GetInt64("max-lines", 0, int.MaxValue) ?? -1);
        DefinitionsResult result = await DefinitionsOperations.ListDefinitionsAsync(new DefinitionsRequest(args.Positionals[0], maxLines), cancellationToken).ConfigureAwait(false);

        if (result.Status == DefinitionsStatus.Failed)
        {
            context.WriteError($"agentcore defs: {result.Text}\n");
            return ExitCodes.Failure;
        }

        context.Out.Write(result.Text);
        return ExitCodes.Ok;
    }
}
