using System.Globalization;

namespace AgentCore.Host.Cli;

/// <summary>
/// The first phase of every verb: the command line checked against the verb's option list (names, and a value for
/// each option that takes one), with no I/O. Values are checked by the typed getters (<see cref="GetInt64"/>,
/// <see cref="GetChoice"/>, ...) as the verb binds its request, before the operation starts, so a verb never starts
/// work on a command line it will reject.
/// </summary>
/// <remarks>
/// Written by hand rather than taken from a library (measured on this machine, same AOT profile, a two-option
/// verb, docs/performance.md): ConsoleAppFramework 5.8.1 adds 24.7 KB and nothing measurable to startup, but it
/// exits 1 with its own messages where the contract wants exit 2 and one line on stderr; System.CommandLine 2.0.0
/// adds 1.65 MB and 0.7 ms per start. This parser costs neither and its rules are the contract's.
/// </remarks>
internal sealed class ParsedArgs
{
    private readonly string _verb;
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly List<string> _positionals = [];
    private List<KeyValuePair<string, string>>? _all;

    private ParsedArgs(string verb) => _verb = verb;

    /// <summary>Options every verb accepts, before or after the verb: <c>--trace FILE</c>.</summary>
    public static ReadOnlySpan<OptionSpec> GlobalOptions => s_globalOptions;

    private static readonly OptionSpec[] s_globalOptions = [new("trace", TakesValue: true)];

    /// <summary>Positional arguments in order (<c>-</c> included as given).</summary>
    public IReadOnlyList<string> Positionals => _positionals;

    /// <summary>True when <c>--help</c> or <c>-h</c> was given.</summary>
    public bool HelpRequested { get; private set; }

    /// <summary>Parses <paramref name="args"/> for <paramref name="verb"/>; throws <see cref="UsageException"/> on anything it does not accept.</summary>
    public static ParsedArgs Parse(string verb, ReadOnlySpan<string> args, ReadOnlySpan<OptionSpec> options)
    {
        var parsed = new ParsedArgs(verb);
        bool optionsEnded = false;
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (optionsEnded || arg.Length < 2 || arg[0] != '-')
            {
                parsed._positionals.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                optionsEnded = true;
                continue;
            }

            if (arg is "-h" or "--help")
            {
                parsed.HelpRequested = true;
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"unknown option '{arg}' for '{verb}' (see 'agentcore {verb} --help')");
            }

            int eq = arg.IndexOf('=', StringComparison.Ordinal);
            string name = eq < 0 ? arg[2..] : arg[2..eq];
            OptionSpec? spec = Find(options, name) ?? Find(s_globalOptions, name);
            if (spec is null)
            {
                throw new UsageException($"unknown option '--{name}' for '{verb}' (see 'agentcore {verb} --help')");
            }

            string? value = null;
            if (spec.Value.TakesValue)
            {
                if (eq >= 0)
                {
                    value = arg[(eq + 1)..];
                }
                else if (i + 1 < args.Length)
                {
                    value = args[++i];
                }
                else
                {
                    throw new UsageException($"option '--{name}' needs a value");
                }
            }
            else if (eq >= 0)
            {
                throw new UsageException($"option '--{name}' takes no value");
            }

            if (spec.Value.TakesValue && value!.Length == 0 && name == "trace")
            {
                throw new UsageException($"option '--{name}' needs a file name, got an empty one");
            }

            if (spec.Value.Repeatable)
            {
                parsed._options[name] = value;
                (parsed._all ??= []).Add(new(name, value!));
            }
            else if (!parsed._options.TryAdd(name, value))
            {
                throw new UsageException($"option '--{name}' given more than once");
            }
        }

        return parsed;
    }

    /// <summary>Every value of the repeatable option <paramref name="name"/>, in command-line order.</summary>
    public IReadOnlyList<string> GetAll(string name) =>
        _all is null ? [] : _all.Where(kv => kv.Key == name).Select(kv => kv.Value).ToList();

    /// <summary>True when the switch or option <paramref name="name"/> was given.</summary>
    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>The value of option <paramref name="name"/>, or null when it was not given.</summary>
    public string? Get(string name) => _options.TryGetValue(name, out string? v) ? v : null;

    /// <summary>The value of option <paramref name="name"/> as an integer in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public long? GetInt64(string name, long min = long.MinValue, long max = long.MaxValue)
    {
        string? text = Get(name);
        if (text is null)
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) || value < min || value > max)
        {
            throw new UsageException(max == long.MaxValue
                ? $"option '--{name}' needs an integer >= {min}, got '{text}'"
                : $"option '--{name}' needs an integer in [{min}, {max}], got '{text}'");
        }

        return value;
    }

    /// <summary>The value of option <paramref name="name"/>, which must be one of <paramref name="allowed"/>.</summary>
    public string? GetChoice(string name, ReadOnlySpan<string> allowed)
    {
        int index = GetChoiceIndex(name, allowed);
        return index < 0 ? null : allowed[index];
    }

    /// <summary>The index in <paramref name="allowed"/> of option <paramref name="name"/>'s value, which must be one of them; -1 when the option is absent.</summary>
    public int GetChoiceIndex(string name, ReadOnlySpan<string> allowed)
    {
        string? text = Get(name);
        if (text is null)
        {
            return -1;
        }

        for (int i = 0; i < allowed.Length; i++)
        {
            if (allowed[i] == text)
            {
                return i;
            }
        }

        throw new UsageException($"option '--{name}' must be one of {string.Join(", ", allowed.ToArray())}; got '{text}'");
    }

    /// <summary>Throws unless the number of positional arguments is within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public void ExpectPositionals(int min, int max)
    {
        if (_positionals.Count < min)
        {
            throw new UsageException($"'{_verb}' needs {(min == 1 ? "an argument" : $"{min} arguments")} (see 'agentcore {_verb} --help')");
        }

        if (_positionals.Count > max)
        {
            throw new UsageException($"'{_verb}' takes at most {max} argument{(max == 1 ? "" : "s")}; got '{_positionals[max]}'");
        }
    }

    private static OptionSpec? Find(ReadOnlySpan<OptionSpec> options, string name)
    {
        foreach (OptionSpec o in options)
        {
            if (o.Name == name)
            {
                return o;
            }
        }

        return null;
    }
}
