using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AgentCore.Operations;

namespace AgentCore.Host.Rpc;

/// <summary>
/// A JSON-RPC 2.0 endpoint over a byte stream pair (stdin/stdout). One reader thread parses messages in order;
/// requests run concurrently on the thread pool, at most <see cref="RpcServerOptions.MaxPendingRequests"/> at a
/// time (one more is answered -32001 at once); answers go out through one <see cref="RpcOutput"/>. End of input or
/// <see cref="Stop"/> ends the loop after every request in progress has been answered.
/// </summary>
internal sealed partial class RpcServer
{
    private readonly RpcMessageReader _reader;
    private readonly Dictionary<string, RpcMethod> _methods = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RpcCall> _inProgress = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _outgoing = new(StringComparer.Ordinal);
    private readonly ManualResetEventSlim _idle = new(false);
    private readonly TextWriter _log;
    private int _pending;
    private long _nextOutgoingId;
    private volatile bool _stopping;
    private volatile bool _draining;

    /// <summary>Creates a server reading <paramref name="input"/> and writing <paramref name="output"/>.</summary>
    public RpcServer(Stream input, Stream output, TextWriter log, RpcServerOptions options)
    {
        Options = options;
        _log = log;
        _reader = new RpcMessageReader(input, options.MaxMessageBytes);
        Output = new RpcOutput(output);
        Output.OnBroken += Stop;
    }

    /// <summary>The limits and conventions in force.</summary>
    public RpcServerOptions Options { get; }

    /// <summary>Where messages are written.</summary>
    public RpcOutput Output { get; }

    /// <summary>
    /// Decides whether a request may run now (the lifecycle: initialize first, nothing after shutdown): returns
    /// the error to answer with, or null. Runs on the reader thread, in message order.
    /// </summary>
    public Func<string, ReadOnlyMemory<byte>, RpcException?>? Admit { get; set; }

    /// <summary>
    /// Captures session state for a request when it is read (e.g. the open workspace), so a request sees the state
    /// as of its place in the message order even though it runs concurrently (<see cref="RpcCall.Snapshot"/>).
    /// </summary>
    public Func<object?>? Snapshot { get; set; }

    /// <summary>Handles a notification other than cancellation (on the reader thread; keep it short).</summary>
    public Action<string, ReadOnlyMemory<byte>>? OnNotification { get; set; }

    /// <summary>Adds a method.</summary>
    public void Add(RpcMethod method) => _methods.Add(method.Name, method);

    /// <summary>Cancels every request in progress and ends the read loop (Ctrl-C).</summary>
    public void CancelAll()
    {
        _stopping = true;
        foreach (KeyValuePair<string, RpcCall> kv in _inProgress)
        {
            kv.Value.Cancel();
        }
    }

    /// <summary>Ends the read loop after the current message (the <c>exit</c> notification, or a broken output).</summary>
    public void Stop() => _stopping = true;

    /// <summary>Reads and answers messages until the input ends or <see cref="Stop"/>; returns once all are answered.</summary>
    public void Run()
    {
        try
        {
            while (!_stopping)
            {
                RpcReadStatus status = _reader.Read(out ReadOnlyMemory<byte> message);
                if (Output.Framing != _reader.Framing && _reader.Framing != RpcFraming.Unknown)
                {
                    Output.Framing = _reader.Framing;
                }

                switch (status)
                {
                    case RpcReadStatus.End:
                        _stopping = true;
                        break;
                    case RpcReadStatus.TooLarge:
                        SendError([], RpcErrorCodes.InvalidRequest,
                            $"Invalid Request: the message is larger than {_reader.MaxMessageBytes} bytes", ErrorCodes.TooLarge);
                        break;
                    case RpcReadStatus.BadHeader:
                        SendError([], RpcErrorCodes.ParseError,
                            "Parse error: the header needs a Content-Length line and a blank line");
                        break;
                    default:
                        Dispatch(message);
                        break;
                }
            }
        }
        finally
        {
            Drain();
            _reader.Dispose();
        }
    }

    /// <summary>Sends a notification to the client.</summary>
    public void SendNotification<T>(string method, T value, JsonTypeInfo<T> info)
    {
        RpcMessageBuilder b = BeginNotification(method);
        try
        {
            JsonSerializer.Serialize(b.Writer, value, info);
            Send(b);
        }
        finally
        {
            b.Return();
        }
    }

    /// <summary>Sends a notification whose params <paramref name="writeParams"/> writes.</summary>
    public void SendNotification<TState>(string method, TState state, Action<Utf8JsonWriter, TState> writeParams)
    {
        RpcMessageBuilder b = BeginNotification(method);
        try
        {
            writeParams(b.Writer, state);
            Send(b);
        }
        finally
        {
            b.Return();
        }
    }

    /// <summary>Closes the message <paramref name="b"/> holds (its params or result written) and writes it out.</summary>
    internal void Send(RpcMessageBuilder b)
    {
        b.Writer.WriteEndObject();
        Output.Write(b.Written);
    }

    // A notification's envelope up to "params":; the caller writes the params, then Send.
    private static RpcMessageBuilder BeginNotification(string method)
    {
        RpcMessageBuilder b = RpcMessageBuilder.Rent();
        Utf8JsonWriter w = b.Writer;
        w.WriteStartObject();
        w.WriteString("jsonrpc"u8, "2.0"u8);
        w.WriteString("method"u8, method);
        w.WritePropertyName("params"u8);
        return b;
    }

    /// <summary>
    /// Sends a request to the client and waits for its answer (e.g. MCP <c>roots/list</c>). The answer's
    /// <c>result</c> is returned; an error answer throws <see cref="RpcException"/>.
    /// </summary>
    public async Task<JsonElement> RequestAsync<T>(string method, T value, JsonTypeInfo<T> info, CancellationToken ct)
    {
        string id = "agentcore-" + Interlocked.Increment(ref _nextOutgoingId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var tcs = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _outgoing[JsonSerializer.Serialize(id, RpcJsonContext.Default.String)] = tcs;
        RpcMessageBuilder b = RpcMessageBuilder.Rent();
        try
        {
            Utf8JsonWriter w = b.Writer;
            w.WriteStartObject();
            w.WriteString("jsonrpc"u8, "2.0"u8);
            w.WriteString("id"u8, id);
            w.WriteString("method"u8, method);
            w.WritePropertyName("params"u8);
            JsonSerializer.Serialize(w, value, info);
            w.WriteEndObject();
            Output.Write(b.Written);
        }
        finally
        {
            b.Return();
        }

        using (ct.Register(() => tcs.TrySetCanceled(ct)))
        {
            return await tcs.Task.ConfigureAwait(false);
        }
    }

    internal void SendError(ReadOnlySpan<byte> id, int code, string message, string? dataCode = null, string? target = null, Action<Utf8JsonWriter>? data = null)
    {
        RpcMessageBuilder b = RpcMessageBuilder.Rent();
        try
        {
            Utf8JsonWriter w = b.Writer;
            w.WriteStartObject();
            w.WriteString("jsonrpc"u8, "2.0"u8);
            w.WritePropertyName("id"u8);
            if (id.IsEmpty)
            {
                w.WriteNullValue();
            }
            else
            {
                w.WriteRawValue(id, skipInputValidation: true);
            }

            w.WriteStartObject("error"u8);
            w.WriteNumber("code"u8, code);
            w.WriteString("message"u8, message);
            if (data is not null)
            {
                w.WritePropertyName("data"u8);
                data(w);
            }
            else if (dataCode is not null)
            {
                w.WriteStartObject("data"u8);
                w.WriteString("code"u8, dataCode);
                if (target is not null)
                {
                    w.WriteString("target"u8, target);
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
            Output.Write(b.Written);
        }
        finally
        {
            b.Return();
        }
    }

    internal async Task RunCallAsync(RpcCall call)
    {
        try
        {
            await call.Method.InvokeAsync(call).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Fail(call, e);
        }
        finally
        {
            _inProgress.TryRemove(new KeyValuePair<string, RpcCall>(call.IdKey, call));
            call.Release();
            if (Interlocked.Decrement(ref _pending) == 0 && _draining)
            {
                _idle.Set();
            }
        }
    }

    private void Log(string line)
    {
        try
        {
            _log.Write($"{Options.LogName}: {line}\n");
        }
        catch (IOException)
        {
            // stderr is gone; the protocol stream is what matters.
        }
    }

    private void Drain()
    {
        // No answer to a request of ours can come any more: those waiting on one give up first.
        foreach (KeyValuePair<string, TaskCompletionSource<JsonElement>> kv in _outgoing)
        {
            kv.Value.TrySetCanceled();
        }

        _draining = true;
        while (Volatile.Read(ref _pending) > 0)
        {
            _idle.Wait(50);
        }
    }
}
