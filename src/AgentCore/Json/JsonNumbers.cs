using System.Globalization;

namespace AgentCore.Json;

/// <summary>JSON numbers as <c>JSON.parse</c> reads them.</summary>
internal static class JsonNumbers
{
    /// <summary>The double of a number token's raw text; out-of-range values become ±Infinity as in JavaScript (Utf8JsonReader.GetDouble throws there).</summary>
    public static double Parse(ReadOnlySpan<byte> raw) => double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
}
