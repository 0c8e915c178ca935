using System.Text;
using AgentCore.Conversations;

namespace AgentCore.Tests.Conversations;

/// <summary>Raw (pre-×1.5) token count of a text as the conversation counts it.</summary>
internal static class MessageTokenCounterProbe
{
    public static long Text(string text)
    {
        using var c = new Conversation();
        c.Append(MessageRole.User, text);
        return c.RawTokenTotal;
    }
}
