using AgentCore.Conversations;

namespace AgentCore.Host.Cli;

/// <summary><c>agentcore estimate [PATH|-]</c>: the extension's token estimate of a JSON array of content blocks.</summary>
internal sealed class EstimateVerb : Verb
{
    public override string Name => "estimate";

    public override string Summary => "the extension's token estimate of a JSON array of content blocks";

    public override string Usage =>
        "Usage: agentcore estimate [PATH|-]\n\n" +
        "Reads a JSON array of content blocks (stdin when no PATH or '-') and prints the extension's estimate as\n" +
        "one integer: text blocks counted with o200k_base, images ceil(sqrt(base64 length)) or 300 without data,\n" +
        "other blocks 0; the sum times 1.5, rounded up.\n";

    public override ReadOnlySpan<OptionSpec> Options => [];

    public override async Task<int> RunAsync(ParsedArgs args, VerbContext context, CancellationToken cancellationToken)
    {
        args.ExpectPositionals(0, 1);
        string path = args.Positionals.Count == 0 ? "-" : args.Positionals[0];
        using Stream? stdin = context.StdinFor(path);
        EstimateTokensResult result = await ConversationOperations.EstimateTokensAsync(new EstimateTokensRequest { Path = path, Input = stdin }, cancellationToken).ConfigureAwait(false);
        context.Out.Write(result.Tokens);
        context.Out.Write('\n');
        return ExitCodes.Ok;
    }
}
