namespace AgentCore.Parsing;

/// <summary>
/// Writes blocks as the reference's <c>JSON.stringify(blocks)</c> prints them: compact,
/// <c>{"type":"text","content":..,"partial":..}</c> / <c>{"type":"tool_use","name":..,"params":{..},"partial":..}</c>,
/// parameters in first-appearance order.
/// </summary>
public static class AssistantMessageJson
{
    /// <summary>Writes <paramref name="blocks"/> as one JSON array (no newline). Reads spans: no content strings are built.</summary>
    public static void Write(TextWriter writer, AssistantMessageBlocks blocks)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write('[');
        for (int b = 0; b < blocks.Count; b++)
        {
            if (b > 0)
            {
                writer.Write(',');
            }

            switch (blocks[b])
            {
                case AssistantTextBlock text:
                    writer.Write("{\"type\":\"text\",\"content\":");
                    JsJsonString.Write(writer, text.ContentSpan);
                    break;
                case AssistantToolUseBlock tool:
                    writer.Write("{\"type\":\"tool_use\",\"name\":");
                    JsJsonString.Write(writer, tool.Name);
                    writer.Write(",\"params\":{");
                    for (int p = 0; p < tool.ParamCount; p++)
                    {
                        if (p > 0)
                        {
                            writer.Write(',');
                        }

                        JsJsonString.Write(writer, tool.GetParamName(p));
                        writer.Write(':');
                        JsJsonString.Write(writer, tool.GetParamValueSpan(p));
                    }

                    writer.Write('}');
                    break;
            }

            writer.Write(blocks[b].Partial ? ",\"partial\":true}" : ",\"partial\":false}");
        }

        writer.Write(']');
    }

    /// <summary>The JSON text of <paramref name="blocks"/>.</summary>
    public static string ToJson(AssistantMessageBlocks blocks)
    {
        using var writer = new StringWriter();
        Write(writer, blocks);
        return writer.ToString();
    }
}
