using System.Buffers;
using System.Text;
using System.Text.Json;
using AgentCore.Json;
using AgentCore.Tokenization;
using AgentCore.JavaScript;

namespace AgentCore.Conversations;

/// <summary>
/// The extension's condense (reference <c>summarizeConversation</c>, parity spec 2.6) and the full
/// <c>truncateConversationIfNeeded</c> with it, independent of the prompt text and of the provider: the last 3
/// messages are kept, everything since the last summary (with the first message) is summarised by an
/// <see cref="ISummaryModel"/>, and a failure carries its cost and error so the sliding window falls back to
/// truncation.
/// </summary>
public static class ConversationCondenser
{
    /// <summary><c>N_MESSAGES_TO_KEEP</c>.</summary>
    public const int MessagesToKeep = 3;

    /// <summary>The user message appended to the messages being summarised.</summary>
    public const string FinalRequest = "Summarize the conversation so far, as described in the prompt instructions.";

    /// <summary>Error: too few messages (<c>common:errors.condense_not_enough_messages</c>).</summary>
    public const string NotEnoughMessagesError = "Not enough messages to condense context";

    /// <summary>Error: a summary is among the kept messages or nothing new to summarise (<c>condensed_recently</c>).</summary>
    public const string CondensedRecentlyError = "Context was condensed recently; skipping this attempt";

    /// <summary>Error: the model returned an empty summary (<c>condense_failed</c>).</summary>
    public const string CondenseFailedError = "Failed to condense context";

    /// <summary>Error: the condensed context would not be smaller (<c>condense_context_grew</c>).</summary>
    public const string ContextGrewError = "Context size increased during condensing; skipping this attempt";

    /// <summary>What an image block becomes for a model without image support (<c>maybeRemoveImageBlocks</c>).</summary>
    public const string ImagePlaceholder = "[Referenced image in conversation]";

    private const string ContinueFromSummary = "Please continue from the following summary:";

    /// <summary>
    /// <c>summarizeConversation</c>: on success <paramref name="conversation"/> becomes
    /// <c>[first, summary (isSummary, ts of the first kept message), ...last 3]</c>; on failure it is unchanged and
    /// the result carries the error and any cost.
    /// </summary>
    /// <param name="conversation">The history (the last message is the new user message).</param>
    /// <param name="model">The model that writes the summary.</param>
    /// <param name="condensingPrompt">The system prompt of the summary request (the extension's SUMMARY_PROMPT or a custom one).</param>
    /// <param name="taskSystemPrompt">The task's system prompt: counted into the new context size.</param>
    /// <param name="prevContextTokens">The context size before; a summary that does not reduce it is rejected.</param>
    /// <param name="cancellationToken">Cancels the model call.</param>
    public static async ValueTask<CondenseResult> SummarizeAsync(
        Conversation conversation, ISummaryModel model, string condensingPrompt, string taskSystemPrompt, double prevContextTokens, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(condensingPrompt);
        ArgumentNullException.ThrowIfNull(taskSystemPrompt);

        int n = conversation.Count;
        int keepStart = Math.Max(n - MessagesToKeep, 0);
        int[] toSummarize = MessagesSinceLastSummary(conversation, keepStart, out bool syntheticFirst);
        if (toSummarize.Length + (syntheticFirst ? 1 : 0) <= 1)
        {
            return Failed(n <= MessagesToKeep + 1 ? NotEnoughMessagesError : CondensedRecentlyError, 0);
        }

        for (int i = keepStart; i < n; i++)
        {
            if (conversation[i].IsSummary)
            {
                return Failed(CondensedRecentlyError, 0);
            }
        }

        byte[] request = BuildRequest(conversation, toSummarize, syntheticFirst, model.SupportsImages);
        var summaryText = new StringBuilder();
        double cost = 0, outputTokens = 0;
        await foreach (SummaryStreamChunk chunk in model.StreamAsync(condensingPrompt, request, cancellationToken).ConfigureAwait(false))
        {
            if (chunk.Text is not null)
            {
                summaryText.Append(chunk.Text);
            }
            else
            {
                // Only the last usage chunk counts.
                cost = chunk.TotalCost ?? 0;
                outputTokens = chunk.OutputTokens ?? 0;
            }
        }

        string summary = JsText.Trim(summaryText.ToString());
        if (summary.Length == 0)
        {
            return Failed(CondenseFailedError, cost);
        }

        // newContextTokens = outputTokens + countTokens([system prompt as a text block, (summary,) ...kept]):
        // one ×1.5 over the raw sum, from the cached per-message counts.
        long raw = ContentBlockCounter.CountText(taskSystemPrompt);
        for (int i = keepStart; i < n; i++)
        {
            raw += conversation[i].RawTokens;
        }

        if (outputTokens == 0)
        {
            raw += ContentBlockCounter.CountText(summary);
        }

        double newContextTokens = outputTokens + TokenEstimator.ApplyFudgeFactor(raw);
        if (newContextTokens >= prevContextTokens)
        {
            return Failed(ContextGrewError, cost);
        }

        double? ts = n > 0 ? conversation[keepStart].Ts : null;
        conversation.ReplaceWithSummary(keepStart, summary, ts);
        return new CondenseResult(ContextDecision.Condense, summary, cost, 0, newContextTokens, null);
    }

    /// <summary>
    /// <c>truncateConversationIfNeeded</c> in the reference's order: when auto-condense triggers, condense (success
    /// returns it); otherwise, or after a failed condense (whose cost and error are carried), truncate half the
    /// history when <c>prevContextTokens &gt; allowed</c>; else leave it. Changes <paramref name="conversation"/> in place.
    /// </summary>
    public static async ValueTask<CondenseResult> TruncateConversationIfNeededAsync(
        Conversation conversation, ContextWindowOptions options, ISummaryModel? model, string condensingPrompt, string taskSystemPrompt, CancellationToken cancellationToken = default)
    {
        ContextAssessment a = SlidingWindow.Assess(options, conversation);
        double cost = 0;
        string? error = null;
        if (a.ShouldCondense)
        {
            CondenseResult condensed = model is null
                ? Failed("API handler for condensing context is invalid", 0)
                : await SummarizeAsync(conversation, model, condensingPrompt, taskSystemPrompt, a.PrevContextTokens, cancellationToken).ConfigureAwait(false);
            if (condensed.Error is null)
            {
                return condensed with { PrevContextTokens = a.PrevContextTokens };
            }

            error = condensed.Error;
            cost = condensed.Cost;
        }

        if (a.ExceedsAllowed)
        {
            SlidingWindow.TruncateConversation(conversation, SlidingWindow.AutoTruncationFraction);
            return new CondenseResult(ContextDecision.Truncate, "", cost, a.PrevContextTokens, null, error);
        }

        return new CondenseResult(ContextDecision.None, "", cost, a.PrevContextTokens, null, error);
    }

    private static CondenseResult Failed(string error, double cost) => new(ContextDecision.None, "", cost, 0, null, error);

    // getMessagesSinceLastSummary(messages.slice(0, end)): from the last summary on; when that slice starts with a
    // non-user message, the original first message (if it is a user message) or a synthetic user message goes first.
    private static int[] MessagesSinceLastSummary(Conversation conversation, int end, out bool syntheticFirst)
    {
        syntheticFirst = false;
        int start = 0;
        for (int i = end - 1; i >= 0; i--)
        {
            if (conversation[i].IsSummary)
            {
                start = i;
                break;
            }
        }

        var indices = new List<int>(end - start + 1);
        if (start > 0 && conversation[start].Role != MessageRole.User)
        {
            if (conversation[0].Role == MessageRole.User)
            {
                indices.Add(0);
            }
            else
            {
                syntheticFirst = true;
            }
        }

        for (int i = start; i < end; i++)
        {
            indices.Add(i);
        }

        return [.. indices];
    }

    // [...toSummarize, finalRequest] mapped to {role, content}, images replaced when the model has no image input.
    private static byte[] BuildRequest(Conversation conversation, int[] indices, bool syntheticFirst, bool supportsImages)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        var writer = new JsJsonWriter(buffer);
        writer.WriteStartArray();
        if (syntheticFirst)
        {
            WriteTextMessage(writer, "user", ContinueFromSummary);
        }

        foreach (int i in indices)
        {
            WriteRoleAndContent(writer, conversation[i].Json, supportsImages);
        }

        WriteTextMessage(writer, "user", FinalRequest);
        writer.WriteEndArray();
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteTextMessage(JsJsonWriter writer, string role, string content)
    {
        writer.WriteStartObject();
        writer.WriteString("role", role);
        writer.WriteString("content", content);
        writer.WriteEndObject();
    }

    private static void WriteRoleAndContent(JsJsonWriter writer, ReadOnlySpan<byte> json, bool supportsImages)
    {
        var reader = new Utf8JsonReader(json, JsonReading.Options);
        reader.Read();
        writer.WriteStartObject();
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            // ({role, content}) => ({role, content}): role first, then content, others dropped.
            var roleReader = reader;
            if (FindProperty(ref roleReader, "role"u8))
            {
                writer.WritePropertyName("role");
                JsonCanonicalizer.WriteValue(ref roleReader, writer);
            }

            var contentReader = reader;
            if (FindProperty(ref contentReader, "content"u8))
            {
                writer.WritePropertyName("content");
                if (!supportsImages && contentReader.TokenType == JsonTokenType.StartArray)
                {
                    WriteContentWithoutImages(ref contentReader, writer);
                }
                else
                {
                    JsonCanonicalizer.WriteValue(ref contentReader, writer);
                }
            }
        }

        writer.WriteEndObject();
    }

    private static bool FindProperty(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool match = reader.ValueTextEquals(name);
            reader.Read();
            if (match)
            {
                return true;
            }

            reader.Skip();
        }

        return false;
    }

    private static void WriteContentWithoutImages(ref Utf8JsonReader reader, JsJsonWriter writer)
    {
        writer.WriteStartArray();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var probe = reader;
            bool isImage = false;
            if (probe.TokenType == JsonTokenType.StartObject && FindProperty(ref probe, "type"u8))
            {
                isImage = probe.TokenType == JsonTokenType.String && probe.ValueTextEquals("image"u8);
            }

            if (isImage)
            {
                reader.Skip();
                writer.WriteStartObject();
                writer.WriteString("type", "text");
                writer.WriteString("text", ImagePlaceholder);
                writer.WriteEndObject();
            }
            else
            {
                JsonCanonicalizer.WriteValue(ref reader, writer);
            }
        }

        writer.WriteEndArray();
    }
}
