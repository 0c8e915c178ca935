using System.Text;
using System.Text.Json;
using AgentCore.Json;

namespace AgentCore.Streaming;

/// <summary>
/// A provider's error object, read by one reader for every format: the <c>message</c>, <c>type</c>, <c>code</c> and
/// <c>status</c> fields of OpenAI's and compatible servers' <c>error</c> (in a stream or an HTTP error body), of
/// OpenAI Responses' <c>error</c> events, Anthropic's <c>error</c> events and Gemini's <c>error</c> (numeric
/// <c>code</c>, <c>status</c>). Each decoder names the error from these fields in its provider's order of precedence.
/// </summary>
/// <remarks>Errors end a stream, so this path is cold: the fields are unescaped into new strings.</remarks>
/// <param name="Message">The <c>message</c> string (null: absent or not a string).</param>
/// <param name="Type">The <c>type</c> string.</param>
/// <param name="Code">The <c>code</c> when it is a string.</param>
/// <param name="NumericCode">The <c>code</c> when it is a number (Gemini's HTTP status).</param>
/// <param name="Status">The <c>status</c> string (Gemini's status name, e.g. <c>INVALID_ARGUMENT</c>).</param>
internal readonly record struct ProviderError(string? Message, string? Type, string? Code, long? NumericCode, string? Status)
{
    /// <summary>The error chunk's <c>error</c> when none of the provider's fields names it.</summary>
    public const string DefaultName = "api_error";

    /// <summary>The error chunk's <c>message</c> when the provider's object has none.</summary>
    public const string DefaultMessage = "the provider reported an error in the stream";

    private const int MaxBodyTextChars = 500;

    /// <summary>The message, or <see cref="DefaultMessage"/> when the object has none.</summary>
    public string MessageOrDefault => Message ?? DefaultMessage;

    /// <summary>The first non-empty of <paramref name="first"/> and <paramref name="second"/>, else <see cref="DefaultName"/>.</summary>
    public static string Name(string? first, string? second = null) =>
        !string.IsNullOrEmpty(first) ? first : !string.IsNullOrEmpty(second) ? second : DefaultName;

    /// <summary>Reads the error object at <paramref name="reader"/> (on its <c>{</c>) to its <c>}</c>; the last of a repeated field counts.</summary>
    public static ProviderError Read(scoped ref Utf8JsonReader reader)
    {
        string? message = null, type = null, code = null, status = null;
        long? numericCode = null;
        while (JsonWalk.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("message"u8))
            {
                message = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                type = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("code"u8))
            {
                reader.Read();
                code = reader.TokenType == JsonTokenType.String ? JsonStrings.GetString(ref reader) : null;
                numericCode = reader.TokenType == JsonTokenType.Number ? (reader.TryGetInt64(out long v) ? v : (long)reader.GetDouble()) : null;
                JsonWalk.SkipValue(ref reader);
            }
            else if (reader.ValueTextEquals("status"u8))
            {
                status = ReadString(ref reader);
            }
            else
            {
                JsonWalk.SkipProperty(ref reader);
            }
        }

        return new ProviderError(message, type, code, numericCode, status);
    }

    /// <summary>
    /// The provider's message in an HTTP error body (the first element of an array, as Gemini sends it):
    /// <c>error.message</c>, <c>error</c> when it is a string, top-level <c>message</c>; else the body's text, trimmed
    /// and cut at 500 characters; <c>(no error body)</c> when empty.
    /// </summary>
    public static string MessageOfBody(ReadOnlySpan<byte> body)
    {
        try
        {
            if (FindMessage(body) is string message)
            {
                return message;
            }
        }
        catch (JsonException)
        {
            // Not JSON: the text itself is the message.
        }

        string text = Encoding.UTF8.GetString(body).Trim();
        if (text.Length == 0)
        {
            return "(no error body)";
        }

        return text.Length > MaxBodyTextChars ? string.Concat(text.AsSpan(0, MaxBodyTextChars), "…") : text;
    }

    private static string? FindMessage(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, JsonReading.Options);
        if (!reader.Read())
        {
            return null;
        }

        bool inArray = reader.TokenType == JsonTokenType.StartArray;
        if (inArray && !reader.Read())
        {
            return null;
        }

        string? errorText = null, errorMessage = null, message = null;
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (JsonWalk.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("error"u8))
                {
                    reader.Read();
                    errorText = reader.TokenType == JsonTokenType.String ? JsonStrings.GetString(ref reader) : null;
                    errorMessage = reader.TokenType == JsonTokenType.StartObject ? Read(ref reader).Message : null;
                    JsonWalk.SkipValue(ref reader);
                }
                else if (reader.ValueTextEquals("message"u8))
                {
                    message = ReadString(ref reader);
                }
                else
                {
                    JsonWalk.SkipProperty(ref reader);
                }
            }
        }
        else
        {
            JsonWalk.SkipValue(ref reader);
        }

        // The whole first value (the whole array) must be JSON, as a document parse would require.
        while (inArray && reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            JsonWalk.SkipValue(ref reader);
        }

        return errorText ?? errorMessage ?? message;
    }

    private static string? ReadString(scoped ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            return JsonStrings.GetString(ref reader);
        }

        JsonWalk.SkipValue(ref reader);
        return null;
    }
}
