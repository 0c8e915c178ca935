namespace AgentCore.Workspace;

/// <summary>Options of <see cref="Wildmatch"/>, as git's <c>WM_PATHNAME</c> and <c>WM_CASEFOLD</c>.</summary>
[Flags]
internal enum WildmatchFlags
{
    /// <summary><c>*</c> matches across slashes (git's pathspec "pathmatch").</summary>
    None = 0,

    /// <summary>Slashes separate path segments: <c>*</c>, <c>?</c> and classes stop at <c>/</c>; <c>**</c> spans directories.</summary>
    PathName = 1,

    /// <summary>ASCII case-insensitive.</summary>
    CaseFold = 2,
}
