using AgentCore.Json;
using AgentCore.Parsing;

namespace AgentCore.Host.Cli;

/// <summary>
/// <c>agentcore parse [--chunk N] [--finalize] [--fixes] [PATH|-]</c>: assistant text to the reference parser's blocks,
/// as one JSON array after all input was fed.
/// </summary>
internal sealed class ParseVerb : Verb
{
    private static readonly OptionSpec[] s_options = [new("chunk", true), new("finalize", false), new("fixes", false)];

    public override string Name => "parse";

    public override string Summary => "assistant text -> JSON array of text / tool_use blocks";

    public override string Usage =>
        """
        Usage: agentcore parse [--chunk N] [--finalize] [--fixes] [PATH|-]

        Parses an assistant message in the extension's XML tool-use format (<read_file><path>a.ts</path></read_file>)
        exactly as its incremental parser does, and prints the blocks after all input was fed, as one JSON array:
          {"type":"text","content":..,"partial":..}
          {"type":"tool_use","name":..,"params":{..},"partial":..}     (params in first-appearance order)

        Input: PATH, or stdin when PATH is '-' or absent; read as UTF-8.

        Options:
          --chunk N    feed the text N UTF-16 code units at a time, as a JavaScript string slice would (a chunk may
                       end between the two halves of a surrogate pair); default: the whole text at once
          --finalize   apply the parser's finalize step first (every block becomes non-partial)
          --fixes      correct the reference's known defects (docs/parity.md): a <path> tag inside a write_to_file's
                       content no longer overwrites the tool's path

        A message over 1,048,576 UTF-16 code units fails with the reference's error (exit 1).

        """;

    public override ReadOnlySpan<OptionSpec> Options => s_options;

    public override async Task<int> RunAsync(ParsedArgs args, VerbContext context, CancellationToken cancellationToken)
    {
        args.ExpectPositionals(0, 1);
        int? chunk = (int?)args.GetInt64("chunk", 1, int.MaxValue);
        string path = args.Positionals.Count == 0 ? "-" : args.Positionals[0];
        using Stream? stdin = context.StdinFor(path);
        var request = new ParseRequest { Path = path, Input = stdin, Chunk = chunk, Finalize = args.Has("finalize"), Fixes = args.Has("fixes") };
        ParseResult result = await ParseOperations.ParseAsync(request, cancellationToken).ConfigureAwait(false);
        AssistantMessageJson.Write(new JsJsonWriter(context.Out), result.Blocks);
        context.Out.Write('\n');
        return ExitCodes.Ok;
    }
}
