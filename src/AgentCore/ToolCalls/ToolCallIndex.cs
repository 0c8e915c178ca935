namespace AgentCore.ToolCalls;

/// <summary>
/// The <c>index</c> of a <c>tool_call_partial</c> chunk as a JavaScript <c>Map</c> key (SameValueZero): a number, a
/// string, a boolean, <c>null</c>, or absent (<c>undefined</c>, a key of its own). Distinct kinds never match, so the
/// string <c>"0"</c> and the number 0 are two trackers.
/// </summary>
internal readonly record struct ToolCallIndex
{
    private ToolCallIndex(ToolCallIndexKind kind, double number, string? text)
    {
        Kind = kind;
        Number = number;
        Text = text;
    }

    /// <summary>The kind of key.</summary>
    public ToolCallIndexKind Kind { get; }

    /// <summary>The number (for <see cref="ToolCallIndexKind.Number"/>; -0 is normalised to 0, as SameValueZero compares).</summary>
    public double Number { get; }

    /// <summary>The string (for <see cref="ToolCallIndexKind.String"/>).</summary>
    public string? Text { get; }

    /// <summary>An absent index.</summary>
    public static ToolCallIndex Absent => default;

    /// <summary>A numeric index.</summary>
    public static ToolCallIndex FromNumber(double value) => new(ToolCallIndexKind.Number, value == 0 ? 0 : value, null);

    /// <summary>A string index.</summary>
    public static ToolCallIndex FromString(string value) => new(ToolCallIndexKind.String, 0, value);

    /// <summary>A boolean index.</summary>
    public static ToolCallIndex FromBoolean(bool value) => new(ToolCallIndexKind.Boolean, value ? 1 : 0, null);

    /// <summary>A <c>null</c> index.</summary>
    public static ToolCallIndex Null => new(ToolCallIndexKind.Null, 0, null);
}

/// <summary>The kinds of <see cref="ToolCallIndex"/>.</summary>
internal enum ToolCallIndexKind
{
    /// <summary>Absent (<c>undefined</c>).</summary>
    Absent,

    /// <summary>A number.</summary>
    Number,

    /// <summary>A string.</summary>
    String,

    /// <summary>A boolean.</summary>
    Boolean,

    /// <summary><c>null</c>.</summary>
    Null,
}
