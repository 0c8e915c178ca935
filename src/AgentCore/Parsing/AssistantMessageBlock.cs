namespace AgentCore.Parsing;

/// <summary>
/// One block of a parsed assistant message: an <see cref="AssistantTextBlock"/> or an <see cref="AssistantToolUseBlock"/>
/// (the reference's <c>TextContent</c> / <c>ToolUse</c>).
/// </summary>
/// <remarks>
/// Blocks are live objects, as in the reference: the parser updates the last blocks in place while more text arrives,
/// so a caller can render partial tool uses. Contents are materialized only when read. Not thread-safe: read a block
/// on the thread that feeds the parser, between calls.
/// </remarks>
public abstract class AssistantMessageBlock
{
    private protected AssistantMessageBlock()
    {
    }

    /// <summary>The reference's <c>type</c>: <c>"text"</c> or <c>"tool_use"</c>.</summary>
    public abstract string Type { get; }

    /// <summary>True while the block may still change (the reference's <c>partial</c>).</summary>
    public bool Partial { get; internal set; } = true;
}
