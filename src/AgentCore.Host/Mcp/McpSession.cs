using System.Text.Json;
using AgentCore.Host.Cli;
using AgentCore.Host.Rpc;

namespace AgentCore.Host.Mcp;

/// <summary>
/// <c>agentcore mcp</c>: a tools-only Model Context Protocol server over the project's JSON-RPC layer. Serves the
/// initialize-based revisions 2025-06-18 and 2025-11-25 (version negotiated in initialize) and the stateless
/// revision 2026-07-28 (the version in each request's <c>_meta</c>, <c>server/discover</c>, no handshake), on one
/// process, whichever a client speaks.
/// </summary>
internal sealed partial class McpSession : IDisposable
{
    private const string Instructions =
        "AgentCore: the context engine of a coding agent. Token counts (tiktoken), file lists and regex search with " +
        "the workspace's ignore rules, file reads, code definitions and a symbol index, confined to the workspace roots.";

    private readonly RpcServer _server;
    private readonly Dictionary<string, McpTool> _tools = new(StringComparer.Ordinal);
    private readonly List<McpTool> _toolList = [];
    private readonly IReadOnlyList<string> _cliRoots;
    private readonly McpToolContext _toolContext;
    private readonly AgentCore.Symbols.SymbolIndexCache _symbols = new();
    private volatile string? _legacyVersion;
    private volatile bool _clientHasRoots;
    private Task<IReadOnlyList<string>>? _clientRoots;

    /// <summary>Sets up the MCP methods on <paramref name="server"/>; <paramref name="roots"/> from --root (absolute).</summary>
    /// <param name="server">The JSON-RPC endpoint.</param>
    /// <param name="roots">The workspace roots given on the command line (absolute), or none.</param>
    /// <param name="tools">The tools to offer; null for the product's (<see cref="McpTools.Create"/>).</param>
    public McpSession(RpcServer server, IReadOnlyList<string> roots, IEnumerable<McpTool>? tools = null)
    {
        _server = server;
        _cliRoots = roots;
        _toolContext = new McpToolContext(GetRootsAsync, _symbols);
        server.Admit = Admit;
        server.OnNotification = OnNotification;
        server.Add(RpcMethod.CreateRaw("initialize", Initialize, inline: true));
        server.Add(RpcMethod.CreateRaw("ping", Ping));
        server.Add(RpcMethod.CreateRaw("server/discover", Discover));
        server.Add(RpcMethod.CreateRaw("tools/list", ListTools));
        server.Add(RpcMethod.CreateRaw("tools/call", CallTool));
        foreach (McpTool tool in tools ?? McpTools.Create())
        {
            _tools.Add(tool.Name, tool);
            _toolList.Add(tool);
        }
    }

    /// <summary>The tools offered, in tools/list order.</summary>
    public IReadOnlyList<McpTool> Tools => _toolList;

    /// <summary>Closes the symbol indexes the tools opened.</summary>
    public void Dispose() => _symbols.Dispose();

    private RpcException? Admit(string method, ReadOnlyMemory<byte> parameters)
    {
        string? version = ReadMetaVersion(parameters.Span);
        if (version is not null && version != McpProtocol.Modern)
        {
            return UnsupportedVersion(version);
        }

        if (method == "initialize")
        {
            return _legacyVersion is null ? null : new RpcException(RpcErrorCodes.InvalidRequest, "Invalid Request: initialize was already received");
        }

        if (version is null && _legacyVersion is null && method is not ("server/discover" or "ping"))
        {
            return new RpcException(RpcErrorCodes.InvalidRequest,
                $"Invalid Request: send initialize first, or give _meta[\"io.modelcontextprotocol/protocolVersion\"] = \"{McpProtocol.Modern}\" with each request");
        }

        return null;
    }

    private static RpcException UnsupportedVersion(string requested) =>
        new(McpProtocol.UnsupportedProtocolVersion, "Unsupported protocol version", data: w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("supported"u8);
            foreach (string v in McpProtocol.Supported)
            {
                w.WriteStringValue(v);
            }

            w.WriteEndArray();
            w.WriteString("requested"u8, requested);
            w.WriteEndObject();
        });

    private void OnNotification(string method, ReadOnlyMemory<byte> parameters)
    {
        if (method == "notifications/initialized" || method == "notifications/roots/list_changed")
        {
            if (_clientHasRoots && _cliRoots.Count == 0)
            {
                _clientRoots = FetchClientRootsAsync();
            }
        }
    }

    private ValueTask Initialize(RpcCall call)
    {
        McpInitializeParams p = call.Bind(McpJsonContext.Default.McpInitializeParams);
        string version = McpProtocol.IsLegacy(p.ProtocolVersion) ? p.ProtocolVersion! : McpProtocol.LatestLegacy;
        _clientHasRoots = p.Capabilities.ValueKind == JsonValueKind.Object && p.Capabilities.TryGetProperty("roots"u8, out _);
        _legacyVersion = version;
        call.ReplyRaw(w =>
        {
            w.WriteStartObject();
            w.WriteString("protocolVersion"u8, version);
            WriteCapabilities(w);
            WriteServerInfo(w, "serverInfo"u8);
            w.WriteString("instructions"u8, Instructions);
            w.WriteEndObject();
        });
        return ValueTask.CompletedTask;
    }

    private ValueTask Ping(RpcCall call)
    {
        bool modern = IsModern(call);
        call.ReplyRaw(w =>
        {
            w.WriteStartObject();
            WriteModernHeader(w, modern);
            w.WriteEndObject();
        });
        return ValueTask.CompletedTask;
    }

    private ValueTask Discover(RpcCall call)
    {
        call.ReplyRaw(w =>
        {
            w.WriteStartObject();
            w.WriteString("resultType"u8, "complete"u8);
            w.WriteStartArray("supportedVersions"u8);
            foreach (string v in McpProtocol.Supported)
            {
                w.WriteStringValue(v);
            }

            w.WriteEndArray();
            WriteCapabilities(w);
            w.WriteStartObject("_meta"u8);
            WriteServerInfo(w, "io.modelcontextprotocol/serverInfo"u8);
            w.WriteEndObject();
            w.WriteString("instructions"u8, Instructions);
            w.WriteNumber("ttlMs"u8, McpProtocol.CacheTtlMs);
            w.WriteString("cacheScope"u8, "public"u8);
            w.WriteEndObject();
        });
        return ValueTask.CompletedTask;
    }

    private ValueTask ListTools(RpcCall call)
    {
        bool modern = IsModern(call);
        call.ReplyRaw(w =>
        {
            w.WriteStartObject();
            WriteModernHeader(w, modern);
            w.WriteStartArray("tools"u8);
            foreach (McpTool tool in _toolList)
            {
                w.WriteStartObject();
                w.WriteString("name"u8, tool.Name);
                w.WriteString("title"u8, tool.Title);
                w.WriteString("description"u8, tool.Description);
                w.WritePropertyName("inputSchema"u8);
                w.WriteRawValue(tool.InputSchema);
                w.WritePropertyName("outputSchema"u8);
                w.WriteRawValue(tool.OutputSchema);
                w.WriteStartObject("annotations"u8);
                w.WriteBoolean("readOnlyHint"u8, true);
                w.WriteBoolean("openWorldHint"u8, false);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (modern)
            {
                w.WriteNumber("ttlMs"u8, McpProtocol.CacheTtlMs);
                w.WriteString("cacheScope"u8, "public"u8);
            }

            w.WriteEndObject();
        });
        return ValueTask.CompletedTask;
    }

    private async ValueTask CallTool(RpcCall call)
    {
        McpCallParams p = call.Bind(McpJsonContext.Default.McpCallParams);
        bool modern = p.Meta?.ProtocolVersion is not null;
        if (string.IsNullOrEmpty(p.Name))
        {
            throw RpcException.InvalidParams("name", "Invalid params: name is required");
        }

        if (!_tools.TryGetValue(p.Name, out McpTool? tool))
        {
            throw new RpcException(RpcErrorCodes.InvalidParams, $"Unknown tool: {p.Name}", AgentCore.Operations.ErrorCodes.InvalidArgument, "name");
        }

        byte[] structured;
        try
        {
            structured = await tool.CallAsync(p.Arguments, _toolContext, call.Cancellation).ConfigureAwait(false);
        }
        catch (AgentCore.Operations.OperationException e)
        {
            // A failure of the operation is a tool execution error: the model sees the message and can act on it.
            call.ReplyRaw(w =>
            {
                w.WriteStartObject();
                WriteModernHeader(w, modern);
                w.WriteStartArray("content"u8);
                w.WriteStartObject();
                w.WriteString("type"u8, "text"u8);
                w.WriteString("text"u8, e.Error.Message);
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteBoolean("isError"u8, true);
                w.WriteEndObject();
            });
            return;
        }

        call.ReplyRaw(w =>
        {
            w.WriteStartObject();
            WriteModernHeader(w, modern);
            w.WriteStartArray("content"u8);
            w.WriteStartObject();
            w.WriteString("type"u8, "text"u8);
            w.WriteString("text"u8, structured);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WritePropertyName("structuredContent"u8);
            w.WriteRawValue(structured, skipInputValidation: true);
            w.WriteEndObject();
        });
    }

    private static void WriteCapabilities(Utf8JsonWriter w)
    {
        w.WriteStartObject("capabilities"u8);
        w.WriteStartObject("tools"u8);
        w.WriteBoolean("listChanged"u8, false);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteServerInfo(Utf8JsonWriter w, ReadOnlySpan<byte> property)
    {
        w.WriteStartObject(property);
        w.WriteString("name"u8, "agentcore"u8);
        w.WriteString("title"u8, "AgentCore"u8);
        w.WriteString("version"u8, CommandLine.Version);
        w.WriteEndObject();
    }

    // 2026-07-28 results carry resultType and identify the server in _meta; earlier revisions have neither.
    private static void WriteModernHeader(Utf8JsonWriter w, bool modern)
    {
        if (!modern)
        {
            return;
        }

        w.WriteString("resultType"u8, "complete"u8);
        w.WriteStartObject("_meta"u8);
        WriteServerInfo(w, "io.modelcontextprotocol/serverInfo"u8);
        w.WriteEndObject();
    }

    private static bool IsModern(RpcCall call) => ReadMetaVersion(call.Params) is not null;
}
