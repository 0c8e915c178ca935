using System.Text;

namespace AgentCore.Workspace;

/// <summary>Node's POSIX <c>path.resolve</c>, <c>path.relative</c> and <c>path.normalize</c>, as the extension computes paths.</summary>
internal static class JsPath
{
    /// <summary><c>path.resolve(from, to)</c>: an absolute, normalized path without a trailing slash (except <c>/</c>).</summary>
    public static string Resolve(string from, string to) =>
        Normalize(to.StartsWith('/') ? to : from + "/" + to);

    /// <summary>Collapses <c>.</c>, <c>..</c>, repeated and trailing slashes of an absolute path.</summary>
    public static string Normalize(string absolute)
    {
        var parts = new List<string>();
        foreach (string seg in absolute.Split('/'))
        {
            if (seg.Length == 0 || seg == ".")
            {
                continue;
            }

            if (seg == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }

                continue;
            }

            parts.Add(seg);
        }

        return "/" + string.Join('/', parts);
    }

    /// <summary><c>path.relative(from, to)</c> for absolute normalized paths: <c>""</c> when equal, <c>../x</c> when outside.</summary>
    public static string Relative(string from, string to)
    {
        if (from == to)
        {
            return "";
        }

        if (from == "/")
        {
            return to[1..];
        }

        if (to.Length > from.Length && to[from.Length] == '/' && to.StartsWith(from, StringComparison.Ordinal))
        {
            return to[(from.Length + 1)..];
        }

        string[] f = from.Split('/', StringSplitOptions.RemoveEmptyEntries);
        string[] t = to.Split('/', StringSplitOptions.RemoveEmptyEntries);
        int common = 0;
        while (common < f.Length && common < t.Length && f[common] == t[common])
        {
            common++;
        }

        var sb = new StringBuilder();
        for (int k = common; k < f.Length; k++)
        {
            sb.Append(sb.Length == 0 ? ".." : "/..");
        }

        for (int k = common; k < t.Length; k++)
        {
            sb.Append(sb.Length == 0 ? "" : "/").Append(t[k]);
        }

        return sb.ToString();
    }

    /// <summary><c>path.basename</c> of a normalized path.</summary>
    public static string BaseName(string path)
    {
        string p = path.Length > 1 ? path.TrimEnd('/') : path;
        int slash = p.LastIndexOf('/');
        return slash < 0 ? p : p[(slash + 1)..];
    }

    /// <summary><c>path.dirname</c> of a normalized absolute path.</summary>
    public static string DirName(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash <= 0 ? "/" : path[..slash];
    }
}
