using System.Buffers;
using System.Text;
using AgentCore.Json;

namespace AgentCore.Parsing;

/// <summary>
/// Writes blocks as the reference's <c>JSON.stringify(blocks)</c> prints them: compact,
/// <c>{"type":"text","content":..,"partial":..}</c> / <c>{"type":"tool_use","name":..,"params":{..},"partial":..}</c>,
/// parameters in first-appearance order.
/// </summary>
public static class AssistantMessageJson
{
    /// <summary>Writes <paramref name="blocks"/> as one JSON array. Reads spans: no content strings are built.</summary>
    public static void Write(JsJsonWriter writer, AssistantMessageBlocks blocks)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        foreach (AssistantMessageBlock block in blocks)
        {
            writer.WriteStartObject();
            writer.WriteString("type", block.Type);
            switch (block)
            {
                case AssistantTextBlock text:
                    writer.WriteString("content", text.ContentSpan);
                    break;
                case AssistantToolUseBlock tool:
                    writer.WriteString("name", tool.Name);
                    writer.WritePropertyName("params");
                    writer.WriteStartObject();
                    for (int p = 0; p < tool.ParamCount; p++)
                    {
                        writer.WriteString(tool.GetParamName(p), tool.GetParamValueSpan(p));
                    }

                    writer.WriteEndObject();
                    break;
            }

            writer.WriteBoolean("partial", block.Partial);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>The JSON text of <paramref name="blocks"/>.</summary>
    public static string ToJson(AssistantMessageBlocks blocks)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(new JsJsonWriter(buffer), blocks);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
