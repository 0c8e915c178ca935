namespace AgentCore.ToolCalls;

/// <summary>
/// A tool use as the reference's native parser returns it: a <c>tool_use</c> (<c>ToolUse</c>) or, for dynamic MCP
/// tools, an <c>mcp_tool_use</c> (<c>McpToolUse</c>). Serialised by <see cref="ToolCallJson.WriteToolUse"/> with the
/// reference's key order; absent members are omitted.
/// </summary>
/// <remarks>
/// A partial returned while a call streams may be the same instance as the previous partial, updated in place (its
/// open string grows); it is valid until the next delta of that call.
/// </remarks>
public sealed class ToolUse
{
    /// <summary>True for an <c>mcp_tool_use</c>.</summary>
    public bool IsMcp { get; init; }

    /// <summary>The tool name (after alias resolution; the normalised <c>mcp--server--tool</c> name for MCP).</summary>
    public required string Name { get; init; }

    /// <summary>The <c>params</c> object (string values; tool_use only).</summary>
    public JsObject Params { get; init; } = new();

    /// <summary>True while the call is still streaming.</summary>
    public bool Partial { get; set; }

    /// <summary>The typed arguments (<c>nativeArgs</c>), or absent.</summary>
    public JsValue? NativeArgs { get; init; }

    /// <summary>The name as the model sent it, when an alias was resolved.</summary>
    public string? OriginalName { get; init; }

    /// <summary>True when read_file's legacy <c>files</c> form was used.</summary>
    public bool UsedLegacyFormat { get; init; }

    /// <summary>The tool call id (set by the consumer for tool_use; part of the parser's result for MCP).</summary>
    public string? Id { get; set; }

    /// <summary>The MCP server name (MCP only).</summary>
    public string? ServerName { get; init; }

    /// <summary>The MCP tool name (MCP only).</summary>
    public string? ToolName { get; init; }

    /// <summary>The MCP arguments, every key (MCP only).</summary>
    public JsValue? Arguments { get; init; }

    /// <summary>True while this partial may be returned again, updated in place, for the next delta of its call.</summary>
    internal bool Reusable { get; set; }

    /// <summary>The consumer's placeholder block for a call that just started: the raw name, empty params, partial.</summary>
    public static ToolUse Placeholder(string id, string rawName) => new() { Name = rawName, Partial = true, Id = id };
}
