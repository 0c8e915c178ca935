namespace AgentCore.Host.Mcp;

/// <summary>What a tool call may use besides its arguments: the workspace roots it is confined to.</summary>
internal sealed class McpToolContext(Func<CancellationToken, Task<IReadOnlyList<string>>> roots)
{
    /// <summary>The workspace roots (absolute directories): from --root, else the client's roots, else the working directory.</summary>
    public Task<IReadOnlyList<string>> GetRootsAsync(CancellationToken ct) => roots(ct);
}
