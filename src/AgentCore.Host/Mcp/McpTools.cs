namespace AgentCore.Host.Mcp;

/// <summary>
/// The tools of <c>agentcore mcp</c>, each a binding of one library operation (the McpTools.*.cs files). A tool is
/// listed only once its operation exists in the library.
/// </summary>
internal static partial class McpTools
{
    /// <summary>Every tool, in tools/list order (deterministic, as 2026-07-28 asks).</summary>
    public static List<McpTool> Create()
    {
        var tools = new List<McpTool> { CountTokens(), ListFiles(), SearchFiles(), ReadFile(), ListCodeDefinitionNames(), FindSymbol() };
        return tools;
    }
}
