using System.Text.RegularExpressions;

namespace AgentCore.ToolCalls;

/// <summary>
/// Builds partial and final tool uses from parsed arguments, per tool, as the reference's
/// <c>createPartialToolUse</c> and <c>parseToolCall</c> do (spec §5–§6).
/// </summary>
internal static partial class ToolUseBuilder
{
    private static readonly JsObject s_emptyArgs = new();

    /// <summary>The partial for <paramref name="rawName"/> from <c>parseJSON</c>'s value; null where the reference's builder throws.</summary>
    public static ToolUse? BuildPartial(string rawName, JsValue args)
    {
        string resolved = ToolNames.ResolveAlias(rawName);
        JsValue a = args.IsTruthy ? args : s_emptyArgs;
        try
        {
            var p = new JsObject();
            if (a is JsObject o)
            {
                foreach (KeyValuePair<string, JsValue> e in o.OrderedEntries())
                {
                    if (ToolNames.Params.Contains(e.Key))
                    {
                        p.Set(e.Key, AsParam(e.Value));
                    }
                }
            }

            JsObject? native = NativeArgs(resolved, a, final: false, out bool legacy);
            return new ToolUse
            {
                Name = resolved,
                Params = p,
                Partial = true,
                NativeArgs = native,
                OriginalName = resolved == rawName ? null : rawName,
                UsedLegacyFormat = legacy,
                Reusable = true,
            };
        }
        catch (JsTypeError)
        {
            return null;
        }
    }

    /// <summary><c>parseToolCall({id, name, arguments})</c>: the final tool use, or null with the reason.</summary>
    public static ToolUse? BuildFinal(string id, string name, ReadOnlyMemory<char> arguments, IReadOnlySet<string> customTools, out ToolCallErrorKind error)
    {
        error = ToolCallErrorKind.None;
        string mcp = McpNames.Normalize(name);
        if (mcp.StartsWith("mcp--", StringComparison.Ordinal))
        {
            return BuildMcp(id, mcp, arguments, out error);
        }

        string resolved = ToolNames.ResolveAlias(name);
        bool custom = customTools.Contains(resolved);
        if (!ToolNames.Tools.Contains(resolved) && !custom)
        {
            error = ToolCallErrorKind.UnknownTool;
            return null;
        }

        JsValue args;
        if (arguments.IsEmpty)
        {
            args = new JsObject();
        }
        else if (!StrictJson.TryParse(arguments, out args))
        {
            error = ToolCallErrorKind.InvalidJson;
            return null;
        }

        try
        {
            if (args is JsNull)
            {
                throw new JsTypeError(); // Object.entries(null)
            }

            var p = new JsObject();
            foreach (KeyValuePair<string, JsValue> e in OwnEntries(args))
            {
                if (custom || ToolNames.Params.Contains(e.Key))
                {
                    p.Set(e.Key, AsParam(e.Value));
                }
            }

            JsValue? native = NativeArgs(resolved, args, final: true, out bool legacy);
            if (native is null && custom && !HasCase(resolved))
            {
                native = args;
            }

            if (native is null && !custom)
            {
                error = ToolCallErrorKind.MissingNativeArgs;
                return null;
            }

            return new ToolUse
            {
                Name = resolved,
                Params = p,
                Partial = false,
                NativeArgs = native,
                OriginalName = resolved == name ? null : name,
                UsedLegacyFormat = legacy,
            };
        }
        catch (JsTypeError)
        {
            error = ToolCallErrorKind.Exception;
            return null;
        }
    }

    private static ToolUse? BuildMcp(string id, string normalized, ReadOnlyMemory<char> arguments, out ToolCallErrorKind error)
    {
        error = ToolCallErrorKind.None;
        JsValue args;
        if (arguments.IsEmpty)
        {
            args = new JsObject();
        }
        else if (!StrictJson.TryParse(arguments, out args))
        {
            error = ToolCallErrorKind.InvalidJson;
            return null;
        }

        if (!McpNames.TrySplit(normalized, out string server, out string tool))
        {
            error = ToolCallErrorKind.InvalidMcpName;
            return null;
        }

        return new ToolUse { IsMcp = true, Id = id, Name = normalized, ServerName = server, ToolName = tool, Arguments = args, Partial = false };
    }

    /// <summary><c>Object.entries(v)</c> for a non-null value.</summary>
    private static IEnumerable<KeyValuePair<string, JsValue>> OwnEntries(JsValue v)
    {
        switch (v)
        {
            case JsObject o:
                return o.OrderedEntries();
            case JsArray a:
                return a.Items.Select((x, i) => new KeyValuePair<string, JsValue>(i.ToString(System.Globalization.CultureInfo.InvariantCulture), x));
            case JsString s:
                return s.Value.ToArray().Select((c, i) => new KeyValuePair<string, JsValue>(
                    i.ToString(System.Globalization.CultureInfo.InvariantCulture), new JsString(c.ToString())));
            default:
                return [];
        }
    }

    private static JsValue AsParam(JsValue v) => v is JsString ? v : new JsString(ToolCallJson.Stringify(v));

    private static bool HasCase(string tool) => tool is "read_file" or "attempt_completion" or "execute_command" or "write_to_file"
        or "apply_diff" or "ask_followup_question" or "codebase_search" or "generate_image" or "run_slash_command" or "skill"
        or "search_files" or "switch_mode" or "update_todo_list" or "use_mcp_tool" or "access_mcp_resource"
        or "read_command_output" or "apply_patch" or "search_replace" or "edit" or "edit_file" or "list_files" or "new_task";

    /// <summary>The nativeArgs of <paramref name="tool"/> (spec §6.4), or null when not built.</summary>
    private static JsObject? NativeArgs(string tool, JsValue a, bool final, out bool legacy)
    {
        legacy = false;
        switch (tool)
        {
            case "read_file":
                return ReadFile(a, out legacy);
            case "attempt_completion":
                return JsValue.Truthy(Get(a, "result")) ? Obj(a, "result") : null;
            case "execute_command":
                return JsValue.Truthy(Get(a, "command")) ? Obj(a, "command", "cwd", "timeout") : null;
            case "write_to_file":
                return (final ? Def(a, "path") && Def(a, "content") : JsValue.Truthy(Get(a, "path")) || JsValue.Truthy(Get(a, "content")))
                    ? Obj(a, "path", "content") : null;
            case "apply_diff":
                return Both(a, final, "path", "diff") ? Obj(a, "path", "diff") : null;
            case "ask_followup_question":
                if (!Both(a, final, "question", "follow_up"))
                {
                    return null;
                }

                var q = new JsObject();
                q.SetIfPresent("question", Get(a, "question"));
                JsValue? followUp = Get(a, "follow_up");
                q.SetIfPresent("follow_up", final || followUp is JsArray ? followUp : null);
                return q;
            case "codebase_search":
                return Def(a, "query") ? Obj(a, "query", "path") : null;
            case "generate_image":
                return Both(a, final, "prompt", "path") ? Obj(a, "prompt", "path", "image") : null;
            case "run_slash_command":
                return Def(a, "command") ? Obj(a, "command", "args") : null;
            case "skill":
                return Def(a, "skill") ? Obj(a, "skill", "args") : null;
            case "search_files":
                return Both(a, final, "path", "regex") ? Obj(a, "path", "regex", "file_pattern") : null;
            case "switch_mode":
                return Both(a, final, "mode_slug", "reason") ? Obj(a, "mode_slug", "reason") : null;
            case "update_todo_list":
                return Def(a, "todos") ? Obj(a, "todos") : null;
            case "use_mcp_tool":
                return Both(a, final, "server_name", "tool_name") ? Obj(a, "server_name", "tool_name", "arguments") : null;
            case "access_mcp_resource":
                return final && Def(a, "server_name") && Def(a, "uri") ? Obj(a, "server_name", "uri") : null;
            case "read_command_output":
                return final && Def(a, "artifact_id") ? Obj(a, "artifact_id", "search", "offset", "limit") : null;
            case "apply_patch":
                return Def(a, "patch") ? Obj(a, "patch") : null;
            case "search_replace":
                return Three(a, final) ? Obj(a, "file_path", "old_string", "new_string") : null;
            case "edit":
                if (!Three(a, final))
                {
                    return null;
                }

                JsObject edit = Obj(a, "file_path", "old_string", "new_string");
                edit.SetIfPresent("replace_all", JsConversions.CoerceBoolean(Get(a, "replace_all")));
                return edit;
            case "edit_file":
                return Three(a, final) ? Obj(a, "file_path", "old_string", "new_string", "expected_replacements") : null;
            case "list_files":
                if (!Def(a, "path"))
                {
                    return null;
                }

                JsObject list = Obj(a, "path");
                list.SetIfPresent("recursive", JsConversions.CoerceBoolean(Get(a, "recursive")));
                return list;
            case "new_task":
                return Both(a, final, "mode", "message") ? Obj(a, "mode", "message", "todos") : null;
            default:
                return null;
        }
    }

    private static JsValue? Get(JsValue a, string key) => JsValue.Get(a, key);

    private static bool Def(JsValue a, string key) => Get(a, key) is not null;

    /// <summary>Final: both keys present; partial: either.</summary>
    private static bool Both(JsValue a, bool final, string k1, string k2) => final ? Def(a, k1) && Def(a, k2) : Def(a, k1) || Def(a, k2);

    private static bool Three(JsValue a, bool final) => final
        ? Def(a, "file_path") && Def(a, "old_string") && Def(a, "new_string")
        : Def(a, "file_path") || Def(a, "old_string") || Def(a, "new_string");

    private static JsObject Obj(JsValue a, params ReadOnlySpan<string> keys)
    {
        var o = new JsObject();
        foreach (string k in keys)
        {
            o.SetIfPresent(k, Get(a, k));
        }

        return o;
    }

    private static JsObject? ReadFile(JsValue a, out bool legacy)
    {
        legacy = false;
        JsValue? files = Get(a, "files");
        if (files is not null)
        {
            JsArray? array = files as JsArray;
            if (files is JsString s && StrictJson.TryParse(s.Value, out JsValue parsed))
            {
                array = parsed as JsArray;
            }

            if (array is { Items.Count: > 0 })
            {
                legacy = true;
                var native = new JsObject();
                native.Set("files", ConvertFileEntries(array));
                native.Set("_legacyFormat", JsBool.True);
                return native;
            }
        }

        if (!Def(a, "path"))
        {
            return null;
        }

        JsObject r = Obj(a, "path", "mode");
        r.SetIfPresent("offset", JsConversions.CoerceNumber(Get(a, "offset")));
        r.SetIfPresent("limit", JsConversions.CoerceNumber(Get(a, "limit")));
        JsValue? ind = Get(a, "indentation");
        if (ind is JsObject or JsArray)
        {
            var i = new JsObject();
            i.SetIfPresent("anchor_line", JsConversions.CoerceNumber(Get(ind, "anchor_line")));
            i.SetIfPresent("max_levels", JsConversions.CoerceNumber(Get(ind, "max_levels")));
            i.SetIfPresent("max_lines", JsConversions.CoerceNumber(Get(ind, "max_lines")));
            i.SetIfPresent("include_siblings", JsConversions.CoerceBoolean(Get(ind, "include_siblings")));
            i.SetIfPresent("include_header", JsConversions.CoerceBoolean(Get(ind, "include_header")));
            r.Set("indentation", i);
        }

        return r;
    }

    private static JsArray ConvertFileEntries(JsArray files)
    {
        var result = new JsArray();
        foreach (JsValue f in files.Items)
        {
            if (f is JsNull)
            {
                throw new JsTypeError(); // reading .path of null
            }

            var entry = new JsObject();
            entry.SetIfPresent("path", JsValue.Get(f, "path"));
            if (JsValue.Get(f, "line_ranges") is JsArray ranges)
            {
                var list = new JsArray();
                foreach (JsValue r in ranges.Items)
                {
                    JsValue? range = ConvertRange(r);
                    if (range is not null)
                    {
                        list.Items.Add(range);
                    }
                }

                entry.Set("lineRanges", list);
            }

            result.Items.Add(entry);
        }

        return result;
    }

    private static JsObject? ConvertRange(JsValue r)
    {
        double start;
        double end;
        if (r is JsArray { Items.Count: >= 2 } pair)
        {
            start = JsConversions.ToNumber(pair.Items[0]);
            end = JsConversions.ToNumber(pair.Items[1]);
        }
        else if (r is JsObject o && o.Has("start") && o.Has("end"))
        {
            start = JsConversions.ToNumber(o.Get("start"));
            end = JsConversions.ToNumber(o.Get("end"));
        }
        else if (r is JsString s && RangeText().Match(s.ToString()) is { Success: true } m && m.Index + m.Length == s.Value.Length)
        {
            start = double.Parse(m.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            end = double.Parse(m.Groups[2].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            return null;
        }

        var range = new JsObject();
        range.Set("start", new JsNumber(start));
        range.Set("end", new JsNumber(end));
        return range;
    }

    [GeneratedRegex(@"^([0-9]+)-([0-9]+)\z", RegexOptions.CultureInvariant)]
    private static partial Regex RangeText();

    /// <summary>A JavaScript TypeError inside the reference's builder (caught there: the result becomes null).</summary>
    private sealed class JsTypeError : Exception;
}
