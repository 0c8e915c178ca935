using System.Buffers;
using System.Text;
using System.Text.Json;

namespace AgentCore.Json;

/// <summary>
/// Re-serialises parsed JSON exactly as <c>JSON.stringify(JSON.parse(text))</c> would: compact, keys in their
/// order, strings escaped the JavaScript way, numbers in <c>Number::toString</c> form. A file the extension
/// wrote therefore comes out byte for byte as it went in.
/// </summary>
/// <remarks>Duplicate keys are kept as written (JSON.parse keeps the last value at the first key's position); the
/// extension never writes them.</remarks>
internal static class JsonCanonicalizer
{
    /// <summary>Reader options matching <c>JSON.parse</c>: strict JSON, deep nesting allowed.</summary>
    public static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 1024 };

    /// <summary>Writes the value at the reader's current token (and everything inside it); leaves the reader on the value's last token.</summary>
    public static void WriteValue(ref Utf8JsonReader reader, JsJsonWriter writer)
    {
        int depth = reader.CurrentDepth;
        WriteToken(ref reader, writer);
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        while (reader.Read())
        {
            WriteToken(ref reader, writer);
            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray && reader.CurrentDepth == depth)
            {
                return;
            }
        }
    }

    private static void WriteToken(ref Utf8JsonReader reader, JsJsonWriter writer)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                writer.WriteStartObject();
                break;
            case JsonTokenType.EndObject:
                writer.WriteEndObject();
                break;
            case JsonTokenType.StartArray:
                writer.WriteStartArray();
                break;
            case JsonTokenType.EndArray:
                writer.WriteEndArray();
                break;
            case JsonTokenType.PropertyName:
                WritePropertyName(ref reader, writer);
                break;
            case JsonTokenType.String:
                if (reader.ValueIsEscaped)
                {
                    WriteEscapedString(reader.ValueSpan, writer);
                }
                else
                {
                    writer.WriteStringValueUtf8(reader.ValueSpan);
                }

                break;
            case JsonTokenType.Number:
                writer.WriteNumberValue(JsonNumbers.Parse(reader.ValueSpan));
                break;
            case JsonTokenType.True:
                writer.WriteBooleanValue(true);
                break;
            case JsonTokenType.False:
                writer.WriteBooleanValue(false);
                break;
            case JsonTokenType.Null:
                writer.WriteNullValue();
                break;
        }
    }

    private static void WritePropertyName(ref Utf8JsonReader reader, JsJsonWriter writer)
    {
        ReadOnlySpan<byte> raw = reader.ValueSpan;
        char[]? rented = null;
        Span<char> chars = raw.Length <= 128 ? stackalloc char[128] : (rented = ArrayPool<char>.Shared.Rent(raw.Length));
        try
        {
            int n = reader.ValueIsEscaped ? JsonStrings.Unescape(raw, chars) : Encoding.UTF8.GetChars(raw, chars);
            writer.WritePropertyName(chars[..n]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static void WriteEscapedString(ReadOnlySpan<byte> raw, JsJsonWriter writer)
    {
        char[] chars = ArrayPool<char>.Shared.Rent(Math.Max(1, raw.Length));
        try
        {
            int n = JsonStrings.Unescape(raw, chars);
            writer.WriteStringValue(chars.AsSpan(0, n));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
