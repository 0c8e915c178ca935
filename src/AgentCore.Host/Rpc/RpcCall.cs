using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AgentCore.Host.Rpc;

/// <summary>
/// One request in progress: its id and params (copied out of the read buffer into a pooled array), its
/// cancellation, and the ways to answer it. Exactly one answer is written per request (or none, where the
/// protocol says a cancelled request is not answered).
/// </summary>
internal sealed class RpcCall : IThreadPoolWorkItem
{
    private readonly RpcServer _server;
    private readonly byte[] _bytes;
    private readonly int _idLength;
    private readonly int _paramsLength;
    private readonly CancellationTokenSource _cts = new();
    private int _answered;

    internal RpcCall(RpcServer server, RpcMethod method, ReadOnlySpan<byte> id, ReadOnlySpan<byte> parameters)
    {
        _server = server;
        Method = method;
        _bytes = ArrayPool<byte>.Shared.Rent(Math.Max(1, id.Length + parameters.Length));
        id.CopyTo(_bytes);
        parameters.CopyTo(_bytes.AsSpan(id.Length));
        _idLength = id.Length;
        _paramsLength = parameters.Length;
        IdKey = id.Length == 0 ? string.Empty : System.Text.Encoding.UTF8.GetString(id);
        Snapshot = server.Snapshot?.Invoke();
    }

    /// <summary>The session state captured when the request was read (<see cref="RpcServer.Snapshot"/>).</summary>
    public object? Snapshot { get; }

    /// <summary>The method being run.</summary>
    public RpcMethod Method { get; }

    /// <summary>The id's JSON text (e.g. <c>7</c> or <c>"a"</c>), the key for cancellation.</summary>
    public string IdKey { get; }

    /// <summary>The raw JSON of the id.</summary>
    public ReadOnlySpan<byte> Id => _bytes.AsSpan(0, _idLength);

    /// <summary>The raw JSON of params (empty when the request had none).</summary>
    public ReadOnlySpan<byte> Params => _bytes.AsSpan(_idLength, _paramsLength);

    /// <summary>Cancelled by the client's cancellation notification or when the server stops.</summary>
    public CancellationToken Cancellation => _cts.Token;

    /// <summary>The server the request came to.</summary>
    public RpcServer Server => _server;

    /// <summary>Binds params to <typeparamref name="T"/>; a field of the wrong type or missing is -32602 naming it.</summary>
    public T Bind<T>(JsonTypeInfo<T> info)
    {
        ReadOnlySpan<byte> json = _paramsLength == 0 ? "{}"u8 : Params;
        T? value;
        try
        {
            value = JsonSerializer.Deserialize(json, info);
        }
        catch (JsonException e)
        {
            throw RpcParamErrors.From(e);
        }

        return value ?? throw RpcException.InvalidParams("params", "Invalid params: params must be an object");
    }

    /// <summary>True when params is an object with the top-level field <paramref name="name"/> (camelCase, unescaped).</summary>
    /// <remarks>
    /// The source-generated binding of a record's init-only properties sets an absent field to its type's default
    /// instead of keeping the property's initializer; a binding that must keep the library's default asks this.
    /// </remarks>
    public bool HasParam(ReadOnlySpan<byte> name) => HasAnyProperty(Params, name, name);

    /// <summary>True when <paramref name="json"/> is an object with the top-level field <paramref name="name"/> or <paramref name="otherName"/> (unescaped), in one pass.</summary>
    public static bool HasAnyProperty(ReadOnlySpan<byte> json, ReadOnlySpan<byte> name, ReadOnlySpan<byte> otherName)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(name) || reader.ValueTextEquals(otherName))
                {
                    return true;
                }

                reader.Read();
                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }

    /// <summary>Answers with <paramref name="result"/>.</summary>
    public void Reply<T>(T result, JsonTypeInfo<T> info)
    {
        if (BeginAnswer() is not { } b)
        {
            return;
        }

        try
        {
            JsonSerializer.Serialize(b.Writer, result, info);
            _server.Send(b);
        }
        finally
        {
            b.Return();
        }
    }

    /// <summary>Answers with a result written by <paramref name="writeResult"/> (protocols whose results vary by revision).</summary>
    public void ReplyRaw(Action<Utf8JsonWriter> writeResult)
    {
        if (BeginAnswer() is not { } b)
        {
            return;
        }

        try
        {
            writeResult(b.Writer);
            _server.Send(b);
        }
        finally
        {
            b.Return();
        }
    }

    // The answer's envelope up to "result": (null when the request was answered already); the caller writes the
    // result, then RpcServer.Send closes the envelope and writes it out.
    private RpcMessageBuilder? BeginAnswer()
    {
        if (!TryAnswer())
        {
            return null;
        }

        RpcMessageBuilder b = RpcMessageBuilder.Rent();
        Utf8JsonWriter w = b.Writer;
        w.WriteStartObject();
        w.WriteString("jsonrpc"u8, "2.0"u8);
        w.WritePropertyName("id"u8);
        w.WriteRawValue(Id, skipInputValidation: true);
        w.WritePropertyName("result"u8);
        return b;
    }

    /// <summary>Sends a notification tied to this request (e.g. <c>chat/chunk</c>); dropped once it is answered.</summary>
    public void Notify<T>(string method, T value, JsonTypeInfo<T> info)
    {
        if (Volatile.Read(ref _answered) != 0 || (Cancellation.IsCancellationRequested && !_server.Options.AnswerCancelledRequests))
        {
            return;
        }

        _server.SendNotification(method, value, info);
    }

    /// <summary>
    /// Sends a notification tied to this request whose params <paramref name="writeParams"/> writes (raw JSON kept
    /// byte for byte, e.g. a chunk in the CLI's exact form); dropped once the request is answered or cancelled.
    /// </summary>
    public void NotifyRaw<TState>(string method, TState state, Action<Utf8JsonWriter, TState> writeParams)
    {
        if (Volatile.Read(ref _answered) != 0 || Cancellation.IsCancellationRequested)
        {
            return;
        }

        _server.SendNotification(method, state, writeParams);
    }

    /// <summary>Answers with an error.</summary>
    public void ReplyError(int code, string message, string? dataCode = null, string? target = null, Action<Utf8JsonWriter>? data = null)
    {
        if (TryAnswer())
        {
            _server.SendError(Id, code, message, dataCode, target, data);
        }
    }

    /// <inheritdoc/>
    void IThreadPoolWorkItem.Execute() => _ = _server.RunCallAsync(this);

    internal void Cancel()
    {
        try
        {
            _cts.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Finished meanwhile.
        }
    }

    internal void Release()
    {
        _cts.Dispose();
        ArrayPool<byte>.Shared.Return(_bytes);
    }

    // A cancelled request under MCP rules is never answered; otherwise the first answer wins.
    private bool TryAnswer() =>
        !(Cancellation.IsCancellationRequested && !_server.Options.AnswerCancelledRequests) &&
        Interlocked.Exchange(ref _answered, 1) == 0;
}
