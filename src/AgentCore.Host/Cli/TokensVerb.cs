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

    public override int Run(ParsedArgs args, VerbContext context)
    {
        string encoding = args.GetChoice("encoding", s_encodings) ?? "o200k_base";
        bool ids = args.Has("ids");
        string[] paths = args.Positionals.Count == 0 ? ["-"] : [.. args.Positionals];

        byte[] stdin = [];
        if (Array.IndexOf(paths, "-") >= 0)
        {
            using var buffer = new MemoryStream();
            using (Stream s = context.OpenStdin())
            {
                s.CopyTo(buffer);
            }

            stdin = buffer.ToArray();
        }

        TokenInputResult[] results = TokenInputs.CountAll(Tokenizer.Get(encoding), paths, stdin, ids);

        long total = 0;
        int failures = 0;
        for (int i = 0; i < paths.Length; i++)
        {
            TokenInputResult r = results[i];
            if (r.Error is not null)
            {
                context.Error.Write($"agentcore tokens: {paths[i]}: {r.Error}\n");
                failures++;
                continue;
            }

            if (ids)
            {
                ReadOnlySpan<int> tokenIds = r.Ids.Span;
                for (int k = 0; k < tokenIds.Length; k++)
                {
                    if (k > 0)
                    {
                        context.Out.Write(' ');
                    }

                    context.Out.Write(tokenIds[k]);
                }
            }
            else
            {
                context.Out.Write(r.Count);
            }

            context.Out.Write('\t');
            context.Out.Write(paths[i]);
            context.Out.Write('\n');
            total += r.Count;
        }

        if (paths.Length >= 2)
        {
            context.Out.Write(total);
            context.Out.Write("\ttotal\n");
        }

        return failures == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }
}
