using System.Text.Json;
using AgentCore.Operations;

namespace AgentCore.Host.Rpc;

/// <summary>The reader thread's side: classify each message, admit or refuse requests, and map failures.</summary>
internal sealed partial class RpcServer
{
    private void Dispatch(ReadOnlyMemory<byte> message)
    {
        ReadOnlySpan<byte> span = message.Span;
        RpcEnvelope env = RpcEnvelope.Parse(span);
        switch (env.Kind)
        {
            case RpcMessageKind.Invalid:
                SendError(env.HasId ? span[env.Id] : [], env.ErrorCode, env.ErrorMessage!);
                return;
            case RpcMessageKind.Response:
                CompleteOutgoing(span, env);
                return;
            case RpcMessageKind.Notification:
                Notify(env.Method!, env.HasParams ? message[env.Params] : default);
                return;
        }

        ReadOnlySpan<byte> id = span[env.Id];
        if (!_methods.TryGetValue(env.Method!, out RpcMethod? method))
        {
            SendError(id, RpcErrorCodes.MethodNotFound, $"Method not found: {env.Method}");
            return;
        }

        RpcException? refused = Admit?.Invoke(method.Name, env.HasParams ? message[env.Params] : default);
        if (refused is not null)
        {
            SendError(id, refused.Code, refused.Message, refused.DataCode, refused.Target, refused.WriteData);
            return;
        }

        ReadOnlySpan<byte> parameters = env.HasParams ? span[env.Params] : [];
        if (method.Inline || method.InlineWhen?.Invoke(parameters) == true)
        {
            var inline = new RpcCall(this, method, id, parameters);
            try
            {
                method.InvokeAsync(inline).AsTask().GetAwaiter().GetResult();
            }
            catch (Exception e)
            {
                Fail(inline, e);
            }
            finally
            {
                inline.Release();
            }

            return;
        }

        if (Interlocked.Increment(ref _pending) > Options.MaxPendingRequests)
        {
            Interlocked.Decrement(ref _pending);
            SendError(id, RpcErrorCodes.Overloaded, "Server overloaded; retry later");
            return;
        }

        var call = new RpcCall(this, method, id, parameters);
        if (!_inProgress.TryAdd(call.IdKey, call))
        {
            call.Release();
            if (Interlocked.Decrement(ref _pending) == 0 && _draining)
            {
                _idle.Set();
            }

            SendError(id, RpcErrorCodes.InvalidRequest, "Invalid Request: a request with this id is still in progress");
            return;
        }

        ThreadPool.UnsafeQueueUserWorkItem(call, preferLocal: false);
    }

    private void Notify(string method, ReadOnlyMemory<byte> parameters)
    {
        if (method == Options.CancelMethod)
        {
            if (TryReadId(parameters.Span, Options.CancelIdField, out string? key) && _inProgress.TryGetValue(key, out RpcCall? call))
            {
                call.Cancel();
            }

            return;
        }

        try
        {
            OnNotification?.Invoke(method, parameters);
        }
        catch (Exception e) when (e is JsonException or RpcException or OperationException)
        {
            // A notification is never answered; a malformed one is dropped (logged without its content).
            Log($"ignored notification {method}: malformed params");
        }
    }

    private void CompleteOutgoing(ReadOnlySpan<byte> message, RpcEnvelope env)
    {
        if (!env.HasId)
        {
            // An error answer without an id: the client could not read something we sent. Nothing to match it to.
            Log("the client answered with an error that has no id");
            return;
        }

        string key = System.Text.Encoding.UTF8.GetString(message[env.Id]);
        if (!_outgoing.TryRemove(key, out TaskCompletionSource<JsonElement>? tcs))
        {
            return;
        }

        if (!env.Result.Equals(default(Range)))
        {
            using JsonDocument doc = JsonDocument.Parse(message[env.Result].ToArray());
            tcs.TrySetResult(doc.RootElement.Clone());
            return;
        }

        string text = "the client answered with an error";
        try
        {
            using JsonDocument err = JsonDocument.Parse(message[env.Error].ToArray());
            if (err.RootElement.ValueKind == JsonValueKind.Object && err.RootElement.TryGetProperty("message"u8, out JsonElement m) &&
                m.ValueKind == JsonValueKind.String)
            {
                text = m.GetString()!;
            }
        }
        catch (JsonException)
        {
        }

        tcs.TrySetException(new RpcException(RpcErrorCodes.InternalError, text));
    }

    // The request id named in a cancellation's params, as its JSON text (the in-progress key).
    private static bool TryReadId(ReadOnlySpan<byte> parameters, string field, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? key)
    {
        key = null;
        if (parameters.IsEmpty)
        {
            return false;
        }

        var reader = new Utf8JsonReader(parameters);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool match = reader.ValueTextEquals(field);
                reader.Read();
                if (match && reader.TokenType is JsonTokenType.String or JsonTokenType.Number)
                {
                    key = System.Text.Encoding.UTF8.GetString(parameters[(int)reader.TokenStartIndex..(int)reader.BytesConsumed]);
                    return true;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }

    // The one mapping from a failure to an answer: the error model's code to a JSON-RPC code; a defect to -32603
    // (logged with its type only: messages can carry input, and input can carry secrets).
    private void Fail(RpcCall call, Exception e)
    {
        switch (e)
        {
            case OperationCanceledException when call.Cancellation.IsCancellationRequested:
                call.ReplyError(RpcErrorCodes.RequestCancelled, "Request cancelled", ErrorCodes.Cancelled);
                break;
            case RpcException r:
                call.ReplyError(r.Code, r.Message, r.DataCode, r.Target, r.WriteData);
                break;
            case OperationException o:
                call.ReplyError(o.Error.Code == ErrorCodes.InvalidArgument ? RpcErrorCodes.InvalidParams : RpcErrorCodes.OperationFailed,
                    o.Error.Message, o.Error.Code, o.Error.Target);
                break;
            case IOException or UnauthorizedAccessException:
                OperationError fe = FileErrors.From(e, call.Method.Name);
                call.ReplyError(RpcErrorCodes.OperationFailed, fe.Message, fe.Code);
                break;
            default:
                Log($"internal error in {call.Method.Name} ({e.GetType().Name})" + (Environment.GetEnvironmentVariable("AGENTCORE_DEBUG_RPC") == "1" ? "\n" + e : ""));
                call.ReplyError(RpcErrorCodes.InternalError, $"Internal error ({e.GetType().Name}); the server goes on", ErrorCodes.Internal);
                break;
        }
    }
}
