namespace AgentCore.Symbols;

/// <summary>What the definitions listing does with a capture name (plain substring tests, as the reference does:
/// "definition.namespace", "func_name" and "decorator_name" all contain "name").</summary>
[Flags]
internal enum CaptureKind : byte
{
    /// <summary>Neither "definition" nor "name": skipped.</summary>
    Ignored = 0,

    /// <summary>Contains "definition" (and not "name"): the node itself, with a context line.</summary>
    Definition = 1,

    /// <summary>Contains "name": the node's parent is the definition.</summary>
    Name = 2,

    /// <summary>Contains "name.definition": printed when the name's text is not empty, no context line.</summary>
    NameDefinition = 4,
}

/// <summary>Capture-name classification.</summary>
internal static class CaptureKinds
{
    /// <summary>Classifies a capture name.</summary>
    public static CaptureKind Of(string name)
    {
        bool hasName = name.Contains("name", StringComparison.Ordinal);
        bool hasDefinition = name.Contains("definition", StringComparison.Ordinal);
        if (!hasName && !hasDefinition)
        {
            return CaptureKind.Ignored;
        }

        CaptureKind kind = hasName ? CaptureKind.Name : CaptureKind.Definition;
        if (name.Contains("name.definition", StringComparison.Ordinal))
        {
            kind |= CaptureKind.NameDefinition;
        }

        return kind;
    }
}
