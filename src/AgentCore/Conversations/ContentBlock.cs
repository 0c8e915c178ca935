namespace AgentCore.Conversations;

/// <summary>One block of a message's <c>content</c> array, in the extension's (Anthropic <c>MessageParam</c>) shape.</summary>
public sealed class ContentBlock
{
    private ContentBlock(ContentBlockType type) => Type = type;

    /// <summary>The block type.</summary>
    public ContentBlockType Type { get; }

    /// <summary>Text of a text block; content of a tool result.</summary>
    public string? Text { get; private init; }

    /// <summary>Base64 data of an image block.</summary>
    public string? Data { get; private init; }

    /// <summary>Media type of an image block, e.g. <c>image/png</c>.</summary>
    public string? MediaType { get; private init; }

    /// <summary>Id of a tool use, or the tool use a result answers.</summary>
    public string? Id { get; private init; }

    /// <summary>Tool name of a tool use.</summary>
    public string? Name { get; private init; }

    /// <summary>Input of a tool use as JSON text.</summary>
    public string? InputJson { get; private init; }

    /// <summary>A tool result reports an error.</summary>
    public bool IsError { get; private init; }

    /// <summary><c>{"type":"text","text":...}</c>.</summary>
    public static ContentBlock FromText(string text) => new(ContentBlockType.Text) { Text = text };

    /// <summary><c>{"type":"image","source":{"type":"base64","media_type":...,"data":...}}</c>.</summary>
    public static ContentBlock FromImage(string base64Data, string mediaType) =>
        new(ContentBlockType.Image) { Data = base64Data, MediaType = mediaType };

    /// <summary><c>{"type":"tool_use","id":...,"name":...,"input":{...}}</c>; <paramref name="inputJson"/> must be valid JSON.</summary>
    public static ContentBlock FromToolUse(string id, string name, string inputJson) =>
        new(ContentBlockType.ToolUse) { Id = id, Name = name, InputJson = inputJson };

    /// <summary><c>{"type":"tool_result","tool_use_id":...,"content":...,"is_error":true?}</c>.</summary>
    public static ContentBlock FromToolResult(string toolUseId, string content, bool isError = false) =>
        new(ContentBlockType.ToolResult) { Id = toolUseId, Text = content, IsError = isError };
}
