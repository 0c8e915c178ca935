using System.Text;

namespace AgentCore.Streaming;

/// <summary>
/// One dispatched event of a WHATWG event stream. The spans point into the parser's pooled buffers and are valid
/// only during the <see cref="ISseEventHandler.OnEvent"/> call that receives them.
/// </summary>
internal readonly ref struct SseEvent
{
    internal SseEvent(ReadOnlySpan<byte> eventType, ReadOnlySpan<byte> data, bool hasId, ReadOnlySpan<byte> lastEventId)
    {
        EventType = eventType;
        Data = data;
        HasId = hasId;
        LastEventId = lastEventId;
    }

    /// <summary>The event type as UTF-8 (<c>message</c> when the block had no non-empty <c>event</c> field).</summary>
    public ReadOnlySpan<byte> EventType { get; }

    /// <summary>The data lines joined with LF, without the final LF, as UTF-8.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>True when the block that produced this event had an (accepted) <c>id</c> field.</summary>
    public bool HasId { get; }

    /// <summary>The persistent last event id at dispatch (WHATWG <c>lastEventId</c>), as UTF-8.</summary>
    public ReadOnlySpan<byte> LastEventId { get; }

    /// <summary>The data decoded as a string (invalid UTF-8 becomes U+FFFD). Allocates: for tests and diagnostics.</summary>
    public string GetDataString() => Encoding.UTF8.GetString(Data);

    /// <summary>The event type decoded as a string. Allocates.</summary>
    public string GetEventTypeString() => Encoding.UTF8.GetString(EventType);
}
