using System.Buffers;
using System.Text;
using System.Text.Json;
using AgentCore.Json;

namespace AgentCore.Conversations;

/// <summary>
/// The HEAD-era (post-reference, commit f414ba41a6) text a <c>tool_use</c> / <c>tool_result</c> block is counted
/// as (parity spec 1.6). Only used when <see cref="Conversations.ConversationOptions.CountToolBlocks"/> is on; not a hot path.
/// </summary>
internal static class ToolBlockText
{
    /// <summary><c>Tool: NAME</c>, then <c>\nArguments: JSON.stringify(input)</c> when input is present.</summary>
    public static string ToolUse(ReadOnlySpan<byte> block, Range name, Range input)
    {
        var sb = new StringBuilder("Tool: ");
        AppendTemplateValue(sb, block, name);
        if (!IsEmpty(input))
        {
            sb.Append("\nArguments: ").Append(Stringify(block[input]));
        }

        return sb.ToString();
    }

    /// <summary><c>Tool Result (ID)</c>, <c>[Error]</c>, then the string content or each array item, joined by newlines.</summary>
    public static string ToolResult(ReadOnlySpan<byte> block, Range toolUseId, bool isError, Range content)
    {
        var sb = new StringBuilder("Tool Result (");
        AppendTemplateValue(sb, block, toolUseId);
        sb.Append(')');
        if (isError)
        {
            sb.Append("\n[Error]");
        }

        if (IsEmpty(content))
        {
            return sb.ToString();
        }

        var reader = new Utf8JsonReader(block[content], JsonReading.Options);
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            sb.Append('\n').Append(JsonStrings.GetString(ref reader));
        }
        else if (reader.TokenType == JsonTokenType.StartArray)
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                sb.Append('\n');
                AppendItem(sb, ref reader);
            }
        }

        return sb.ToString();
    }

    private static void AppendItem(StringBuilder sb, ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            sb.Append("[Unsupported content block: undefined]");
            return;
        }

        string? type = null;
        bool typeSeen = false;
        string text = "";
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                typeSeen = true;
                type = reader.TokenType switch
                {
                    JsonTokenType.String => JsonStrings.GetString(ref reader),
                    JsonTokenType.Null => "null",
                    JsonTokenType.True => "true",
                    JsonTokenType.False => "false",
                    _ => Encoding.UTF8.GetString(reader.ValueSpan),
                };
                reader.Skip();
            }
            else if (reader.ValueTextEquals("text"u8))
            {
                reader.Read();
                text = reader.TokenType == JsonTokenType.String ? JsonStrings.GetString(ref reader) : "";
                reader.Skip();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (type == "text")
        {
            sb.Append(text);
        }
        else if (type == "image")
        {
            sb.Append("[Image content]");
        }
        else
        {
            sb.Append("[Unsupported content block: ").Append(typeSeen ? type : "undefined").Append(']');
        }
    }

    // `${value}` of a JSON value: a string as itself, a missing key as "undefined", other primitives as written.
    private static void AppendTemplateValue(StringBuilder sb, ReadOnlySpan<byte> block, Range range)
    {
        if (IsEmpty(range))
        {
            sb.Append("undefined");
            return;
        }

        var reader = new Utf8JsonReader(block[range], JsonReading.Options);
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                sb.Append(JsonStrings.GetString(ref reader));
                break;
            case JsonTokenType.StartObject:
                sb.Append("[object Object]");
                break;
            default:
                sb.Append(Stringify(block[range]));
                break;
        }
    }

    private static string Stringify(ReadOnlySpan<byte> value)
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Max(16, value.Length));
        var reader = new Utf8JsonReader(value, JsonReading.Options);
        reader.Read();
        JsonCanonicalizer.WriteValue(ref reader, new JsJsonWriter(buffer));
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static bool IsEmpty(Range range) => range.End.Value == 0;
}
