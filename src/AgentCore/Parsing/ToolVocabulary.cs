namespace AgentCore.Parsing;

/// <summary>
/// The tool and parameter names the extension's XML tool-use format recognises (reference commit: 20 tools, 34 params),
/// in the reference's list order.
/// </summary>
/// <remarks>
/// Any parameter name is accepted inside any tool (the reference does no per-tool validation). No tag is a suffix of
/// another, so the list order never decides between two matches.
/// </remarks>
internal static class ToolVocabulary
{
    internal static readonly string[] s_toolNames =
    [
        "execute_command", "read_file", "write_to_file", "apply_diff", "insert_content", "search_files", "list_files",
        "list_code_definition_names", "browser_action", "use_mcp_tool", "access_mcp_resource", "ask_followup_question",
        "attempt_completion", "switch_mode", "new_task", "fetch_instructions", "codebase_search", "update_todo_list",
        "run_slash_command", "generate_image",
    ];

    internal static readonly string[] s_paramNames =
    [
        "command", "path", "content", "line_count", "regex", "file_pattern", "recursive", "action", "url", "coordinate",
        "text", "server_name", "tool_name", "arguments", "uri", "question", "result", "diff", "mode_slug", "reason", "line",
        "mode", "message", "cwd", "follow_up", "task", "size", "query", "args", "start_line", "end_line", "todos", "prompt",
        "image",
    ];

    /// <summary>Index of <c>write_to_file</c> in <see cref="ToolNames"/>.</summary>
    internal const int WriteToFileTool = 2;

    /// <summary>Index of <c>content</c> in <see cref="ParamNames"/>.</summary>
    internal const int ContentParam = 2;

    internal static readonly int s_maxToolNameLength = MaxLength(s_toolNames);
    internal static readonly int s_maxParamNameLength = MaxLength(s_paramNames);

    /// <summary>The 20 tool names, in the reference's order.</summary>
    public static IReadOnlyList<string> ToolNames => s_toolNames;

    /// <summary>The 34 parameter names, in the reference's order.</summary>
    public static IReadOnlyList<string> ParamNames => s_paramNames;

    /// <summary>Index of <paramref name="name"/> in <paramref name="names"/>, or -1.</summary>
    internal static int IndexOf(string[] names, ReadOnlySpan<char> name)
    {
        for (int i = 0; i < names.Length; i++)
        {
            string n = names[i];
            if (n.Length == name.Length && name.SequenceEqual(n))
            {
                return i;
            }
        }

        return -1;
    }

    private static int MaxLength(string[] names)
    {
        int max = 0;
        foreach (string n in names)
        {
            max = Math.Max(max, n.Length);
        }

        return max;
    }
}
