using System.Text;
using System.Text.Json;
using AgentCore.Json;

namespace AgentCore.Conversations;

/// <summary>
/// The extension's <c>getApiMetrics</c> / <c>getTokenUsage()</c> over a task's UI messages (<c>ui_messages.json</c>):
/// <c>getApiMetrics(combineApiRequests(combineCommandSequences(messages.slice(1)))).contextTokens</c>
/// (parity spec 2.5). Command-sequence merging does not touch the messages this figure reads, so it is skipped.
/// </summary>
internal static class ApiMetrics
{
    /// <summary>
    /// Walks the UI messages (after the first) backwards and returns the first non-zero context figure:
    /// <c>(tokensIn || 0) + (tokensOut || 0)</c> of an <c>api_req_started</c> message (merged with its
    /// <c>api_req_finished</c>, as <c>combineApiRequests</c> does) or <c>contextCondense.newContextTokens ?? 0</c>
    /// of a <c>condense_context</c> message; 0 when there is none. Unparseable request JSON counts 0.
    /// </summary>
    /// <exception cref="InvalidDataException">The text is not a JSON array, or a figure the walk reaches is a string or object (the reference would concatenate text there).</exception>
    public static double GetContextTokens(ReadOnlySpan<byte> uiMessagesJson) => ContextTokens(ReadRecords(uiMessagesJson));

    private static double ContextTokens(List<Record> records)
    {
        for (int i = records.Count - 1; i >= 0; i--)
        {
            Record r = records[i];
            double value = r.Kind switch
            {
                RecordKind.Started => r.Data.IsObject ? r.Data.TokensIn.Get() + r.Data.TokensOut.Get() : 0,
                RecordKind.Condense => r.NewContextTokens.Get(),
                _ => 0,
            };
            if (value != 0)
            {
                return value;
            }
        }

        return 0;
    }

    /// <summary>
    /// The whole <c>getApiMetrics</c> result over the UI messages (after the first), as the task's HistoryItem
    /// records it: sums of the numeric <c>tokensIn</c>, <c>tokensOut</c>, <c>cacheWrites</c>, <c>cacheReads</c>
    /// and <c>cost</c> of every <c>api_req_started</c> (merged with its <c>api_req_finished</c>), plus each
    /// <c>condense_context</c>'s <c>contextCondense.cost</c>, added in message order; and <see cref="GetContextTokens"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">As <see cref="GetContextTokens"/>.</exception>
    public static TaskTokenUsage GetTokenUsage(ReadOnlySpan<byte> uiMessagesJson)
    {
        List<Record> records = ReadRecords(uiMessagesJson);
        double tokensIn = 0, tokensOut = 0, cost = 0;
        double? cacheWrites = null, cacheReads = null;
        foreach (Record r in records)
        {
            if (r.Kind == RecordKind.Started && r.Data.IsObject)
            {
                RequestData d = r.Data;
                tokensIn += d.TokensIn.IsNumber ? d.TokensIn.Number : 0;
                tokensOut += d.TokensOut.IsNumber ? d.TokensOut.Number : 0;
                cacheWrites = d.CacheWrites.IsNumber ? (cacheWrites ?? 0) + d.CacheWrites.Number : cacheWrites;
                cacheReads = d.CacheReads.IsNumber ? (cacheReads ?? 0) + d.CacheReads.Number : cacheReads;
                cost += d.Cost.IsNumber ? d.Cost.Number : 0;
            }
            else if (r.Kind == RecordKind.Condense)
            {
                cost += r.CondenseCost.Get();
            }
        }

        return new TaskTokenUsage(tokensIn, tokensOut, cacheWrites, cacheReads, cost, ContextTokens(records));
    }

    private static List<Record> ReadRecords(ReadOnlySpan<byte> json)
    {
        var records = new List<Record>();
        var startedStack = new List<int>();
        try
        {
            var reader = new Utf8JsonReader(json, JsonReading.Options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                throw new InvalidDataException("expected a JSON array of UI messages");
            }

            int index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                Record r = ReadRecord(ref reader);
                if (index++ == 0)
                {
                    continue; // slice(1): the task's first message is not part of the metrics
                }

                switch (r.Kind)
                {
                    case RecordKind.Started:
                        records.Add(r);
                        startedStack.Add(records.Count - 1);
                        break;
                    case RecordKind.Finished:
                        // combineApiRequests: merge into the most recent unmerged api_req_started; the finished message goes.
                        if (startedStack.Count > 0)
                        {
                            int s = startedStack[^1];
                            startedStack.RemoveAt(startedStack.Count - 1);
                            records[s] = records[s] with { Data = RequestData.Merge(records[s].Data, r.Data) };
                        }

                        break;
                    default:
                        records.Add(r);
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"invalid JSON ({e.Message})", e);
        }

        return records;
    }

    private static Record ReadRecord(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return default;
        }

        bool isSay = false;
        RecordKind sayKind = RecordKind.Other;
        RequestData data = default;
        JsValue newContextTokens = default, condenseCost = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                isSay = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("say"u8);
            }
            else if (reader.ValueTextEquals("say"u8))
            {
                reader.Read();
                sayKind = reader.TokenType != JsonTokenType.String ? RecordKind.Other
                    : reader.ValueTextEquals("api_req_started"u8) ? RecordKind.Started
                    : reader.ValueTextEquals("api_req_finished"u8) ? RecordKind.Finished
                    : reader.ValueTextEquals("condense_context"u8) ? RecordKind.Condense
                    : RecordKind.Other;
            }
            else if (reader.ValueTextEquals("text"u8))
            {
                reader.Read();
                data = reader.TokenType == JsonTokenType.String ? RequestData.Parse(JsonStrings.GetString(ref reader)) : default;
            }
            else if (reader.ValueTextEquals("contextCondense"u8))
            {
                reader.Read();
                (newContextTokens, condenseCost) = ReadContextCondense(ref reader);
            }
            else
            {
                reader.Read();
            }

            reader.Skip();
        }

        return new Record(isSay ? sayKind : RecordKind.Other, data, newContextTokens, condenseCost);
    }

    private static (JsValue NewContextTokens, JsValue Cost) ReadContextCondense(ref Utf8JsonReader reader)
    {
        JsValue newContextTokens = default, cost = default;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return (newContextTokens, cost);
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isTokens = reader.ValueTextEquals("newContextTokens"u8);
            bool isCost = !isTokens && reader.ValueTextEquals("cost"u8);
            reader.Read();
            if (isTokens)
            {
                newContextTokens = JsValue.Read(ref reader);
            }
            else if (isCost)
            {
                cost = JsValue.Read(ref reader);
            }

            reader.Skip();
        }

        return (newContextTokens, cost);
    }

    private enum RecordKind : byte
    {
        Other,
        Started,
        Finished,
        Condense,
    }

    private readonly record struct Record(RecordKind Kind, RequestData Data, JsValue NewContextTokens, JsValue CondenseCost);

    // The parsed JSON of an api_req_started / api_req_finished text: only the two figures the walk reads.
    private readonly record struct RequestData(bool IsObject, JsValue TokensIn, JsValue TokensOut, JsValue CacheWrites, JsValue CacheReads, JsValue Cost)
    {
        public static RequestData Parse(string text)
        {
            if (text.Length == 0)
            {
                return default; // falsy text: skipped by the walk, {} when merged
            }

            byte[] utf8 = Encoding.UTF8.GetBytes(text);
            try
            {
                var reader = new Utf8JsonReader(utf8, JsonReading.Options);
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    return default; // non-object JSON: destructuring finds no figures (null throws and is skipped): 0 either way
                }

                JsValue tokensIn = default, tokensOut = default, cacheWrites = default, cacheReads = default, cost = default;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    int field = reader.ValueTextEquals("tokensIn"u8) ? 1
                        : reader.ValueTextEquals("tokensOut"u8) ? 2
                        : reader.ValueTextEquals("cacheWrites"u8) ? 3
                        : reader.ValueTextEquals("cacheReads"u8) ? 4
                        : reader.ValueTextEquals("cost"u8) ? 5
                        : 0;
                    reader.Read();
                    switch (field)
                    {
                        case 1: tokensIn = JsValue.Read(ref reader); break;
                        case 2: tokensOut = JsValue.Read(ref reader); break;
                        case 3: cacheWrites = JsValue.Read(ref reader); break;
                        case 4: cacheReads = JsValue.Read(ref reader); break;
                        case 5: cost = JsValue.Read(ref reader); break;
                    }

                    reader.Skip();
                }

                reader.Read(); // trailing data makes JSON.parse throw
                return new RequestData(true, tokensIn, tokensOut, cacheWrites, cacheReads, cost);
            }
            catch (JsonException)
            {
                return default; // JSON.parse threw: the walk skips it; a merge uses {}
            }
        }

        // JSON.stringify({...start, ...finish}) parsed again: always an object; finish's keys win.
        public static RequestData Merge(RequestData start, RequestData finish) => new(
            true,
            finish.TokensIn.Present ? finish.TokensIn : start.TokensIn,
            finish.TokensOut.Present ? finish.TokensOut : start.TokensOut,
            finish.CacheWrites.Present ? finish.CacheWrites : start.CacheWrites,
            finish.CacheReads.Present ? finish.CacheReads : start.CacheReads,
            finish.Cost.Present ? finish.Cost : start.Cost);
    }

    // A JSON value as `value || 0` sees it in a sum.
    private readonly record struct JsValue(bool Present, double Number, bool Unsupported, bool IsNumber = false)
    {
        public static JsValue Read(ref Utf8JsonReader reader) => reader.TokenType switch
        {
            JsonTokenType.Number => new JsValue(true, JsonNumbers.Parse(reader.ValueSpan), false, true),
            JsonTokenType.True => new JsValue(true, 1, false),
            JsonTokenType.False or JsonTokenType.Null => new JsValue(true, 0, false),
            JsonTokenType.String when reader.ValueSpan.IsEmpty => new JsValue(true, 0, false),
            _ => new JsValue(true, 0, true),
        };

        public double Get() => Unsupported
            ? throw new InvalidDataException("a token figure (tokensIn, tokensOut or newContextTokens) is a string or an object; the extension would concatenate text here")
            : Number;
    }
}
