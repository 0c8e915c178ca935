using System.Text;

namespace AgentCore.Diagnostics.Workloads;

/// <summary>A realistic OpenAI Chat Completions body: N content deltas as OpenAI sends them, a usage chunk, [DONE].</summary>
internal static class ChatDeltaStream
{
    private static readonly string[] s_words = ["The", " user", " wants", " the", " weather", " for", " two", " cities", " — 18", " °C", ".", " Both"];

    public static byte[] Create(int events)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < events; i++)
        {
            sb.Append("data: {\"id\":\"chatcmpl-UN46h1a98IT6XJ89KYKVT2iv8Lhq1\",\"object\":\"chat.completion.chunk\",\"created\":1771906506,")
              .Append("\"model\":\"gpt-4.1-mini-2025-04-14\",\"service_tier\":\"default\",\"system_fingerprint\":\"fp_0fa4e79507\",")
              .Append("\"choices\":[{\"index\":0,\"delta\":{\"content\":\"").Append(s_words[i % s_words.Length])
              .Append("\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"0iHRnL\"}\n\n");
        }

        sb.Append("data: {\"id\":\"chatcmpl-UN46h1a98IT6XJ89KYKVT2iv8Lhq1\",\"object\":\"chat.completion.chunk\",\"created\":1771906506,")
          .Append("\"model\":\"gpt-4.1-mini-2025-04-14\",\"choices\":[],\"usage\":{\"prompt_tokens\":87,\"completion_tokens\":46,\"total_tokens\":133}}\n\n")
          .Append("data: [DONE]\n\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>One delta event (for the loopback harnesses).</summary>
    public static byte[] OneEvent(string text) => Encoding.UTF8.GetBytes(
        "data: {\"id\":\"chatcmpl-UN46h1a98IT6XJ89KYKVT2iv8Lhq1\",\"object\":\"chat.completion.chunk\",\"created\":1771906506,\"model\":\"gpt-4.1-mini-2025-04-14\"," +
        "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n");
}
