using System.Buffers;
using System.Text;
using AgentCore.Operations;

namespace AgentCore.ToolCalls;

/// <summary>The native tool-call operations.</summary>
public static class ToolCallOperations
{
    /// <summary>The longest input line accepted, in bytes.</summary>
    public const int MaxLineBytes = 16 * 1024 * 1024;

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>
    /// Reads the request's JSON lines and applies each item, in order, to one <see cref="ToolCallStream"/> reporting
    /// to <paramref name="sink"/> (an implicit <c>stream_start</c> comes first). Items:
    /// <c>{"type":"tool_call_partial","index"?,"id"?,"name"?,"arguments"?}</c>, <c>{"type":"finish_reason","value"}</c>,
    /// <c>{"type":"end"}</c>, <c>{"type":"stream_start"}</c>, <c>{"type":"tool_call","id","name","arguments"}</c>; other
    /// chunk types (<c>text</c>, <c>usage</c>, … as <c>agentcore stream</c> prints them) are skipped. Blank lines are ignored.
    /// </summary>
    /// <exception cref="OperationException">File errors naming the path; a line over <see cref="MaxLineBytes"/> (too_large), not a JSON object or a
    /// malformed item (invalid_data), each naming the line; an argument text over the per-call cap (too_large).</exception>
    public static async Task<ToolCallReplayResult> ReplayAsync(ToolCallReplayRequest request, IToolCallSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sink);
        var stream = new ToolCallStream(sink, new HashSet<string>(request.CustomTools, StringComparer.Ordinal));
        Stream input;
        bool owned = false;
        string name = "-";
        if (request.Input is not null)
        {
            input = request.Input;
        }
        else if (request.Text is not null)
        {
            input = new MemoryStream(Encoding.UTF8.GetBytes(request.Text), writable: false);
        }
        else
        {
            name = request.Path ?? throw new OperationException(new OperationError(ErrorCodes.InvalidArgument, "the request names no input (path or text)", "path"));
            input = InputSource.OpenRead(name);
            owned = true;
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var line = new ArrayBufferWriter<byte>();
        int lineNumber = 0;
        int items = 0;
        try
        {
            while (true)
            {
                int read;
                try
                {
                    read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (FileErrors.IsFileError(e))
                {
                    throw new OperationException(FileErrors.From(e, name));
                }

                ReadOnlySpan<byte> chunk = buffer.AsSpan(0, read);
                if (read == 0)
                {
                    if (line.WrittenCount > 0)
                    {
                        lineNumber++;
                        ApplyLine(stream, line.WrittenSpan, lineNumber, ref items);
                    }

                    return new ToolCallReplayResult(items);
                }

                while (!chunk.IsEmpty)
                {
                    int nl = chunk.IndexOf((byte)'\n');
                    ReadOnlySpan<byte> part = nl < 0 ? chunk : chunk[..nl];
                    if (line.WrittenCount + part.Length > MaxLineBytes)
                    {
                        OperationException.Throw(ErrorCodes.TooLarge, $"{name}: line {lineNumber + 1} is longer than {MaxLineBytes} bytes", name);
                    }

                    line.Write(part);
                    if (nl < 0)
                    {
                        break;
                    }

                    lineNumber++;
                    ApplyLine(stream, line.WrittenSpan, lineNumber, ref items);
                    line.ResetWrittenCount();
                    chunk = chunk[(nl + 1)..];
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (owned)
            {
                await input.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static void ApplyLine(ToolCallStream stream, ReadOnlySpan<byte> utf8, int lineNumber, ref int items)
    {
        if (!utf8.IsEmpty && utf8[^1] == (byte)'\r')
        {
            utf8 = utf8[..^1];
        }

        if (utf8.Trim(" \t"u8).IsEmpty)
        {
            return;
        }

        string text = s_utf8.GetString(utf8);
        if (!StrictJson.TryParse(text, out JsValue item) || item is not JsObject o)
        {
            OperationException.Throw(ErrorCodes.InvalidData, $"line {lineNumber}: not a JSON object");
            return;
        }

        Apply(stream, items, o, lineNumber);
        items++;
    }

    /// <summary>Applies one item (a parsed input line) at position <paramref name="at"/>.</summary>
    internal static void Apply(ToolCallStream stream, int at, JsObject item, int lineNumber)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(item);
        switch ((item.GetOwn("type") as JsString)?.ToString())
        {
            case "tool_call_partial":
                ToolCallIndex index = item.GetOwn("index") switch
                {
                    null => ToolCallIndex.Absent,
                    JsNumber n => ToolCallIndex.FromNumber(n.Value),
                    JsString s => ToolCallIndex.FromString(s.ToString()),
                    JsBool b => ToolCallIndex.FromBoolean(b.Value),
                    JsNull => ToolCallIndex.Null,
                    _ => Invalid<ToolCallIndex>(lineNumber, "index must be a number, string, boolean or null"),
                };
                stream.ProcessChunk(at, index, OptionalString(item, "id", lineNumber), OptionalString(item, "name", lineNumber),
                    OptionalString(item, "arguments", lineNumber));
                break;
            case "finish_reason":
                stream.ProcessFinishReason(at, OptionalString(item, "value", lineNumber));
                break;
            case "end":
                stream.EndStream(at);
                break;
            case "stream_start":
                stream.StartStream();
                break;
            case "tool_call":
                stream.ProcessToolCall(at, RequiredString(item, "id", lineNumber), RequiredString(item, "name", lineNumber),
                    RequiredString(item, "arguments", lineNumber));
                break;
            case null:
                Invalid<int>(lineNumber, "no \"type\" string");
                break;
            default:
                break; // text, reasoning, usage, error chunks: not part of tool-call assembly
        }
    }

    private static string? OptionalString(JsObject item, string key, int lineNumber) => item.GetOwn(key) switch
    {
        null or JsNull => null,
        JsString s => s.ToString(),
        _ => Invalid<string>(lineNumber, $"\"{key}\" must be a string"),
    };

    private static string RequiredString(JsObject item, string key, int lineNumber) =>
        item.GetOwn(key) is JsString s ? s.ToString() : Invalid<string>(lineNumber, $"\"{key}\" must be a string");

    private static T Invalid<T>(int lineNumber, string message)
    {
        OperationException.Throw(ErrorCodes.InvalidData, $"line {lineNumber}: {message}");
        return default!;
    }
}
