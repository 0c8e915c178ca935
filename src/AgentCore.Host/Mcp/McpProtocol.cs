namespace AgentCore.Host.Mcp;

/// <summary>Protocol revisions and codes of the Model Context Protocol this server speaks.</summary>
internal static class McpProtocol
{
    /// <summary>The stateless revision: no initialize; the version rides in each request's <c>_meta</c>.</summary>
    public const string Modern = "2026-07-28";

    /// <summary>The latest revision with the initialize handshake (what a legacy client asking for another gets).</summary>
    public const string LatestLegacy = "2025-11-25";

    /// <summary>The earliest revision served (structured tool output arrived in it).</summary>
    public const string EarliestLegacy = "2025-06-18";

    /// <summary>Every revision served, newest first (server/discover's supportedVersions).</summary>
    public static readonly string[] Supported = [Modern, LatestLegacy, EarliestLegacy];

    /// <summary>UnsupportedProtocolVersionError (2026-07-28).</summary>
    public const int UnsupportedProtocolVersion = -32022;

    /// <summary>How long a client may cache tools/list and server/discover (2026-07-28 CacheableResult).</summary>
    public const int CacheTtlMs = 3_600_000;

    /// <summary>True for a revision that uses the initialize handshake and is served.</summary>
    public static bool IsLegacy(string? version) => version is LatestLegacy or EarliestLegacy;
}
