using AgentCore.Host.Cli;

namespace AgentCore.Host.Rpc;

/// <summary>
/// <c>agentcore serve</c>: the lifecycle (initialize first, shutdown, exit) and the method table. Every method
/// other than the lifecycle is a binding of a library operation (see the Serve*.cs files beside this one).
/// </summary>
internal sealed partial class ServeSession
{
    private static readonly string[] s_encodings = ["o200k_base", "cl100k_base"];
    private static readonly string[] s_framings = ["lines", "content-length"];

    private readonly RpcServer _server;
    private volatile bool _initialized;
    private volatile bool _shutdown;

    /// <summary>Sets up the methods of <c>serve</c> on <paramref name="server"/>.</summary>
    public ServeSession(RpcServer server)
    {
        _server = server;
        server.Admit = Admit;
        server.OnNotification = OnNotification;
        server.Snapshot = () => _root;
        server.Add(RpcMethod.Create("initialize", ServeJsonContext.Default.InitializeParams, ServeJsonContext.Default.InitializeResult, Initialize, inline: true));
        server.Add(RpcMethod.Create("shutdown", ServeJsonContext.Default.Empty, ServeJsonContext.Default.Empty, Shutdown, inline: true));
        AddOperations();
    }

    /// <summary>The parity policy's switch, as the client set it in initialize.</summary>
    public bool Fixes { get; private set; }

    /// <summary>The request methods answered after initialize, in the order <c>initialize</c> lists them.</summary>
    public List<string> Methods { get; } = [];

    /// <summary>Notifications this server sends.</summary>
    public List<string> SentNotifications { get; } = [];

    private void Add(RpcMethod method)
    {
        _server.Add(method);
        Methods.Add(method.Name);
    }

    private RpcException? Admit(string method, ReadOnlyMemory<byte> parameters)
    {
        if (method == "initialize")
        {
            return _initialized ? new RpcException(RpcErrorCodes.InvalidRequest, "Invalid Request: initialize was already received") : null;
        }

        if (!_initialized)
        {
            return new RpcException(RpcErrorCodes.ServerNotInitialized, "Server not initialized: send initialize first");
        }

        return _shutdown ? new RpcException(RpcErrorCodes.InvalidRequest, "Invalid Request: the server is shutting down (shutdown was received)") : null;
    }

    private void OnNotification(string method, ReadOnlyMemory<byte> parameters)
    {
        if (method == "exit")
        {
            _server.Stop();
        }
    }

    private ValueTask<InitializeResult> Initialize(InitializeParams p, RpcCall call)
    {
        Fixes = p.Fixes;
        _initialized = true;
        var caps = new ServeCapabilities(Methods, SentNotifications, _server.Options.CancelMethod, s_framings,
            _server.Options.MaxMessageBytes, _server.Options.MaxPendingRequests);
        return ValueTask.FromResult(new InitializeResult(new ServerInfo("agentcore", CommandLine.Version), caps, s_encodings, Languages(), Fixes));
    }

    private ValueTask<Empty> Shutdown(Empty p, RpcCall call)
    {
        _shutdown = true;
        return ValueTask.FromResult(new Empty());
    }
}
