using System.Text.Json;

namespace AgentCore.Streaming;

/// <summary>A JSON string value as it sits in the input: the bytes between the quotes, and whether they contain escapes.</summary>
internal readonly ref struct RawString
{
    public RawString(ReadOnlySpan<byte> raw, bool escaped)
    {
        Raw = raw;
        Escaped = escaped;
        Present = true;
    }

    public ReadOnlySpan<byte> Raw { get; }

    public bool Escaped { get; }

    public bool Present { get; }

    /// <summary>True when present and non-empty (JavaScript truthiness of a string).</summary>
    public bool IsTruthy => Present && !Raw.IsEmpty;

    /// <summary>Compares the unescaped value with <paramref name="ascii"/> (escaped values never equal).</summary>
    public bool Is(ReadOnlySpan<byte> ascii) => Present && !Escaped && Raw.SequenceEqual(ascii);

    public static RawString From(scoped ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String ? new RawString(reader.ValueSpan, reader.ValueIsEscaped) : default;
}
