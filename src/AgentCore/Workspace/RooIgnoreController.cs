namespace AgentCore.Workspace;

/// <summary>
/// The extension's <c>RooIgnoreController</c>: the workspace root's <c>.rooignore</c> (gitignore syntax, npm
/// <c>ignore</c> semantics, plus the pattern <c>.rooignore</c>). An absent or empty file turns it off.
/// </summary>
/// <remarks>Immutable after construction; thread-safe.</remarks>
internal sealed class RooIgnoreController
{
    private readonly NpmIgnore? _ignore;

    private RooIgnoreController(string cwd, string? content)
    {
        Cwd = cwd;
        Content = string.IsNullOrEmpty(content) ? null : content;
        if (Content is not null)
        {
            _ignore = new NpmIgnore(IgnoreRules.Concat([IgnoreRules.Parse(Content), IgnoreRules.FromLines([".rooignore"])]));
        }
    }

    /// <summary>The workspace root the patterns are relative to.</summary>
    public string Cwd { get; }

    /// <summary>False when there is no <c>.rooignore</c> (or it is empty): every path is then allowed.</summary>
    public bool IsActive => _ignore is not null;

    /// <summary>The file's text, or null when the controller is off.</summary>
    public string? Content { get; }

    /// <summary>Loads <c>&lt;cwd&gt;/.rooignore</c> (a missing or unreadable file turns the controller off).</summary>
    public static RooIgnoreController Load(string cwd)
    {
        string path = Path.Combine(cwd, ".rooignore");
        string? content = null;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length <= IgnoreRules.MaxIgnoreFileBytes)
            {
                content = File.ReadAllText(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return new RooIgnoreController(cwd, content);
    }

    /// <summary>A controller with the given <c>.rooignore</c> text (tests, servers holding the text).</summary>
    public static RooIgnoreController FromContent(string cwd, string? content) => new(cwd, content);

    /// <summary>
    /// <c>validateAccess</c>: false when the path (after following symlinks) is ignored. Paths outside the root and the
    /// root itself are allowed, as in the reference (the package throws for them and the controller allows on throw).
    /// </summary>
    public bool ValidateAccess(string filePath)
    {
        if (_ignore is null)
        {
            return true;
        }

        string abs = JsPath.Resolve(Cwd, filePath);
        string real = RealPath.TryResolve(abs) ?? abs;
        string rel = JsPath.Relative(Cwd, real);
        return !NpmIgnore.IsValid(rel) || !_ignore.Ignores(rel);
    }
}
