using System.Collections.Frozen;

namespace AgentCore.ToolCalls;

/// <summary>The reference's tool name lists (<c>toolNames</c>, <c>toolParamNames</c>, <c>TOOL_ALIASES</c>) at its final commit.</summary>
internal static class ToolNames
{
    /// <summary>The 24 valid tool names.</summary>
    public static readonly FrozenSet<string> Tools = FrozenSet.Create(StringComparer.Ordinal,
    [
        "execute_command", "read_file", "read_command_output", "write_to_file", "apply_diff", "edit", "search_and_replace",
        "search_replace", "edit_file", "apply_patch", "search_files", "list_files", "use_mcp_tool", "access_mcp_resource",
        "ask_followup_question", "attempt_completion", "switch_mode", "new_task", "codebase_search", "update_todo_list",
        "run_slash_command", "skill", "generate_image", "custom_tool",
    ]);

    /// <summary>The 54 parameter names kept in <c>params</c>.</summary>
    public static readonly FrozenSet<string> Params = FrozenSet.Create(StringComparer.Ordinal,
    [
        "command", "path", "content", "regex", "file_pattern", "recursive", "action", "url", "coordinate", "text",
        "server_name", "tool_name", "arguments", "uri", "question", "result", "diff", "mode_slug", "reason", "line", "mode",
        "message", "cwd", "follow_up", "task", "size", "query", "args", "skill", "start_line", "end_line", "todos", "prompt",
        "image", "operations", "patch", "file_path", "old_string", "new_string", "replace_all", "expected_replacements",
        "timeout", "artifact_id", "search", "offset", "limit", "indentation", "anchor_line", "max_levels",
        "include_siblings", "include_header", "max_lines", "files", "line_ranges",
    ]);

    /// <summary><c>resolveToolAlias</c>: write_file → write_to_file, search_and_replace → edit, anything else unchanged.</summary>
    public static string ResolveAlias(string name) => name switch
    {
        "write_file" => "write_to_file",
        "search_and_replace" => "edit",
        _ => name,
    };
}
