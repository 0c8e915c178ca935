using System.Text.Json;

namespace AgentCore.Host.Rpc;

/// <summary>
/// Turns a params binding failure into -32602 naming the field. The exception's own text is never shown: under
/// the publish profile it is a resource key, and it could quote the value (a secret must never be echoed).
/// </summary>
internal static class RpcParamErrors
{
    /// <summary>The -32602 error for <paramref name="e"/>.</summary>
    public static RpcException From(JsonException e)
    {
        string? path = e.Path;
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            string? missing = MissingRequired(e.Message);
            return missing is null
                ? RpcException.InvalidParams("params", "Invalid params: params must be an object with the method's fields")
                : RpcException.InvalidParams(missing, $"Invalid params: {missing} is required");
        }

        string field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return RpcException.InvalidParams(field, $"Invalid params: {field} has the wrong type or value");
    }

    // System.Text.Json names missing required properties in single quotes ("... including: 'text'", or with
    // resource keys "JsonRequiredPropertiesMissing, Type, 'text'"); the names come from the type, not the input.
    private static string? MissingRequired(string message)
    {
        if (!message.Contains("equired", StringComparison.Ordinal))
        {
            return null;
        }

        int end = message.LastIndexOf('\'');
        int start = end > 0 ? message.LastIndexOf('\'', end - 1) : -1;
        return start >= 0 && end > start + 1 ? message[(start + 1)..end] : null;
    }
}
