using System.Text.Json;

namespace AgentCore.Diagnostics;

/// <summary>
/// Writes a recording as Chrome trace-event JSON, the format Perfetto (ui.perfetto.dev) and chrome://tracing open:
/// <c>{"traceEvents":[...],"displayTimeUnit":"ms","otherData":{...}}</c>.
/// </summary>
/// <remarks>
/// Every scope is one complete event (<c>"ph":"X"</c>) with <c>pid</c>, <c>tid</c>, <c>ts</c> and <c>dur</c> in
/// microseconds; nesting follows from the times on one track. Each track gets a <c>thread_name</c> metadata event
/// (<c>"ph":"M"</c>): thread tracks by the thread's name, async tracks as <c>async: NAME</c>. Events dropped because
/// the buffer was full are counted in <c>otherData.droppedEvents</c>. Streams through <see cref="Utf8JsonWriter"/>
/// with no reflection.
/// </remarks>
internal static class ChromeTraceWriter
{
    public static void Write(Stream output, TraceSnapshot snapshot)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
        double microsPerTick = 1_000_000.0 / snapshot.TicksPerSecond;
        json.WriteStartObject();
        json.WriteStartArray("traceEvents");

        json.WriteStartObject();
        json.WriteString("name", "process_name");
        json.WriteString("ph", "M");
        json.WriteNumber("pid", snapshot.ProcessId);
        json.WriteNumber("tid", 0);
        json.WriteStartObject("args");
        json.WriteString("name", "agentcore");
        json.WriteEndObject();
        json.WriteEndObject();

        var named = new HashSet<int>();
        foreach (KeyValuePair<int, string> thread in snapshot.ThreadNames)
        {
            WriteThreadName(json, snapshot.ProcessId, thread.Key, thread.Value, thread.Key);
            named.Add(thread.Key);
        }

        foreach (TraceEvent e in snapshot.Events)
        {
            if (named.Add(e.Track))
            {
                // An async track (or a thread that was never registered): named after its first scope.
                WriteThreadName(json, snapshot.ProcessId, e.Track, e.Track >= Profiler.AsyncTrackBase ? "async: " + e.Name : $"thread {e.Track}", e.Track);
            }

            json.WriteStartObject();
            json.WriteString("name", e.Name);
            json.WriteString("cat", Category(e.Name));
            json.WriteString("ph", "X");
            json.WriteNumber("pid", snapshot.ProcessId);
            json.WriteNumber("tid", e.Track);
            json.WriteNumber("ts", Math.Round(e.Start * microsPerTick, 3));
            json.WriteNumber("dur", Math.Round(e.Duration * microsPerTick, 3));
            json.WriteEndObject();
            if (json.BytesPending > 32 * 1024)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();
        json.WriteString("displayTimeUnit", "ms");
        json.WriteStartObject("otherData");
        json.WriteString("producer", "agentcore");
        json.WriteNumber("events", snapshot.Events.Count);
        json.WriteNumber("droppedEvents", snapshot.Dropped);
        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
    }

    private static void WriteThreadName(Utf8JsonWriter json, int pid, int tid, string name, int sortIndex)
    {
        json.WriteStartObject();
        json.WriteString("name", "thread_name");
        json.WriteString("ph", "M");
        json.WriteNumber("pid", pid);
        json.WriteNumber("tid", tid);
        json.WriteStartObject("args");
        json.WriteString("name", name);
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject();
        json.WriteString("name", "thread_sort_index");
        json.WriteString("ph", "M");
        json.WriteNumber("pid", pid);
        json.WriteNumber("tid", tid);
        json.WriteStartObject("args");
        json.WriteNumber("sort_index", sortIndex);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // "tokens.count" -> "tokens": the concern, so a trace can be filtered by category.
    private static string Category(string name)
    {
        int dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? name : name[..dot];
    }
}
