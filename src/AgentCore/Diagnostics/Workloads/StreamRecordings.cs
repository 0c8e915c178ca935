using System.Reflection;
using AgentCore.Streaming;

namespace AgentCore.Diagnostics.Workloads;

/// <summary>
/// Recorded provider response bodies carried in the binary, one per <see cref="StreamFormat"/>: a plain-text reply in
/// each provider's exact wire format (the test suite's <c>plain-text</c> samples). The <c>bench</c> and <c>soak</c>
/// workloads decode them.
/// </summary>
internal static class StreamRecordings
{
    private static readonly byte[]?[] s_bodies = new byte[]?[StreamFormats.Names.Count];

    /// <summary>The recorded body for <paramref name="format"/>.</summary>
    public static ReadOnlyMemory<byte> Body(StreamFormat format)
    {
        int i = (int)format;
        return s_bodies[i] ??= Load(format);
    }

    /// <summary>
    /// Events in the body: SSE events (blocks ended by a blank line) for SSE formats, non-empty lines for NDJSON.
    /// </summary>
    public static int EventCount(StreamFormat format)
    {
        ReadOnlySpan<byte> body = Body(format).Span;
        int events = 0;
        if (format == StreamFormat.Ollama)
        {
            foreach (Range line in body.Split((byte)'\n'))
            {
                events += body[line].Trim((byte)'\r').IsEmpty ? 0 : 1;
            }

            return events;
        }

        bool inEvent = false;
        foreach (Range line in body.Split((byte)'\n'))
        {
            bool empty = body[line].Trim((byte)'\r').IsEmpty;
            if (!empty)
            {
                inEvent = true;
            }
            else if (inEvent)
            {
                events++;
                inEvent = false;
            }
        }

        return events + (inEvent ? 1 : 0);
    }

    private static byte[] Load(StreamFormat format)
    {
        string name = "AgentCore.Recordings." + StreamFormats.Name(format) + (format == StreamFormat.Ollama ? ".ndjson" : ".sse");
        using Stream stream = typeof(StreamRecordings).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the recording {name} is missing from the assembly");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
