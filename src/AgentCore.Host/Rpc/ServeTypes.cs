namespace AgentCore.Host.Rpc;

/// <summary>The client's name and version, as sent in <c>initialize</c>.</summary>
public sealed record ClientInfo(string? Name = null, string? Version = null);

/// <summary>Params of <c>initialize</c>.</summary>
/// <param name="Fixes">The parity policy's switch: corrected forms of plainly defective reference behaviour.</param>
/// <param name="ClientInfo">Who is calling (logged nowhere; for the client's own diagnostics).</param>
public sealed record InitializeParams(bool Fixes = false, ClientInfo? ClientInfo = null);

/// <summary>The server's name and version.</summary>
public sealed record ServerInfo(string Name, string Version);

/// <summary>What the server offers, as <c>initialize</c> reports it.</summary>
/// <param name="Methods">Every request method answered after initialize.</param>
/// <param name="Notifications">Notifications the server sends (e.g. <c>chat/chunk</c>).</param>
/// <param name="Cancellation">The cancellation notification the server honours.</param>
/// <param name="Framings">Message framings accepted: <c>lines</c> and <c>content-length</c>.</param>
/// <param name="MaxMessageBytes">The largest message read.</param>
/// <param name="MaxPendingRequests">Requests in progress at once before -32001.</param>
public sealed record ServeCapabilities(
    IReadOnlyList<string> Methods,
    IReadOnlyList<string> Notifications,
    string Cancellation,
    IReadOnlyList<string> Framings,
    int MaxMessageBytes,
    int MaxPendingRequests);

/// <summary>Result of <c>initialize</c>.</summary>
public sealed record InitializeResult(
    ServerInfo ServerInfo,
    ServeCapabilities Capabilities,
    IReadOnlyList<string> Encodings,
    IReadOnlyList<string> Languages,
    bool Fixes);

/// <summary>An empty params or result object (<c>shutdown</c>).</summary>
public sealed record Empty;

/// <summary>Params of <c>workspace/open</c>: the directory every later file-reading method is confined to.</summary>
public sealed record WorkspaceOpenParams(string Root);

/// <summary>Result of <c>workspace/open</c>: the root as resolved (absolute, normalized).</summary>
public sealed record WorkspaceOpenResult(string Root);
