using AgentCore.Host.Rpc;

namespace AgentCore.Host.Cli;

/// <summary>
/// <c>agentcore serve</c>: JSON-RPC 2.0 on stdin/stdout (one message per line, or LSP Content-Length framing,
/// detected from the first bytes). Protocol: docs/protocol.md. Logs go to stderr only.
/// </summary>
internal sealed class ServeVerb : Verb
{
    public override string Name => "serve";

    public override string Summary => "JSON-RPC 2.0 server on stdio (docs/protocol.md)";

    public override string Usage =>
        "Usage: agentcore serve\n\n" +
        "Serves JSON-RPC 2.0 on stdin/stdout: one JSON message per line, or LSP-style Content-Length framing\n" +
        "(detected from the first bytes; answers use the framing received). Send initialize first\n" +
        "({\"fixes\":bool,\"clientInfo\":{..}}); it lists every method. $/cancelRequest cancels a request;\n" +
        "shutdown then exit, or the end of stdin, ends the server after every request in progress is answered.\n" +
        "Messages over 64 MiB are refused; more than 256 requests in progress are answered -32001.\n" +
        "Nothing but protocol messages is written to stdout; logs go to stderr. See docs/protocol.md.\n";

    public override ReadOnlySpan<OptionSpec> Options => [];

    public override async Task<int> RunAsync(ParsedArgs args, VerbContext context, CancellationToken cancellationToken)
    {
        args.ExpectPositionals(0, 0);
        using Stream stdin = context.OpenStdin();
        using Stream stdout = StdoutStream.Open();
        var server = new RpcServer(stdin, stdout, context.Error, new RpcServerOptions { LogName = "agentcore serve" });
        using var session = new ServeSession(server);
        return await ServerHost.RunAsync(server, cancellationToken).ConfigureAwait(false);
    }
}
