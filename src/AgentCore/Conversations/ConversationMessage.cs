using System.Text.Json;
using AgentCore.Tokenization;
using AgentCore.Json;

namespace AgentCore.Conversations;

/// <summary>
/// A view of one API history entry inside a <see cref="Conversation"/>: its compact JSON (UTF-8, in the arena),
/// role, summary flag and cached token count. Cheap to copy (24 bytes); valid until the conversation changes.
/// </summary>
public readonly ref struct ConversationMessage
{
    internal ConversationMessage(ReadOnlySpan<byte> json, int rawTokens, MessageRole role, bool isSummary)
    {
        Json = json;
        RawTokens = rawTokens;
        Role = role;
        IsSummary = isSummary;
    }

    /// <summary>The entry as compact JSON, exactly as it is written to <c>api_conversation_history.json</c>.</summary>
    public ReadOnlySpan<byte> Json { get; }

    /// <summary>Tokens of the content before the extension's ×1.5 factor (cached at append; never recomputed).</summary>
    public int RawTokens { get; }

    /// <summary>The extension's estimate of this message's content: <c>ceil(RawTokens × 1.5)</c>.</summary>
    public int EstimatedTokens => TokenEstimator.ApplyFudgeFactor(RawTokens);

    /// <summary><c>role</c>.</summary>
    public MessageRole Role { get; }

    /// <summary><c>isSummary</c> is truthy (a condense summary).</summary>
    public bool IsSummary { get; }

    /// <summary>The <c>ts</c> field (epoch ms), or null when absent or not a number. Parses the entry (O(length)).</summary>
    public double? Ts
    {
        get
        {
            var reader = new Utf8JsonReader(Json, JsonReading.Options);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            double? ts = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isTs = reader.ValueTextEquals("ts"u8);
                reader.Read();
                if (isTs)
                {
                    ts = reader.TokenType == JsonTokenType.Number ? JsonNumbers.Parse(reader.ValueSpan) : null;
                }

                reader.Skip();
            }

            return ts;
        }
    }

    /// <summary>The JSON as a string (for diagnostics and tests).</summary>
    public override string ToString() => System.Text.Encoding.UTF8.GetString(Json);
}
