using System.Globalization;
using AgentCore.Operations;
using AgentCore.Symbols;

namespace AgentCore.Host.Cli;

/// <summary><c>agentcore index [--snapshot FILE] [DIR]</c>: builds or updates the symbol index of a directory and
/// prints its figures (files, symbols, seconds, peak memory); skipped files are listed on stderr with the reason.</summary>
internal sealed class IndexVerb : Verb
{
    private static readonly OptionSpec[] s_options = [new("snapshot", TakesValue: true)];

    public override string Name => "index";

    public override string Summary => "build or update the symbol index of a directory (tree-sitter, incremental)";

    public override string Usage =>
        "Usage: agentcore index [--snapshot FILE] [DIR]\n\n" +
        "Indexes the definitions of DIR (default: the current directory) with the tree-sitter grammars and writes a\n" +
        "snapshot (default: ~/.cache/agentcore/index/). A later run re-parses only files whose length or modification\n" +
        "time changed. Prints files, symbols, seconds and peak memory.\n";

    public override ReadOnlySpan<OptionSpec> Options => s_options;

    public override async Task<int> RunAsync(ParsedArgs args, VerbContext context, CancellationToken cancellationToken)
    {
        args.ExpectPositionals(0, 1);
        string root = args.Positionals.Count == 1 ? args.Positionals[0] : ".";
        IndexResult result = await SymbolIndexOperations.IndexAsync(new IndexRequest(root, args.Get("snapshot")), cancellationToken).ConfigureAwait(false);

        foreach (SkippedFile s in result.SkippedFiles)
        {
            context.WriteError($"agentcore index: skipped {s.Path}: {s.Reason}\n");
        }

        IndexStatistics st = result.Statistics;
        context.Out.Write(string.Create(CultureInfo.InvariantCulture,
            $"files: {st.Files} (parsed {st.Parsed}, reused {st.Reused}, skipped {st.Skipped})\nsymbols: {st.Symbols}\nseconds: {st.Seconds:0.000}\npeak memory: {result.PeakMemoryBytes / 1048576.0:0.0} MB\nsnapshot: {st.SnapshotPath} (loaded in {st.SnapshotLoadSeconds * 1000:0.0} ms)\n"));
        return ExitCodes.Ok;
    }
}
