using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using AgentCore.Operations;

namespace AgentCore.Conversations;

/// <summary>
/// Checks messages given as JSON (JSON-RPC params) against the extension's API history shape before anything is
/// stored or sent: each one an object with <c>role</c> <c>"user"</c> or <c>"assistant"</c> and <c>content</c> a
/// string or an array of content blocks (other keys such as <c>ts</c>, <c>isSummary</c> and <c>id</c> are kept as
/// given). Errors name the field (<c>messages[2].role</c>) and never quote a value.
/// </summary>
internal static class ApiMessageShape
{
    /// <summary>
    /// Validates <paramref name="messages"/> (a JSON array) and returns each element's raw UTF-8 JSON (views into the
    /// element's document, valid while it lives). O(total length).
    /// </summary>
    /// <exception cref="OperationException"><see cref="ErrorCodes.InvalidArgument"/> for a wrong shape;
    /// <see cref="ErrorCodes.TooLarge"/> for a message over <paramref name="maxMessageBytes"/>.</exception>
    public static List<ReadOnlyMemory<byte>> Validate(JsonElement messages, string field, int maxMessageBytes)
    {
        if (messages.ValueKind != JsonValueKind.Array)
        {
            OperationException.ThrowInvalidArgument(field, $"{field} must be an array of messages {{role, content}}");
        }

        var raw = new List<ReadOnlyMemory<byte>>(messages.GetArrayLength());
        int i = 0;
        foreach (JsonElement message in messages.EnumerateArray())
        {
            string at = string.Create(CultureInfo.InvariantCulture, $"{field}[{i}]");
            if (message.ValueKind != JsonValueKind.Object)
            {
                OperationException.ThrowInvalidArgument(at, $"{at} must be an object {{role, content}}");
            }

            if (!message.TryGetProperty("role"u8, out JsonElement role) || role.ValueKind != JsonValueKind.String
                || !(role.ValueEquals("user"u8) || role.ValueEquals("assistant"u8)))
            {
                OperationException.ThrowInvalidArgument(at + ".role", $"{at}.role must be \"user\" or \"assistant\"");
            }

            if (!message.TryGetProperty("content"u8, out JsonElement content) || content.ValueKind is not (JsonValueKind.String or JsonValueKind.Array))
            {
                OperationException.ThrowInvalidArgument(at + ".content", $"{at}.content must be a string or an array of content blocks");
            }

            ReadOnlyMemory<byte> json = JsonMarshal.GetRawUtf8Value(message).ToArray();
            if (json.Length > maxMessageBytes)
            {
                OperationException.Throw(ErrorCodes.TooLarge,
                    string.Create(CultureInfo.InvariantCulture, $"{at} is larger than {maxMessageBytes} bytes of JSON"), at);
            }

            raw.Add(json);
            i++;
        }

        return raw;
    }
}
