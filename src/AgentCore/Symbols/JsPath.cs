namespace AgentCore.Symbols;

/// <summary>Node's POSIX <c>path.extname</c> / <c>path.basename</c> rules, which the reference's output depends on.</summary>
internal static class JsPath
{
    /// <summary>Node <c>path.extname</c>: the last '.' of the last segment, unless the segment starts with it.</summary>
    public static string ExtName(string path)
    {
        string name = BaseName(path);
        int dot = name.LastIndexOf('.');
        return dot <= 0 ? "" : name[dot..];
    }

    /// <summary>Node <c>path.basename</c> (POSIX): the last segment, trailing slashes ignored.</summary>
    public static string BaseName(string path)
    {
        int end = path.Length;
        while (end > 1 && path[end - 1] == '/')
        {
            end--;
        }

        int start = path.LastIndexOf('/', end - 1) + 1;
        return path[start..end];
    }
}
