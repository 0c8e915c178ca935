namespace AgentCore.Conversations;

/// <summary>The <c>role</c> of an API history entry.</summary>
public enum MessageRole : byte
{
    /// <summary>No (or an unknown) role: e.g. a reasoning item <c>{"type":"reasoning",...}</c> of the OpenAI Responses API.</summary>
    None = 0,

    /// <summary><c>"user"</c>.</summary>
    User = 1,

    /// <summary><c>"assistant"</c>.</summary>
    Assistant = 2,
}
