using AgentCore.ToolCalls;

namespace AgentCore.Host.Cli;

/// <summary><c>agentcore toolcalls [--custom-tool NAME]... [PATH|-]</c>: replays native tool-call stream items through the reference's assembly.</summary>
internal sealed class ToolCallsVerb : Verb
{
    private static readonly OptionSpec[] s_options = [new("custom-tool", TakesValue: true, Repeatable: true)];

    public override string Name => "toolcalls";

    public override string Summary => "native tool-call chunks -> events, partial and final tool uses";

    public override string Usage =>
        """
        Usage: agentcore toolcalls [--custom-tool NAME]... [PATH|-]

        Replays native (function-calling) tool-call stream items through the extension's assembly
        (NativeToolCallParser and Task): raw chunks become start/delta/end events, every delta a partial tool use,
        every ended call a final tool use, and the end of the stream the content blocks.

        Input: PATH, or stdin when PATH is '-' or absent; one JSON object per line (UTF-8, at most 16 MiB a line):
          {"type":"tool_call_partial","index":..,"id":..,"name":..,"arguments":..}   (as 'agentcore stream' prints it)
          {"type":"finish_reason","value":..}  {"type":"end"}  {"type":"stream_start"}
          {"type":"tool_call","id":..,"name":..,"arguments":..}                      (a complete call)
        Other chunk types (text, reasoning, usage, error) are skipped.

        Output: one JSON line per result, in the order they occur ("at" counts the input items from 0):
          {"event":{"at","type","id","name"|"delta",("dup":true)}}
          {"partial":{"at","id","toolUse"}}            (toolUse null where the extension gets none)
          {"final":{"at","id","toolUse","error"}}      (error null, unknown_tool, invalid_json, missing_native_args,
                                                        invalid_mcp_name, exception or no_state)
          {"blocks":{"at","blocks":[..]}}              (after each end item)

        Options:
          --custom-tool NAME   a tool registered in the extension's custom-tool registry (repeatable)

        A malformed line fails with its line number (exit 1).

        """;

    public override ReadOnlySpan<OptionSpec> Options => s_options;

    public override async Task<int> RunAsync(ParsedArgs args, VerbContext context, CancellationToken cancellationToken)
    {
        args.ExpectPositionals(0, 1);
        string path = args.Positionals.Count == 0 ? "-" : args.Positionals[0];
        using Stream? stdin = context.StdinFor(path);
        var request = new ToolCallReplayRequest { Path = path, Input = stdin, CustomTools = args.GetAll("custom-tool") };
        await ToolCallOperations.ReplayAsync(request, new ToolCallJsonLineWriter(context.Out), cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
