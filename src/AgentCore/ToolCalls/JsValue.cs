namespace AgentCore.ToolCalls;

/// <summary>
/// A JavaScript value as the reference's tool-call code sees it: null, boolean, number (a double), string (UTF-16
/// code units, lone surrogates allowed), array or plain object. JavaScript's <c>undefined</c> ("absent") is a C#
/// <see langword="null"/> reference wherever a <see cref="JsValue"/> is expected.
/// </summary>
public abstract class JsValue
{
    private protected JsValue()
    {
    }

    /// <summary>JavaScript truthiness (false for null, false, 0, -0, NaN and the empty string).</summary>
    public abstract bool IsTruthy { get; }

    /// <summary>Truthiness of a possibly absent value.</summary>
    public static bool Truthy(JsValue? value) => value is not null && value.IsTruthy;

    /// <summary>A property read <c>value.key</c>: own properties first, then the prototype chain; absent on non-objects.</summary>
    public static JsValue? Get(JsValue? value, string key) => value is JsObject o ? o.Get(key) : null;
}

/// <summary>JavaScript <c>null</c>.</summary>
public sealed class JsNull : JsValue
{
    /// <summary>The one instance.</summary>
    public static readonly JsNull Instance = new();

    private JsNull()
    {
    }

    /// <inheritdoc/>
    public override bool IsTruthy => false;
}

/// <summary>A JavaScript boolean.</summary>
public sealed class JsBool : JsValue
{
    /// <summary><c>true</c>.</summary>
    public static readonly JsBool True = new(true);

    /// <summary><c>false</c>.</summary>
    public static readonly JsBool False = new(false);

    private JsBool(bool value) => Value = value;

    /// <summary>The value.</summary>
    public bool Value { get; }

    /// <summary>The instance for <paramref name="value"/>.</summary>
    public static JsBool From(bool value) => value ? True : False;

    /// <inheritdoc/>
    public override bool IsTruthy => Value;
}

/// <summary>A JavaScript number (an IEEE-754 double; -0, NaN and the infinities included).</summary>
public sealed class JsNumber(double value) : JsValue
{
    /// <summary>The value.</summary>
    public double Value { get; } = value;

    /// <inheritdoc/>
    public override bool IsTruthy => Value != 0 && !double.IsNaN(Value);
}

/// <summary>
/// A JavaScript string. Its characters may be a slice of a larger buffer (the accumulated argument text, or a decode
/// buffer), so a long string is never copied to be exposed. A string still being streamed is updated in place by its
/// parser (it only grows); every other string is immutable.
/// </summary>
public sealed class JsString : JsValue
{
    /// <summary>The empty string.</summary>
    public static readonly JsString Empty = new(ReadOnlyMemory<char>.Empty);

    /// <summary>Wraps <paramref name="value"/> (not copied).</summary>
    public JsString(ReadOnlyMemory<char> value) => Value = value;

    /// <summary>Wraps <paramref name="value"/>.</summary>
    public JsString(string value) => Value = value.AsMemory();

    /// <summary>The UTF-16 code units.</summary>
    public ReadOnlyMemory<char> Value { get; internal set; }

    /// <summary>The code units as a span.</summary>
    public ReadOnlySpan<char> Span => Value.Span;

    /// <inheritdoc/>
    public override bool IsTruthy => Value.Length > 0;

    /// <inheritdoc/>
    public override string ToString() => Value.ToString();
}

/// <summary>A JavaScript array.</summary>
public sealed class JsArray : JsValue
{
    /// <summary>The elements (never absent: JSON has no holes).</summary>
    public List<JsValue> Items { get; } = [];

    /// <inheritdoc/>
    public override bool IsTruthy => true;
}
