using AgentCore.Host.Mcp;
using AgentCore.Host.Rpc;

namespace AgentCore.Host.Cli;

/// <summary>
/// <c>agentcore mcp [--root DIR]...</c>: a Model Context Protocol server on stdio (revisions 2025-06-18, 2025-11-25,
/// 2026-07-28). Tools read only inside the roots: --root, else the client's roots, else the working directory.
/// </summary>
internal sealed class McpVerb : Verb
{
    private static readonly OptionSpec[] s_options = [new("root", TakesValue: true, Repeatable: true)];

    public override string Name => "mcp";

    public override string Summary => "Model Context Protocol server on stdio (tools; docs/protocol.md)";

    public override string Usage =>
        "Usage: agentcore mcp [--root DIR]...\n\n" +
        "Serves the Model Context Protocol on stdin/stdout (one JSON-RPC message per line), revisions 2025-06-18\n" +
        "and 2025-11-25 (initialize handshake) and 2026-07-28 (server/discover, the version in each request's _meta).\n" +
        "Tools: see tools/list. Files are read only inside the workspace roots: each --root DIR, else the roots the\n" +
        "client offers, else the working directory. Logs go to stderr. See docs/protocol.md.\n\n" +
        "Options:\n" +
        "  --root DIR   a workspace root (repeatable)\n";

    public override ReadOnlySpan<OptionSpec> Options => s_options;

    public override async Task<int> RunAsync(ParsedArgs args, VerbContext context, CancellationToken cancellationToken)
    {
        args.ExpectPositionals(0, 0);
        var roots = new List<string>();
        foreach (string root in args.GetAll("root"))
        {
            string full = Path.GetFullPath(root);
            if (!Directory.Exists(full))
            {
                throw new UsageException($"mcp: --root {root}: no such directory");
            }

            roots.Add(full);
        }

        using Stream stdin = context.OpenStdin();
        using Stream stdout = StdoutStream.Open();
        var server = new RpcServer(stdin, stdout, context.Error, new RpcServerOptions
        {
            LogName = "agentcore mcp",
            CancelMethod = "notifications/cancelled",
            CancelIdField = "requestId",
            AnswerCancelledRequests = false,
        });
        using var session = new McpSession(server, roots);
        return await ServerHost.RunAsync(server, cancellationToken).ConfigureAwait(false);
    }
}
