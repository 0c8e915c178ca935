using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentCore.Host.Mcp;

/// <summary>The request <c>_meta</c> fields this server reads (revision 2026-07-28 carries the version per request).</summary>
public sealed record McpMeta(
    [property: JsonPropertyName("io.modelcontextprotocol/protocolVersion")] string? ProtocolVersion = null);

/// <summary>Params of any MCP request without other fields of interest (<c>tools/list</c>, <c>ping</c>, <c>server/discover</c>).</summary>
public sealed record McpRequestParams(
    [property: JsonPropertyName("_meta")] McpMeta? Meta = null,
    string? Cursor = null);

/// <summary>An implementation's name and version (<c>clientInfo</c>).</summary>
public sealed record McpImplementation(string? Name = null, string? Version = null);

/// <summary>Params of <c>initialize</c> (revisions 2025-06-18 and 2025-11-25).</summary>
public sealed record McpInitializeParams(
    string? ProtocolVersion = null,
    JsonElement Capabilities = default,
    McpImplementation? ClientInfo = null);

/// <summary>Params of <c>tools/call</c>.</summary>
public sealed record McpCallParams(
    string? Name = null,
    JsonElement Arguments = default,
    [property: JsonPropertyName("_meta")] McpMeta? Meta = null);

/// <summary>One root the client offers (<c>roots/list</c>).</summary>
public sealed record McpRoot(string? Uri = null, string? Name = null);

/// <summary>The result of <c>roots/list</c>.</summary>
public sealed record McpRootsResult(IReadOnlyList<McpRoot>? Roots = null);
