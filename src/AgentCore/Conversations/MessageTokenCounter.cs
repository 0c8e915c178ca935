using System.Text.Json;
using AgentCore.Json;
using AgentCore.Tokenization;

namespace AgentCore.Conversations;

/// <summary>
/// The extension's token estimate of one API history entry, before the ×1.5 factor (parity spec 1.3, 2.4 step 2),
/// counted by <see cref="ContentBlockCounter"/> (the same rules as <see cref="TokenEstimator"/>); also reads the
/// entry's role and <c>isSummary</c> flag in the same pass.
/// </summary>
internal static class MessageTokenCounter
{
    /// <summary>Facts about one entry gathered by <see cref="Count"/>.</summary>
    public readonly record struct Result(long RawTokens, MessageRole Role, bool IsSummary);

    /// <summary>Counts the entry <paramref name="json"/> (one JSON value, normally an object).</summary>
    public static Result Count(ReadOnlySpan<byte> json, bool countToolBlocks)
    {
        var reader = new Utf8JsonReader(json, JsonReading.Options);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return default;
        }

        long tokens = 0;
        MessageRole role = MessageRole.None;
        bool isSummary = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("content"u8))
            {
                reader.Read();
                tokens = ContentBlockCounter.CountContent(ref reader, json, countToolBlocks);
            }
            else if (reader.ValueTextEquals("role"u8))
            {
                reader.Read();
                role = reader.TokenType != JsonTokenType.String ? MessageRole.None
                    : reader.ValueTextEquals("user"u8) ? MessageRole.User
                    : reader.ValueTextEquals("assistant"u8) ? MessageRole.Assistant
                    : MessageRole.None;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("isSummary"u8))
            {
                reader.Read();
                isSummary = ContentBlockCounter.IsTruthy(ref reader);
                reader.Skip();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new Result(tokens, role, isSummary);
    }
}
