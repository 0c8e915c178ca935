using System.Text;
using AgentCore.Diagnostics.Workloads;

namespace AgentCore.Benchmarks.Diagnostics;

/// <summary>The scope benchmarks' input: 2,000 chat-message-sized slices (60-300 chars) of the mixed corpus, UTF-8, fixed seed.</summary>
internal static class ShortMessages
{
    public static byte[][] Create()
    {
        string corpus = TokenCorpus.Mixed(1_000_000);
        var random = new Random(7);
        var messages = new byte[2_000][];
        for (int i = 0; i < messages.Length; i++)
        {
            int length = random.Next(60, 300);
            int start = random.Next(0, corpus.Length - length - 1);
            messages[i] = Encoding.UTF8.GetBytes(corpus.Substring(start, length));
        }

        return messages;
    }
}
