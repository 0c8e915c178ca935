namespace AgentCore.Conversations;

/// <summary>The <c>type</c> of a <see cref="ContentBlock"/>.</summary>
public enum ContentBlockType : byte
{
    /// <summary><c>text</c>.</summary>
    Text,

    /// <summary><c>image</c> (base64 source).</summary>
    Image,

    /// <summary><c>tool_use</c>.</summary>
    ToolUse,

    /// <summary><c>tool_result</c>.</summary>
    ToolResult,
}
