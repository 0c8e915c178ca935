using System.Buffers;
using AgentCore.Json;
using AgentCore.Streaming;

namespace AgentCore.ToolCalls;

/// <summary>
/// A chunk sink that passes every chunk on and also assembles the <c>tool_call_partial</c> chunks as the reference
/// does, printing (as JSON lines after the chunk that caused them) the events
/// <c>{"type":"tool_call_start","id","name"}</c>, <c>{"type":"tool_call_delta","id","delta"}</c>,
/// <c>{"type":"tool_call_end","id"}</c>, and at <see cref="Complete"/> (the end of the stream) each final tool use
/// (the block the consumer keeps, <c>id</c> included) or <c>{"type":"tool_call_error","id","error"}</c>.
/// </summary>
public sealed class ToolCallChunkSink : IStreamChunkSink, IToolCallSink
{
    private readonly IStreamChunkSink _inner;
    private readonly IBufferWriter<byte> _output;
    private readonly JsJsonWriter _w;
    private readonly ToolCallStream _stream;
    private readonly Action? _afterLines;
    private int _at;
    private bool _wrote;

    /// <summary>
    /// Passes chunks to <paramref name="inner"/> and writes the tool-call lines to <paramref name="output"/>;
    /// <paramref name="afterLines"/> (e.g. a flush) runs after a chunk that produced lines.
    /// </summary>
    public ToolCallChunkSink(IStreamChunkSink inner, IBufferWriter<byte> output, Action? afterLines = null, IReadOnlySet<string>? customTools = null)
    {
        _afterLines = afterLines;
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(output);
        _inner = inner;
        _output = output;
        _w = new JsJsonWriter(output);
        _stream = new ToolCallStream(this, customTools);
    }

    /// <inheritdoc/>
    public void OnChunk(in StreamChunk chunk)
    {
        _inner.OnChunk(chunk);
        if (chunk.Type == StreamChunkType.ToolCallPartial)
        {
            _stream.ProcessChunk(_at, ToolCallIndex.FromNumber(chunk.Index), chunk.HasId ? chunk.Id.ToString() : null,
                chunk.HasName ? chunk.Name.ToString() : null, chunk.HasArguments ? chunk.Arguments.ToString() : null);
            AfterLines();
        }

        _at++;
    }

    /// <inheritdoc/>
    public void Flush() => _inner.Flush();

    /// <summary>The stream ended normally: every started call ends and gets its final line.</summary>
    public void Complete()
    {
        _stream.EndStream(_at);
        AfterLines();
        _inner.Flush();
    }

    private void AfterLines()
    {
        if (_wrote)
        {
            _wrote = false;
            _afterLines?.Invoke();
        }
    }

    void IToolCallSink.OnEvent(int at, in ToolCallEvent e, bool duplicate)
    {
        _w.Reset();
        ToolCallJsonLineWriter.WriteEvent(_w, -1, e, duplicate);
        NewLine();
    }

    void IToolCallSink.OnPartial(int at, string id, ToolUse? toolUse)
    {
    }

    void IToolCallSink.OnFinal(int at, string id, ToolUse? toolUse, ToolCallErrorKind error)
    {
        _w.Reset();
        if (toolUse is not null)
        {
            ToolCallJson.WriteToolUse(_w, toolUse, withId: true);
        }
        else
        {
            _w.WriteStartObject();
            _w.WriteString("type", "tool_call_error");
            _w.WriteString("id", id);
            _w.WriteString("error", ToolCallJsonLineWriter.ErrorName(error));
            _w.WriteEndObject();
        }

        NewLine();
    }

    void IToolCallSink.OnBlocks(int at, IReadOnlyList<ToolUse> blocks)
    {
    }

    private void NewLine()
    {
        _output.GetSpan(1)[0] = (byte)'\n';
        _output.Advance(1);
        _wrote = true;
    }
}
