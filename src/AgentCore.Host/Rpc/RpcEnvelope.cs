using System.Text.Json;

namespace AgentCore.Host.Rpc;

/// <summary>
/// The envelope of one JSON-RPC 2.0 message: kind, method, and the raw bytes of id, params, result and error
/// (as offsets into the message, so the bytes can be moved without parsing again). Parsing validates the whole
/// message as JSON; params are left raw for the method's own source-generated binding.
/// </summary>
internal readonly record struct RpcEnvelope(
    RpcMessageKind Kind,
    string? Method,
    Range Id,
    Range Params,
    Range Result,
    Range Error,
    int ErrorCode,
    string? ErrorMessage)
{
    private static readonly JsonReaderOptions s_options = new() { MaxDepth = 1024, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>True when the message carried a usable id.</summary>
    public bool HasId => !Id.Equals(default(Range));

    /// <summary>True when the message carried params (an object or an array).</summary>
    public bool HasParams => !Params.Equals(default(Range));

    /// <summary>Parses <paramref name="message"/>.</summary>
    public static RpcEnvelope Parse(ReadOnlySpan<byte> message)
    {
        try
        {
            return ParseCore(message);
        }
        catch (JsonException)
        {
            return Invalid(RpcErrorCodes.ParseError, "Parse error: the message is not valid JSON", default);
        }
    }

    private static RpcEnvelope ParseCore(ReadOnlySpan<byte> message)
    {
        var reader = new Utf8JsonReader(message, isFinalBlock: true, new JsonReaderState(s_options));
        if (!reader.Read())
        {
            return Invalid(RpcErrorCodes.ParseError, "Parse error: the message is empty", default);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            bool batch = reader.TokenType == JsonTokenType.StartArray;
            reader.Skip();
            EnsureEnd(ref reader);
            return Invalid(RpcErrorCodes.InvalidRequest, batch
                ? "Invalid Request: batches are not supported; send one message at a time"
                : "Invalid Request: a message must be a JSON object", default);
        }

        bool version = false;
        bool badVersion = false;
        bool badId = false;
        bool badMethod = false;
        bool badParams = false;
        string? method = null;
        Range id = default;
        Range parameters = default;
        Range result = default;
        Range error = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("jsonrpc"u8))
            {
                reader.Read();
                version = true;
                badVersion = reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals("2.0"u8);
                reader.Skip();
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.Number)
                {
                    id = new Range((int)reader.TokenStartIndex, (int)reader.BytesConsumed);
                    badId = false;
                }
                else
                {
                    id = default;
                    badId = reader.TokenType != JsonTokenType.Null;
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("method"u8))
            {
                reader.Read();
                badMethod = reader.TokenType != JsonTokenType.String;
                method = badMethod ? null : reader.GetString();
                reader.Skip();
            }
            else if (reader.ValueTextEquals("params"u8))
            {
                reader.Read();
                badParams = reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.Null);
                parameters = Capture(ref reader);
                if (reader.TokenType == JsonTokenType.Null)
                {
                    parameters = default;
                }
            }
            else if (reader.ValueTextEquals("result"u8))
            {
                reader.Read();
                result = Capture(ref reader);
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                error = Capture(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        EnsureEnd(ref reader);
        if (badId)
        {
            return Invalid(RpcErrorCodes.InvalidRequest, "Invalid Request: id must be a string, a number or null", default);
        }

        if (!version || badVersion)
        {
            return Invalid(RpcErrorCodes.InvalidRequest, "Invalid Request: jsonrpc must be \"2.0\"", id);
        }

        if (method is null && !badMethod && (!result.Equals(default(Range)) || !error.Equals(default(Range))))
        {
            return new RpcEnvelope(RpcMessageKind.Response, null, id, default, result, error, 0, null);
        }

        if (method is null)
        {
            return Invalid(RpcErrorCodes.InvalidRequest, badMethod ? "Invalid Request: method must be a string" : "Invalid Request: method is missing", id);
        }

        if (badParams)
        {
            return Invalid(RpcErrorCodes.InvalidRequest, "Invalid Request: params must be an object or an array", id);
        }

        return new RpcEnvelope(id.Equals(default(Range)) ? RpcMessageKind.Notification : RpcMessageKind.Request, method, id, parameters, default, default, 0, null);
    }

    private static Range Capture(ref Utf8JsonReader reader)
    {
        int start = (int)reader.TokenStartIndex;
        reader.Skip();
        return new Range(start, (int)reader.BytesConsumed);
    }

    private static void EnsureEnd(ref Utf8JsonReader reader)
    {
        // Utf8JsonReader rejects a second top-level value (trailing garbage) with a JsonException.
        while (reader.Read())
        {
        }
    }

    private static RpcEnvelope Invalid(int code, string message, Range id) =>
        new(RpcMessageKind.Invalid, null, id, default, default, default, code, message);
}
