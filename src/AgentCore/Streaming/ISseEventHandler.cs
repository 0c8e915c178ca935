namespace AgentCore.Streaming;

/// <summary>Receives the events an <see cref="SseParser"/> dispatches.</summary>
internal interface ISseEventHandler
{
    /// <summary>Called once per dispatched event; the spans of <paramref name="sseEvent"/> are valid only during the call.</summary>
    void OnEvent(in SseEvent sseEvent);
}
