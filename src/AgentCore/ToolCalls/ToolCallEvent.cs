namespace AgentCore.ToolCalls;

/// <summary>An event of the raw chunk assembly: <c>tool_call_start{id,name}</c>, <c>tool_call_delta{id,delta}</c> or <c>tool_call_end{id}</c>.</summary>
public readonly record struct ToolCallEvent(ToolCallEventType Type, string Id, string? Name = null, string? Delta = null);

/// <summary>The types of <see cref="ToolCallEvent"/>.</summary>
public enum ToolCallEventType
{
    /// <summary><c>tool_call_start</c>.</summary>
    Start,

    /// <summary><c>tool_call_delta</c>.</summary>
    Delta,

    /// <summary><c>tool_call_end</c>.</summary>
    End,
}
