using System.Buffers;
using System.Text.Json;
using AgentCore.Json;

namespace AgentCore.Streaming.Http;

/// <summary>
/// Request bodies of several messages (a condense, a <c>chat/start</c> with history) in each provider's own format.
/// </summary>
/// <remarks>
/// Anthropic takes the messages as they are (<c>system</c> + <c>messages</c>); OpenAI Chat Completions gets a
/// system message and content parts (<c>text</c>, <c>image_url</c> data URLs); OpenAI Responses
/// (<c>instructions</c> + <c>input_text</c>/<c>output_text</c>), Gemini (<c>systemInstruction</c> + text parts, role
/// <c>model</c>) and Ollama (system message, text joined by blank lines) get the text blocks only.
/// </remarks>
internal static class ProviderMessagesBody
{
    /// <summary>
    /// The request body for <paramref name="template"/>'s provider: <paramref name="systemPrompt"/> (none when null)
    /// and <paramref name="messagesJson"/>, a JSON array of <c>{"role":..,"content":..}</c> in the API history shape.
    /// </summary>
    public static byte[] Build(ChatRequest template, string? systemPrompt, ReadOnlySpan<byte> messagesJson)
    {
        var buffer = new ArrayBufferWriter<byte>(messagesJson.Length + (systemPrompt?.Length ?? 0) + 256);
        var w = new JsJsonWriter(buffer);
        w.WriteStartObject();
        switch (template.Provider)
        {
            case ProviderKind.Anthropic:
                w.WriteString("model", template.Model);
                w.WriteNumber("max_tokens", template.MaxTokens);
                if (systemPrompt is not null)
                {
                    w.WriteString("system", systemPrompt);
                }

                w.WritePropertyName("messages");
                var reader = new Utf8JsonReader(messagesJson, JsonReading.Options);
                reader.Read();
                JsonCanonicalizer.WriteValue(ref reader, w); // already the Anthropic shape
                w.WriteBoolean("stream", true);
                break;
            case ProviderKind.OpenAiResponses:
                w.WriteString("model", template.Model);
                if (systemPrompt is not null)
                {
                    w.WriteString("instructions", systemPrompt);
                }

                w.WritePropertyName("input");
                w.WriteStartArray();
                foreach ((string role, List<Part> parts) in ReadMessages(messagesJson))
                {
                    w.WriteStartObject();
                    w.WriteString("role", role);
                    w.WritePropertyName("content");
                    w.WriteStartArray();
                    foreach (Part p in parts)
                    {
                        if (p.Text is not null)
                        {
                            w.WriteStartObject();
                            w.WriteString("type", role == "assistant" ? "output_text" : "input_text");
                            w.WriteString("text", p.Text);
                            w.WriteEndObject();
                        }
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteBoolean("stream", true);
                w.WriteBoolean("store", false);
                break;
            case ProviderKind.Gemini:
                if (systemPrompt is not null)
                {
                    w.WritePropertyName("systemInstruction");
                    w.WriteStartObject();
                    w.WritePropertyName("parts");
                    w.WriteStartArray();
                    w.WriteStartObject();
                    w.WriteString("text", systemPrompt);
                    w.WriteEndObject();
                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WritePropertyName("contents");
                w.WriteStartArray();
                foreach ((string role, List<Part> parts) in ReadMessages(messagesJson))
                {
                    w.WriteStartObject();
                    w.WriteString("role", role == "assistant" ? "model" : "user");
                    w.WritePropertyName("parts");
                    w.WriteStartArray();
                    foreach (Part p in parts)
                    {
                        if (p.Text is not null)
                        {
                            w.WriteStartObject();
                            w.WriteString("text", p.Text);
                            w.WriteEndObject();
                        }
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                break;
            default: // OpenAI Chat Completions and Ollama
                bool ollama = template.Provider == ProviderKind.Ollama;
                w.WriteString("model", template.Model);
                w.WritePropertyName("messages");
                w.WriteStartArray();
                if (systemPrompt is not null)
                {
                    w.WriteStartObject();
                    w.WriteString("role", "system");
                    w.WriteString("content", systemPrompt);
                    w.WriteEndObject();
                }

                foreach ((string role, List<Part> parts) in ReadMessages(messagesJson))
                {
                    w.WriteStartObject();
                    w.WriteString("role", role);
                    if (ollama || (parts.Count == 1 && parts[0].IsString))
                    {
                        w.WriteString("content", string.Join("\n\n", parts.Where(p => p.Text is not null).Select(p => p.Text)));
                    }
                    else
                    {
                        w.WritePropertyName("content");
                        w.WriteStartArray();
                        foreach (Part p in parts)
                        {
                            w.WriteStartObject();
                            if (p.Text is not null)
                            {
                                w.WriteString("type", "text");
                                w.WriteString("text", p.Text);
                            }
                            else
                            {
                                w.WriteString("type", "image_url");
                                w.WritePropertyName("image_url");
                                w.WriteStartObject();
                                w.WriteString("url", $"data:{p.MediaType};base64,{p.ImageData}");
                                w.WriteEndObject();
                            }

                            w.WriteEndObject();
                        }

                        w.WriteEndArray();
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteBoolean("stream", true);
                if (!ollama)
                {
                    w.WritePropertyName("stream_options");
                    w.WriteStartObject();
                    w.WriteBoolean("include_usage", true);
                    w.WriteEndObject();
                }

                break;
        }

        w.WriteEndObject();
        return buffer.WrittenSpan.ToArray();
    }

    private readonly record struct Part(string? Text, string? ImageData, string? MediaType, bool IsString);

    // {role, content} messages: a string content is one text part; text blocks are text parts; base64 images are image parts.
    private static List<(string Role, List<Part> Parts)> ReadMessages(ReadOnlySpan<byte> json)
    {
        var messages = new List<(string, List<Part>)>();
        var reader = new Utf8JsonReader(json, JsonReading.Options);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string role = "user";
            var parts = new List<Part>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isRole = reader.ValueTextEquals("role"u8);
                bool isContent = !isRole && reader.ValueTextEquals("content"u8);
                reader.Read();
                if (isRole && reader.TokenType == JsonTokenType.String)
                {
                    role = JsonStrings.GetString(ref reader);
                }
                else if (isContent && reader.TokenType == JsonTokenType.String)
                {
                    parts.Add(new Part(JsonStrings.GetString(ref reader), null, null, true));
                }
                else if (isContent && reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (ReadBlock(ref reader) is Part part)
                        {
                            parts.Add(part);
                        }
                    }
                }

                reader.Skip();
            }

            messages.Add((role, parts));
        }

        return messages;
    }

    private static Part? ReadBlock(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        string? type = null, text = null, data = null, mediaType = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = JsonStrings.GetString(ref reader);
            reader.Read();
            if (name == "source" && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    string key = JsonStrings.GetString(ref reader);
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String && key is "data" or "media_type")
                    {
                        if (key == "data")
                        {
                            data = JsonStrings.GetString(ref reader);
                        }
                        else
                        {
                            mediaType = JsonStrings.GetString(ref reader);
                        }
                    }

                    reader.Skip();
                }

                continue;
            }

            if (reader.TokenType == JsonTokenType.String && name is "type" or "text")
            {
                if (name == "type")
                {
                    type = JsonStrings.GetString(ref reader);
                }
                else
                {
                    text = JsonStrings.GetString(ref reader);
                }
            }

            reader.Skip();
        }

        return type switch
        {
            "text" => new Part(text ?? "", null, null, false),
            "image" when data is not null => new Part(null, data, mediaType ?? "image/png", false),
            _ => null,
        };
    }
}
