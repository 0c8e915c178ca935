namespace AgentCore.ToolCalls;

/// <summary>Receives the results of a <see cref="ToolCallStream"/> in the order they occur; <c>at</c> is the caller's item position.</summary>
public interface IToolCallSink
{
    /// <summary>An event of the raw assembly; <paramref name="duplicate"/> marks a start the consumer ignored.</summary>
    void OnEvent(int at, in ToolCallEvent e, bool duplicate);

    /// <summary>The partial tool use after a delta (null where the reference returns null). Valid until the call's next delta.</summary>
    void OnPartial(int at, string id, ToolUse? toolUse);

    /// <summary>A finalisation: the tool use (its <see cref="ToolUse.Id"/> set, as the consumer sets it), or null with the reason.</summary>
    void OnFinal(int at, string id, ToolUse? toolUse, ToolCallErrorKind error);

    /// <summary>The consumer's content blocks after the end-of-stream step.</summary>
    void OnBlocks(int at, IReadOnlyList<ToolUse> blocks);
}
