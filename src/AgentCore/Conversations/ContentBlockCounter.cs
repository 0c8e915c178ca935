using System.Buffers;
using System.Text;
using System.Text.Json;
using AgentCore.Json;
using AgentCore.Tokenization;

namespace AgentCore.Conversations;

/// <summary>
/// The extension's raw token count of content blocks, before the ×1.5 factor (parity spec 1.3; 1.6 opt-in): o200k
/// tokens of every text block, <c>ceil(sqrt(len))</c> (or 300) per image, 0 for other blocks unless the HEAD-era
/// tool serialisation is enabled. A string <c>content</c> counts as one text block; any other content counts 0.
/// Works on the UTF-8 JSON in place: an unescaped string is counted from its bytes, an escaped one is unescaped
/// with JavaScript semantics (lone surrogates kept, then counted as U+FFFD as tiktoken does).
/// </summary>
/// <remarks>The one block walk behind both <see cref="TokenEstimator.EstimateJson"/> and the conversation store's per-message counts.</remarks>
internal static class ContentBlockCounter
{
    private const int StackChars = 256;

    /// <summary>o200k tokens of a text (0 when empty).</summary>
    public static int CountText(ReadOnlySpan<char> text) => text.IsEmpty ? 0 : Tokenizer.O200kBase.CountTokens(text);

    public static long CountContent(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, bool countToolBlocks)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return CountJsonString(ref reader);
            case JsonTokenType.StartArray:
                long total = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        total += CountBlock(ref reader, json, countToolBlocks);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                return total;
            default:
                reader.Skip();
                return 0;
        }
    }

    private enum BlockKind : byte
    {
        Other,
        Text,
        Image,
        ToolUse,
        ToolResult,
    }

    private enum ImageData : byte
    {
        NoSourceObject,
        SourceWithoutData,
        DataString,
        DataNotString,
    }

    public static long CountBlock(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, bool countToolBlocks)
    {
        BlockKind kind = BlockKind.Other;
        long textTokens = 0;
        ImageData image = ImageData.NoSourceObject;
        int imageLength = 0;
        Range name = default, input = default, toolUseId = default, content = default;
        bool isError = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                kind = reader.TokenType != JsonTokenType.String ? BlockKind.Other
                    : reader.ValueTextEquals("text"u8) ? BlockKind.Text
                    : reader.ValueTextEquals("image"u8) ? BlockKind.Image
                    : reader.ValueTextEquals("tool_use"u8) ? BlockKind.ToolUse
                    : reader.ValueTextEquals("tool_result"u8) ? BlockKind.ToolResult
                    : BlockKind.Other;
            }
            else if (reader.ValueTextEquals("text"u8))
            {
                // Counted even if the type is not known yet (keys may come in any order); used only for text blocks.
                reader.Read();
                textTokens = reader.TokenType == JsonTokenType.String ? CountJsonString(ref reader) : 0;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("source"u8))
            {
                reader.Read();
                (image, imageLength) = ReadImageSource(ref reader);
            }
            else if (countToolBlocks && reader.ValueTextEquals("name"u8))
            {
                name = ValueRange(ref reader);
            }
            else if (countToolBlocks && reader.ValueTextEquals("input"u8))
            {
                input = ValueRange(ref reader);
            }
            else if (countToolBlocks && reader.ValueTextEquals("tool_use_id"u8))
            {
                toolUseId = ValueRange(ref reader);
            }
            else if (countToolBlocks && reader.ValueTextEquals("content"u8))
            {
                content = ValueRange(ref reader);
            }
            else if (countToolBlocks && reader.ValueTextEquals("is_error"u8))
            {
                reader.Read();
                isError = IsTruthy(ref reader);
                reader.Skip();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        switch (kind)
        {
            case BlockKind.Text:
                return textTokens;
            case BlockKind.Image:
                return image switch
                {
                    ImageData.DataString => TokenEstimator.ImageTokens(imageLength),
                    ImageData.DataNotString => ThrowImageDataNotString(),
                    _ => TokenEstimator.ImageWithoutDataTokens,
                };
            case BlockKind.ToolUse when countToolBlocks:
                return CountText(ToolBlockText.ToolUse(json, name, input));
            case BlockKind.ToolResult when countToolBlocks:
                return CountText(ToolBlockText.ToolResult(json, toolUseId, isError, content));
            default:
                return 0;
        }
    }

    private static (ImageData, int) ReadImageSource(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip(); // null, a string (URL) or an array: not an object with a data key
            return (ImageData.NoSourceObject, 0);
        }

        ImageData state = ImageData.SourceWithoutData;
        int length = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isData = reader.ValueTextEquals("data"u8);
            reader.Read();
            if (isData)
            {
                if (reader.TokenType == JsonTokenType.String)
                {
                    state = ImageData.DataString;
                    length = reader.ValueIsEscaped ? UnescapedLength(reader.ValueSpan) : Encoding.UTF8.GetCharCount(reader.ValueSpan);
                }
                else
                {
                    state = ImageData.DataNotString;
                }
            }

            reader.Skip();
        }

        return (state, length);
    }

    private static Range ValueRange(ref Utf8JsonReader reader)
    {
        reader.Read();
        int start = (int)reader.TokenStartIndex;
        reader.Skip();
        return new Range(start, (int)reader.BytesConsumed);
    }

    private static int CountJsonString(ref Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> raw = reader.ValueSpan;
        if (raw.IsEmpty)
        {
            return 0;
        }

        if (!reader.ValueIsEscaped)
        {
            return Tokenizer.O200kBase.CountTokensUtf8(raw);
        }

        char[]? rented = null;
        Span<char> chars = raw.Length <= StackChars ? stackalloc char[StackChars] : (rented = ArrayPool<char>.Shared.Rent(raw.Length));
        try
        {
            int n = JsonStrings.Unescape(raw, chars);
            return CountText(chars[..n]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static int UnescapedLength(ReadOnlySpan<byte> raw)
    {
        char[] chars = ArrayPool<char>.Shared.Rent(raw.Length);
        try
        {
            return JsonStrings.Unescape(raw, chars);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>JavaScript truthiness of the current (primitive or container) token.</summary>
    internal static bool IsTruthy(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True or JsonTokenType.StartObject or JsonTokenType.StartArray => true,
        JsonTokenType.String => reader.ValueSpan.Length > 0,
        JsonTokenType.Number => JsonNumbers.Parse(reader.ValueSpan) != 0,
        _ => false,
    };

    private static int ThrowImageDataNotString() =>
        throw new InvalidDataException("an image block's source.data is not a string; the extension's token estimate fails on such a block");
}
