using System.Buffers;
using System.Text.Json;
using AgentCore.Json;
using AgentCore.Streaming.Http;

namespace AgentCore.Streaming.Providers;

/// <summary>
/// The request bodies of the five provider APIs, for both kinds of <see cref="ChatRequest"/>: one user prompt (the
/// <c>chat</c> verb) and a conversation in the API history shape with an optional system prompt (a condense,
/// <see cref="ProviderSummaryModel"/>). Written with <see cref="JsJsonWriter"/>: the bytes <c>JSON.stringify</c> gives,
/// as the extension's SDKs send them.
/// </summary>
/// <remarks>
/// Shapes: OpenAI Chat Completions <c>{model, messages, stream, stream_options: {include_usage}}</c> with a
/// <c>system</c> message first and content parts (<c>text</c>, <c>image_url</c> data URLs); OpenAI Responses
/// <c>{model, instructions, input, stream, store: false}</c> (a lone prompt as the <c>input</c> string, a conversation
/// as <c>input_text</c>/<c>output_text</c> parts); Anthropic <c>{model, max_tokens, system, messages, stream}</c> with
/// the history copied as it is; Gemini <c>{systemInstruction, contents}</c> (role <c>model</c> for the assistant, text
/// parts); Ollama <c>{model, messages, stream}</c> with a system message and the text blocks joined by blank lines.
/// Providers other than OpenAI Chat Completions and Anthropic get the text blocks only.
/// </remarks>
internal static class ProviderRequestBody
{
    private const int SlackBytes = 256;

    /// <summary>
    /// The body of <paramref name="request"/>: its <see cref="ChatRequest.Messages"/> (a JSON array of
    /// <c>{"role","content"}</c>, content a string or Anthropic content blocks) with its
    /// <see cref="ChatRequest.SystemPrompt"/> when it has messages, else its prompt as one user message.
    /// </summary>
    public static byte[] Write(ChatRequest request)
    {
        ReadOnlySpan<byte> messagesJson = request.Messages.Span;
        string? systemPrompt = request.SystemPrompt;
        bool conversation = !messagesJson.IsEmpty;
        var buffer = new ArrayBufferWriter<byte>(messagesJson.Length + (systemPrompt?.Length ?? 0) + request.Prompt.Length + SlackBytes);
        var w = new JsJsonWriter(buffer);
        w.WriteStartObject();
        switch (request.Provider)
        {
            case ProviderKind.Anthropic:
                w.WriteString("model", request.Model);
                w.WriteNumber("max_tokens", request.MaxTokens);
                if (conversation)
                {
                    if (systemPrompt is not null)
                    {
                        w.WriteString("system", systemPrompt);
                    }

                    w.WritePropertyName("messages");
                    var reader = new Utf8JsonReader(messagesJson, JsonReading.Options);
                    reader.Read();
                    JsonCanonicalizer.WriteValue(ref reader, w); // already the Anthropic shape
                }
                else
                {
                    w.WritePropertyName("messages");
                    w.WriteStartArray();
                    w.WriteStartObject();
                    w.WriteString("role", "user");
                    w.WriteString("content", request.Prompt);
                    w.WriteEndObject();
                    w.WriteEndArray();
                }

                w.WriteBoolean("stream", true);
                break;
            case ProviderKind.OpenAiResponses:
                w.WriteString("model", request.Model);
                if (conversation)
                {
                    if (systemPrompt is not null)
                    {
                        w.WriteString("instructions", systemPrompt);
                    }

                    w.WritePropertyName("input");
                    WriteResponsesInput(w, ReadMessages(messagesJson));
                }
                else
                {
                    w.WriteString("input", request.Prompt);
                }

                w.WriteBoolean("stream", true);
                w.WriteBoolean("store", false);
                break;
            case ProviderKind.Gemini:
                if (conversation && systemPrompt is not null)
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
                WriteGeminiContents(w, conversation ? ReadMessages(messagesJson) : Prompt(request));
                break;
            default: // OpenAI Chat Completions and Ollama
                bool ollama = request.Provider == ProviderKind.Ollama;
                w.WriteString("model", request.Model);
                w.WritePropertyName("messages");
                w.WriteStartArray();
                if (conversation && systemPrompt is not null)
                {
                    w.WriteStartObject();
                    w.WriteString("role", "system");
                    w.WriteString("content", systemPrompt);
                    w.WriteEndObject();
                }

                WriteChatMessages(w, conversation ? ReadMessages(messagesJson) : Prompt(request), ollama);
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

    private static List<Message> Prompt(ChatRequest request) => [new Message("user", [new Part(request.Prompt, null, null, IsString: true)])];

    private static void WriteChatMessages(JsJsonWriter w, List<Message> messages, bool ollama)
    {
        foreach ((string role, List<Part> parts) in messages)
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
    }

    private static void WriteResponsesInput(JsJsonWriter w, List<Message> messages)
    {
        w.WriteStartArray();
        foreach ((string role, List<Part> parts) in messages)
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
    }

    private static void WriteGeminiContents(JsJsonWriter w, List<Message> messages)
    {
        w.WriteStartArray();
        foreach ((string role, List<Part> parts) in messages)
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
    }

    private readonly record struct Message(string Role, List<Part> Parts);

    private readonly record struct Part(string? Text, string? ImageData, string? MediaType, bool IsString);

    // {role, content} messages: a string content is one text part; text blocks are text parts; base64 images are image parts.
    private static List<Message> ReadMessages(ReadOnlySpan<byte> json)
    {
        var messages = new List<Message>();
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

            messages.Add(new Message(role, parts));
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
