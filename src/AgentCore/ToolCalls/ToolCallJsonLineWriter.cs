using System.Buffers;
using AgentCore.Json;

namespace AgentCore.ToolCalls;

/// <summary>
/// A sink that prints each result as one JSON line (UTF-8), the inner objects exactly as the parity vectors' entries:
/// <c>{"event":{"at","type","id",…,"dup"?}}</c>, <c>{"partial":{"at","id","toolUse"}}</c>,
/// <c>{"final":{"at","id","toolUse","error"}}</c>, <c>{"blocks":{"at","blocks"}}</c>.
/// </summary>
public sealed class ToolCallJsonLineWriter : IToolCallSink
{
    private readonly IBufferWriter<byte> _output;
    private readonly JsJsonWriter _w;

    /// <summary>Writes lines to <paramref name="output"/>.</summary>
    public ToolCallJsonLineWriter(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _w = new JsJsonWriter(output);
    }

    /// <summary>The vectors' name of an error kind (null for none).</summary>
    public static string? ErrorName(ToolCallErrorKind kind) => kind switch
    {
        ToolCallErrorKind.UnknownTool => "unknown_tool",
        ToolCallErrorKind.InvalidJson => "invalid_json",
        ToolCallErrorKind.MissingNativeArgs => "missing_native_args",
        ToolCallErrorKind.InvalidMcpName => "invalid_mcp_name",
        ToolCallErrorKind.Exception => "exception",
        ToolCallErrorKind.NoState => "no_state",
        _ => null,
    };

    /// <summary>Writes an event object <c>{"at",…the event's fields…,"dup"?}</c> (no line).</summary>
    public static void WriteEvent(JsJsonWriter w, int at, in ToolCallEvent e, bool duplicate)
    {
        w.WriteStartObject();
        if (at >= 0)
        {
            w.WriteNumber("at", at);
        }

        switch (e.Type)
        {
            case ToolCallEventType.Start:
                w.WriteString("type", "tool_call_start");
                w.WriteString("id", e.Id);
                w.WriteString("name", e.Name);
                break;
            case ToolCallEventType.Delta:
                w.WriteString("type", "tool_call_delta");
                w.WriteString("id", e.Id);
                w.WriteString("delta", e.Delta);
                break;
            default:
                w.WriteString("type", "tool_call_end");
                w.WriteString("id", e.Id);
                break;
        }

        if (duplicate)
        {
            w.WriteBoolean("dup", true);
        }

        w.WriteEndObject();
    }

    /// <inheritdoc/>
    public void OnEvent(int at, in ToolCallEvent e, bool duplicate)
    {
        Begin("event");
        WriteEvent(_w, at, e, duplicate);
        End();
    }

    /// <inheritdoc/>
    public void OnPartial(int at, string id, ToolUse? toolUse)
    {
        Begin("partial");
        _w.WriteStartObject();
        _w.WriteNumber("at", at);
        _w.WriteString("id", id);
        _w.WritePropertyName("toolUse");
        WriteToolUseOrNull(toolUse);
        _w.WriteEndObject();
        End();
    }

    /// <inheritdoc/>
    public void OnFinal(int at, string id, ToolUse? toolUse, ToolCallErrorKind error)
    {
        Begin("final");
        _w.WriteStartObject();
        _w.WriteNumber("at", at);
        _w.WriteString("id", id);
        _w.WritePropertyName("toolUse");
        WriteToolUseOrNull(toolUse);
        string? name = ErrorName(error);
        if (name is null)
        {
            _w.WriteNull("error");
        }
        else
        {
            _w.WriteString("error", name);
        }

        _w.WriteEndObject();
        End();
    }

    /// <inheritdoc/>
    public void OnBlocks(int at, IReadOnlyList<ToolUse> blocks)
    {
        Begin("blocks");
        _w.WriteStartObject();
        _w.WriteNumber("at", at);
        _w.WritePropertyName("blocks");
        _w.WriteStartArray();
        foreach (ToolUse b in blocks)
        {
            ToolCallJson.WriteToolUse(_w, b, withId: true);
        }

        _w.WriteEndArray();
        _w.WriteEndObject();
        End();
    }

    private void WriteToolUseOrNull(ToolUse? toolUse)
    {
        if (toolUse is null)
        {
            _w.WriteNullValue();
        }
        else
        {
            ToolCallJson.WriteToolUse(_w, toolUse, withId: false);
        }
    }

    private void Begin(string key)
    {
        _w.Reset();
        _w.WriteStartObject();
        _w.WritePropertyName(key);
    }

    private void End()
    {
        _w.WriteEndObject();
        _output.GetSpan(1)[0] = (byte)'\n';
        _output.Advance(1);
    }
}
