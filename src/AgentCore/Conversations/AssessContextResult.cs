using AgentCore.Json;

namespace AgentCore.Conversations;

/// <summary>The result of <see cref="ConversationOperations.AssessContextAsync"/>: the figures and the decision.</summary>
/// <param name="MessageTokens">The extension's estimate of every message's content, in history order.</param>
/// <param name="TotalTokens">The previous request's context tokens (0: the sliding window is skipped).</param>
/// <param name="PrevContextTokens"><c>totalTokens + lastMessageTokens</c>.</param>
/// <param name="AllowedTokens"><c>contextWindow × 0.9 − reserved</c>.</param>
/// <param name="Decision"><c>none</c>, <c>condense</c> or <c>truncate</c>.</param>
/// <param name="KeptIndices">The history indices kept; null for <c>condense</c> (which needs a model).</param>
/// <param name="Warnings">Settings the reference warns about and replaces (an invalid profile threshold).</param>
public sealed record AssessContextResult(
    IReadOnlyList<int> MessageTokens,
    double TotalTokens,
    double PrevContextTokens,
    double AllowedTokens,
    string Decision,
    IReadOnlyList<int>? KeptIndices,
    IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// Writes the contract's object, byte for byte as <c>JSON.stringify</c> would:
    /// <c>{"messageTokens":[..],"totalTokens":N,"prevContextTokens":N,"allowedTokens":X,"decision":..,"keptIndices":[..]|null}</c>
    /// (<see cref="Warnings"/> are not part of it).
    /// </summary>
    public void WriteJson(JsJsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WritePropertyName("messageTokens");
        WriteArray(writer, MessageTokens);
        writer.WriteNumber("totalTokens", TotalTokens);
        writer.WriteNumber("prevContextTokens", PrevContextTokens);
        writer.WriteNumber("allowedTokens", AllowedTokens);
        writer.WriteString("decision", Decision);
        writer.WritePropertyName("keptIndices");
        if (KeptIndices is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            WriteArray(writer, KeptIndices);
        }

        writer.WriteEndObject();
    }

    private static void WriteArray(JsJsonWriter writer, IReadOnlyList<int> values)
    {
        writer.WriteStartArray();
        foreach (int v in values)
        {
            writer.WriteNumberValue(v);
        }

        writer.WriteEndArray();
    }
}
