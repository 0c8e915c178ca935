namespace AgentCore.Workspace;

/// <summary>The verdict of an ignore rule set on one path: no rule matched, ignored, or re-included (<c>!pattern</c>).</summary>
internal enum IgnoreMatch : byte
{
    /// <summary>No rule matched.</summary>
    None,

    /// <summary>The last matching rule ignores the path.</summary>
    Ignore,

    /// <summary>The last matching rule is a negation (<c>!pattern</c>): the path is re-included.</summary>
    Whitelist,
}
