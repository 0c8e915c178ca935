using System.Buffers;
using AgentCore.Json;

namespace AgentCore.Streaming;

/// <summary>
/// A sink that prints every chunk as one compact JSON line (UTF-8) in the command-line contract's shape,
/// byte-identical to JavaScript's <c>JSON.stringify</c>: <c>{"type":"text","text":…}</c>,
/// <c>{"type":"reasoning","text":…}</c>, <c>{"type":"tool_call_partial","index":…,"id":…,"name":…,"arguments":…}</c>,
/// <c>{"type":"usage","inputTokens":…,"outputTokens":…,"cacheWriteTokens":…,"cacheReadTokens":…,"reasoningTokens":…,"totalCost":…}</c>,
/// <c>{"type":"error","error":…,"message":…}</c>. Absent fields are omitted.
/// </summary>
public sealed class ChunkJsonLineWriter : IStreamChunkSink
{
    private readonly IBufferWriter<byte> _output;
    private readonly JsJsonWriter _writer;
    private readonly Action? _flush;

    /// <summary>Writes lines to <paramref name="output"/>; <see cref="Flush"/> runs <paramref name="flush"/> (e.g. the output's own flush).</summary>
    public ChunkJsonLineWriter(IBufferWriter<byte> output, Action? flush = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _writer = new JsJsonWriter(output);
        _flush = flush;
    }

    /// <summary>The error code of the error chunk written, if any.</summary>
    public string? Error { get; private set; }

    /// <summary>The message of the error chunk written, if any.</summary>
    public string? ErrorMessage { get; private set; }

    /// <summary>The JSON line of <paramref name="chunk"/>, without the line feed.</summary>
    public static string Format(in StreamChunk chunk)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(new JsJsonWriter(buffer), chunk);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <inheritdoc/>
    public void OnChunk(in StreamChunk chunk)
    {
        if (chunk.Type == StreamChunkType.Error)
        {
            Error = chunk.Error;
            ErrorMessage = chunk.Message;
        }

        _writer.Reset();
        Write(_writer, chunk);
        _output.GetSpan(1)[0] = (byte)'\n';
        _output.Advance(1);
    }

    /// <inheritdoc/>
    public void Flush() => _flush?.Invoke();

    private static void Write(JsJsonWriter w, in StreamChunk chunk)
    {
        w.WriteStartObject();
        switch (chunk.Type)
        {
            case StreamChunkType.Text:
                w.WriteString("type", "text");
                w.WriteString("text", chunk.Text);
                break;
            case StreamChunkType.Reasoning:
                w.WriteString("type", "reasoning");
                w.WriteString("text", chunk.Text);
                break;
            case StreamChunkType.ToolCallPartial:
                w.WriteString("type", "tool_call_partial");
                w.WriteNumber("index", chunk.Index);
                if (chunk.HasId)
                {
                    w.WriteString("id", chunk.Id);
                }

                if (chunk.HasName)
                {
                    w.WriteString("name", chunk.Name);
                }

                if (chunk.HasArguments)
                {
                    w.WriteString("arguments", chunk.Arguments);
                }

                break;
            case StreamChunkType.Usage:
                UsageFigures u = chunk.Usage;
                w.WriteString("type", "usage");
                w.WriteNumber("inputTokens", u.InputTokens);
                w.WriteNumber("outputTokens", u.OutputTokens);
                WriteOptional(w, "cacheWriteTokens", u.CacheWriteTokens);
                WriteOptional(w, "cacheReadTokens", u.CacheReadTokens);
                WriteOptional(w, "reasoningTokens", u.ReasoningTokens);
                if (u.TotalCost is double cost)
                {
                    w.WriteNumber("totalCost", cost);
                }

                break;
            default:
                w.WriteString("type", "error");
                w.WriteString("error", chunk.Error);
                w.WriteString("message", chunk.Message);
                break;
        }

        w.WriteEndObject();
    }

    private static void WriteOptional(JsJsonWriter w, string name, long? value)
    {
        if (value is long v)
        {
            w.WriteNumber(name, v);
        }
    }
}
