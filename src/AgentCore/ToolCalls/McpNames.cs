namespace AgentCore.ToolCalls;

/// <summary>The reference's MCP tool names: <c>mcp--server--tool</c>, and the <c>mcp__server__tool</c> spelling some models send.</summary>
internal static class McpNames
{
    /// <summary><c>normalizeMcpToolName</c>: <c>mcp__a__b</c> (any mix of <c>__</c>/<c>--</c>) → <c>mcp--a--b</c>; other names unchanged.</summary>
    public static string Normalize(string name)
    {
        if (!name.Replace('-', '_').StartsWith("mcp__", StringComparison.Ordinal))
        {
            return name;
        }

        var parts = new List<string>();
        int start = 0;
        int i = 0;
        while (i + 1 < name.Length)
        {
            if ((name[i] == '_' && name[i + 1] == '_') || (name[i] == '-' && name[i + 1] == '-'))
            {
                parts.Add(name[start..i]);
                i += 2;
                start = i;
            }
            else
            {
                i++;
            }
        }

        parts.Add(name[start..]);
        if (parts.Count >= 3 && parts[0].Equals("mcp", StringComparison.OrdinalIgnoreCase))
        {
            return "mcp--" + parts[1] + "--" + string.Join("--", parts.Skip(2));
        }

        return name;
    }

    /// <summary><c>parseMcpToolName</c> on a normalised name: server and tool, split at the first <c>--</c> after the prefix.</summary>
    public static bool TrySplit(string normalized, out string server, out string tool)
    {
        server = tool = "";
        string n = Normalize(normalized);
        if (!n.StartsWith("mcp--", StringComparison.Ordinal))
        {
            return false;
        }

        string rest = n[5..];
        int sep = rest.IndexOf("--", StringComparison.Ordinal);
        if (sep < 0)
        {
            return false;
        }

        server = rest[..sep];
        tool = rest[(sep + 2)..];
        return server.Length > 0 && tool.Length > 0;
    }
}
