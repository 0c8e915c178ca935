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

    public override int Run(ParsedArgs args, VerbContext context)
    {
        args.ExpectPositionals(0, 1);
        int chunk = (int)(args.GetInt64("chunk", 1, int.MaxValue) ?? int.MaxValue);
        bool finalize = args.Has("finalize");
        bool fixes = args.Has("fixes");
        string path = args.Positionals.Count == 0 ? "-" : args.Positionals[0];

        // Read as bytes, then decode (invalid UTF-8 becomes U+FFFD; a BOM stays a U+FEFF character of the text).
        byte[] bytes;
        if (path == "-")
        {
            using Stream stdin = context.OpenStdin();
            using var copy = new MemoryStream();
            stdin.CopyTo(copy);
            bytes = copy.ToArray();
        }
        else
        {
            bytes = File.ReadAllBytes(path);
        }

        string text = VerbContext.Utf8NoBom.GetString(bytes);

        var parser = new AssistantMessageParser(fixes);
        try
        {
            for (int pos = 0; pos < text.Length;)
            {
                int n = Math.Min(chunk, text.Length - pos);
                parser.ProcessChunk(text.AsSpan(pos, n));
                pos += n;
            }
        }
        catch (AssistantMessageTooLargeException e)
        {
            context.Error.Write($"agentcore parse: {e.Message}\n");
            return ExitCodes.Failure;
        }

        if (finalize)
        {
            parser.FinalizeContentBlocks();
        }

        AssistantMessageJson.Write(new JsJsonWriter(context.Out), parser.Blocks);
        context.Out.Write('\n');
        return ExitCodes.Ok;
    }
}
