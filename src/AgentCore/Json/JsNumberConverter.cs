using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentCore.Json;

/// <summary>
/// Writes a double as JavaScript prints it (<see cref="JsJsonWriter.FormatJsNumber"/>: <c>0.000005200000000000001</c>,
/// <c>1e-7</c>) where System.Text.Json would print <c>5.200000000000001E-06</c>: a client in JavaScript sees the number
/// text the extension would have recorded. Reads any JSON number.
/// </summary>
internal sealed class JsNumberConverter : JsonConverter<double>
{
    /// <inheritdoc/>
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        Span<byte> text = stackalloc byte[32];
        writer.WriteRawValue(text[..JsJsonWriter.FormatJsNumber(value, text)], skipInputValidation: true);
    }
}
