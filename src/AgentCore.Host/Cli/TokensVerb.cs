using AgentCore.Tokenization;

namespace AgentCore.Host.Cli;

/// <summary>
/// <c>agentcore tokens [--encoding E] [--ids] [PATH ...]</c>: tiktoken counts (or ids) of files or stdin,
/// one <c>&lt;count&gt;\t&lt;path&gt;</c> line per input and a total line for 2+ inputs. Files are read and counted
/// in parallel across cores by the library; output keeps the command-line order.
/// </summary>
internal sealed class TokensVerb : Verb
{
    private static readonly OptionSpec[] s_options = [new("encoding", TakesValue: true), new("ids", TakesValue: false)];
    private static readonly string[] s_encodings = ["o200k_base", "cl100k_base"];

    public override string Name => "tokens";

    public override string Summary => "count tokens (tiktoken o200k_base / cl100k_base) of files or stdin";

    public override string Usage =>
        "Usage: agentcore tokens [--encoding o200k_base|cl100k_base] [--ids] [PATH ...]\n\n" +
        "Counts tokens exactly as tiktoken's encode_ordinary does: special-token text such as <|endoftext|> is\n" +
        "ordinary text; input is UTF-8 (invalid bytes count as U+FFFD; a BOM is text). Reads stdin when no PATH\n" +
        "is given or PATH is '-'.\n\n" +
        "Output: one line per input, \"<count>\\t<path>\" (\"-\" for stdin), then \"<sum>\\ttotal\" when there are\n" +
        "2 or more inputs. With --ids the count is replaced by the token ids, space-separated.\n\n" +
        "Options:\n" +
        "  --encoding E   o200k_base (default) or cl100k_base\n" +
        "  --ids          print token ids instead of counts\n";

    public override ReadOnlySpan<OptionSpec> Options => s_options;

    public override async Task<int> RunAsync(ParsedArgs args, VerbContext context, CancellationToken cancellationToken)
    {
        string encoding = args.GetChoice("encoding", s_encodings) ?? "o200k_base";
        bool ids = args.Has("ids");
        string[] paths = args.Positionals.Count == 0 ? ["-"] : [.. args.Positionals];
        using Stream? stdin = Array.IndexOf(paths, "-") >= 0 ? context.OpenStdin() : null;
        var request = new CountTokensRequest { Encoding = encoding, Paths = paths, Ids = ids, Stdin = stdin };

        long total = 0;
        int failures = 0;
        if (ids)
        {
            // Ids stream out block by block as they are encoded: a closed pipe stops the work at once.
            var writer = new IdWriter(context.Out);
            await TokenOperations.EncodeEachAsync(request, writer, input =>
            {
                if (input.Error is not null)
                {
                    context.WriteError($"agentcore tokens: {input.Error.Message}\n");
                    failures++;
                }
                else
                {
                    context.Out.Write('\t');
                    context.Out.Write(input.Path);
                    context.Out.Write('\n');
                    total += input.Count;
                }

                writer.First = true;
            }, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // Each result is written as its batch completes: a closed pipe cancels the rest at once.
            await foreach (TokenCount input in TokenOperations.CountEachAsync(request, cancellationToken).ConfigureAwait(false))
            {
                if (input.Error is not null)
                {
                    context.WriteError($"agentcore tokens: {input.Error.Message}\n");
                    failures++;
                    continue;
                }

                context.Out.Write(input.Count);
                context.Out.Write('\t');
                context.Out.Write(input.Path);
                context.Out.Write('\n');
                total += input.Count;
            }
        }

        if (paths.Length >= 2)
        {
            context.Out.Write(total);
            context.Out.Write("\ttotal\n");
        }

        return failures == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }

    /// <summary>Writes ids space-separated to stdout as the tokenizer hands them out.</summary>
    private sealed class IdWriter(Utf8Output output) : ITokenIdSink
    {
        /// <summary>True until the first id of the current input is written.</summary>
        public bool First { get; set; } = true;

        public void Write(ReadOnlySpan<int> ids)
        {
            foreach (int id in ids)
            {
                if (!First)
                {
                    output.Write(' ');
                }

                First = false;
                output.Write(id);
            }

            // One write per block of ids: a closed pipe is seen at once and stops the encoding.
            output.Flush();
        }
    }
}
