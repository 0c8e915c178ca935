using System.Text.Json;
using AgentCore.Json;

namespace AgentCore.Conversations;

/// <summary>
/// The extension's token estimate for an array of content blocks (parity spec 1.3, reference commit R):
/// text blocks counted with o200k_base, images <c>ceil(sqrt(base64 length))</c> or 300 without data, other
/// blocks 0, and the sum multiplied by 1.5 and rounded up once.
/// </summary>
/// <remarks>Stateless and thread-safe. The arithmetic is done in doubles, as JavaScript does.</remarks>
internal static class TokenEstimator
{
    /// <summary>Tokens an image block without base64 data (e.g. a URL source) adds.</summary>
    public const int ImageWithoutDataTokens = 300;

    /// <summary>The factor applied once to the raw sum (<c>TOKEN_FUDGE_FACTOR</c>).</summary>
    public const double FudgeFactor = 1.5;

    /// <summary>Tokens of an image whose base64 data is <paramref name="base64Utf16Length"/> UTF-16 code units long: <c>Math.ceil(Math.sqrt(len))</c>.</summary>
    public static int ImageTokens(int base64Utf16Length) => (int)Math.Ceiling(Math.Sqrt(base64Utf16Length));

    /// <summary>The estimate for a raw token sum: <c>Math.ceil(total * 1.5)</c>.</summary>
    public static int ApplyFudgeFactor(long rawTokenTotal) => (int)Math.Ceiling(rawTokenTotal * FudgeFactor);

    /// <summary>
    /// The estimate for <paramref name="contentBlocksJsonUtf8"/>, a JSON array of content blocks
    /// (<c>{"type":"text","text":..}</c>, <c>{"type":"image","source":{..,"data":..}}</c>, anything else counts 0).
    /// An empty array gives 0.
    /// </summary>
    /// <exception cref="InvalidDataException">The input is not a JSON array of objects, or an image's data is not a string (the reference throws there).</exception>
    public static int EstimateJson(ReadOnlySpan<byte> contentBlocksJsonUtf8)
    {
        var reader = new Utf8JsonReader(contentBlocksJsonUtf8, JsonReading.Options);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                throw new InvalidDataException("Expected a JSON array of content blocks.");
            }

            long total = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new InvalidDataException("Expected a JSON array of content blocks (objects).");
                }

                total += ContentBlockCounter.CountBlock(ref reader, contentBlocksJsonUtf8, countToolBlocks: false);
            }

            if (reader.Read())
            {
                throw new InvalidDataException("Unexpected data after the JSON array of content blocks.");
            }

            return ApplyFudgeFactor(total);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Invalid JSON: {e.Message}", e);
        }
    }
}
