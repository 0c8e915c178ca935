using System.Text.Json;
using AgentCore.Json;

namespace AgentCore.Streaming;

/// <summary>Small Utf8JsonReader helpers shared by the decoders.</summary>
internal static class JsonWalk
{
    /// <summary>Skips the value at the reader when it is a container (primitives need no skipping).</summary>
    public static void SkipValue(scoped ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
        }
    }

    /// <summary>Moves to the value of the current property and skips it.</summary>
    public static void SkipProperty(scoped ref Utf8JsonReader reader)
    {
        reader.Read();
        SkipValue(ref reader);
    }

    /// <summary>Moves to the value of the current property; returns it as a string, or default (and skips it) when it is not one.</summary>
    public static RawString ReadString(scoped ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            return new RawString(reader.ValueSpan, reader.ValueIsEscaped);
        }

        SkipValue(ref reader);
        return default;
    }

    /// <summary>Moves to the value of the current property; returns it as an integer, or null (and skips it) when it is not a number.</summary>
    public static long? ReadInt64(scoped ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetInt64(out long v) ? v : (long)reader.GetDouble();
        }

        SkipValue(ref reader);
        return null;
    }

    /// <summary>Moves to the value of the current property; true when it is the literal <c>true</c>.</summary>
    public static bool ReadTrue(scoped ref Utf8JsonReader reader)
    {
        reader.Read();
        SkipValue(ref reader);
        return reader.TokenType == JsonTokenType.True;
    }

    /// <summary>Moves to the value of the current property; true (reader at StartObject) when it is an object, else skips it.</summary>
    public static bool EnterObject(scoped ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }

        SkipValue(ref reader);
        return false;
    }

    /// <summary>
    /// Moves past the value of the current property; true when it is an object, with <paramref name="at"/> left at its
    /// StartObject so the caller can read it after the other properties (a decoder's "read X once Y is known").
    /// </summary>
    public static bool CaptureObject(scoped ref Utf8JsonReader reader, out Utf8JsonReader at)
    {
        bool isObject = EnterObject(ref reader);
        at = reader;
        if (isObject)
        {
            SkipValue(ref reader);
        }

        return isObject;
    }

    /// <summary>Moves to the value of the current property; true (reader at StartArray) when it is an array, else skips it.</summary>
    public static bool EnterArray(scoped ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            return true;
        }

        SkipValue(ref reader);
        return false;
    }

    /// <summary>Reads the next property name inside an object; false at its end.</summary>
    public static bool NextProperty(scoped ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    /// <summary>The value of top-level string property <paramref name="name"/> of the object in <paramref name="json"/>.</summary>
    public static RawString FindTopLevelString(ReadOnlySpan<byte> json, ReadOnlySpan<byte> name)
    {
        var reader = new Utf8JsonReader(json, JsonReading.Options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return default;
        }

        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals(name))
            {
                return ReadString(ref reader);
            }

            SkipProperty(ref reader);
        }

        return default;
    }

    /// <summary>Opens a reader on an event's JSON and checks that it is an object.</summary>
    public static bool TryOpenObject(ReadOnlySpan<byte> json, out Utf8JsonReader reader)
    {
        reader = new Utf8JsonReader(json, JsonReading.Options);
        return reader.Read() && reader.TokenType == JsonTokenType.StartObject;
    }
}
