namespace AgentCore.ToolCalls;

/// <summary>Why a finalisation returned no tool use (the parity vectors' <c>error</c> kinds).</summary>
public enum ToolCallErrorKind
{
    /// <summary>A tool use was returned.</summary>
    None,

    /// <summary>The name is neither a known tool nor a registered custom tool (<c>unknown_tool</c>).</summary>
    UnknownTool,

    /// <summary>The argument text is not strict JSON (<c>invalid_json</c>).</summary>
    InvalidJson,

    /// <summary>The arguments lack what the tool needs (<c>missing_native_args</c>).</summary>
    MissingNativeArgs,

    /// <summary>An <c>mcp--</c> name without a server or tool part (<c>invalid_mcp_name</c>).</summary>
    InvalidMcpName,

    /// <summary>Building the tool use threw (<c>exception</c>), e.g. a null <c>files</c> entry or null arguments.</summary>
    Exception,

    /// <summary>No streaming call with that id (<c>no_state</c>).</summary>
    NoState,
}
