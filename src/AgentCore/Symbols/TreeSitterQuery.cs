using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using static AgentCore.Symbols.TreeSitterNative;

namespace AgentCore.Symbols;

/// <summary>
/// A compiled tree-sitter query for one grammar, with its capture names classified for the definitions listing and
/// its text predicates (<c>#eq?</c>, <c>#not-eq?</c>, <c>#match?</c>, <c>#not-match?</c> and their <c>any-</c> forms)
/// prepared for evaluation in C#, as web-tree-sitter evaluates them (the C runtime does not).
/// </summary>
/// <remarks>Compiled once per process and grammar, on first use (compiling the TypeScript query costs 100+ ms);
/// immutable afterwards and shared by all threads. Never freed: it lives as long as the process.</remarks>
internal sealed unsafe class TreeSitterQuery
{
    private static readonly ConcurrentDictionary<string, Lazy<TreeSitterQuery>> s_cache = new(StringComparer.Ordinal);

    private readonly TextPredicate[][] _predicates;

    private TreeSitterQuery(string grammar, nint language, nint query, string[] captureNames, TextPredicate[][] predicates)
    {
        Grammar = grammar;
        Language = language;
        Handle = query;
        CaptureNames = captureNames;
        Kinds = Array.ConvertAll(captureNames, CaptureKinds.Of);
        NameDefinitionKinds = Array.ConvertAll(captureNames, static n => Suffix(n, "name.definition."));
        DefinitionKinds = Array.ConvertAll(captureNames, static n => Suffix(n, "definition."));
        _predicates = predicates;
    }

    private static string? Suffix(string name, string prefix) =>
        name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : null;

    /// <summary>The grammar name (<c>typescript</c>, <c>c_sharp</c>, ...).</summary>
    public string Grammar { get; }

    /// <summary>The TSLanguage pointer.</summary>
    public nint Language { get; }

    /// <summary>The TSQuery pointer.</summary>
    public nint Handle { get; }

    /// <summary>Capture names by capture id.</summary>
    public string[] CaptureNames { get; }

    /// <summary>How the definitions listing treats each capture id.</summary>
    public CaptureKind[] Kinds { get; }

    /// <summary>By capture id: "class" for <c>name.definition.class</c>, else null (the symbol index's kinds, one
    /// string per capture so that no symbol allocates one).</summary>
    public string?[] NameDefinitionKinds { get; }

    /// <summary>By capture id: "class" for <c>definition.class</c>, else null.</summary>
    public string?[] DefinitionKinds { get; }

    /// <summary>The query of <paramref name="language"/>, compiled on first use.</summary>
    /// <exception cref="InvalidOperationException">The grammar is not in this build or the query does not compile.</exception>
    public static TreeSitterQuery For(DefinitionLanguage language) =>
        s_cache.GetOrAdd(language.QueryKey, static (_, l) => new Lazy<TreeSitterQuery>(() => Compile(l)), language).Value;

    /// <summary>True when this build links the grammar named <paramref name="grammar"/>.</summary>
    /// <remarks>Read from the build's grammar list (assembly metadata), not from the native registry: its lookup
    /// inflates the grammar's parse tables (13 ms for TypeScript), and the index's walk asks this for every file, so an
    /// unchanged re-index paid the inflation of every language in the tree.</remarks>
    public static bool HasGrammar(string grammar) => s_compiled?.Contains(grammar) ?? TreeSitterNative.Language(grammar) != 0;

    private static readonly FrozenSet<string>? s_compiled = CompiledGrammars();

    private static FrozenSet<string>? CompiledGrammars()
    {
        foreach (AssemblyMetadataAttribute a in typeof(TreeSitterQuery).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
        {
            if (a.Key == "AgentCoreGrammars" && a.Value is not null)
            {
                return a.Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToFrozenSet(StringComparer.Ordinal);
            }
        }

        return null;
    }

    /// <summary>Whether a match passes the text predicates of its pattern.</summary>
    public bool Accepts(in TSQueryMatch match, ReadOnlySpan<byte> source)
    {
        TextPredicate[] predicates = _predicates[match.PatternIndex];
        for (int i = 0; i < predicates.Length; i++)
        {
            if (!predicates[i].Test(match, source))
            {
                return false;
            }
        }

        return true;
    }

    private static TreeSitterQuery Compile(DefinitionLanguage language)
    {
        string grammar = language.Grammar!;
        nint lang = TreeSitterNative.Language(grammar);
        if (lang == 0)
        {
            throw new InvalidOperationException($"the {grammar} grammar is not compiled into this build");
        }

        var text = new StringBuilder();
        foreach (string file in language.QueryFiles)
        {
            text.Append(ReadQuery(file)).Append('\n');
        }

        byte[] source = Encoding.UTF8.GetBytes(text.ToString());
        uint errorOffset = 0, errorType = 0;
        nint query;
        fixed (byte* p = source)
        {
            query = QueryNew(lang, p, (uint)source.Length, &errorOffset, &errorType);
        }

        if (query == 0)
        {
            throw new InvalidOperationException($"the {grammar} query does not compile: error {errorType} at byte {errorOffset}");
        }

        uint captureCount = QueryCaptureCount(query);
        string[] names = new string[captureCount];
        for (uint i = 0; i < captureCount; i++)
        {
            uint length;
            byte* name = QueryCaptureNameForId(query, i, &length);
            names[i] = Encoding.UTF8.GetString(name, (int)length);
        }

        uint patternCount = QueryPatternCount(query);
        var predicates = new TextPredicate[patternCount][];
        for (uint p = 0; p < patternCount; p++)
        {
            predicates[p] = ReadPredicates(query, p, names);
        }

        return new TreeSitterQuery(grammar, lang, query, names, predicates);
    }

    private static string ReadQuery(string file)
    {
        using Stream stream = typeof(TreeSitterQuery).Assembly.GetManifestResourceStream("AgentCore.Symbols.Queries." + file + ".scm")
            ?? throw new InvalidOperationException($"the query {file}.scm is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static TextPredicate[] ReadPredicates(nint query, uint pattern, string[] captureNames)
    {
        uint count;
        TSQueryPredicateStep* steps = QueryPredicatesForPattern(query, pattern, &count);
        var result = new List<TextPredicate>();
        var current = new List<TSQueryPredicateStep>();
        for (uint i = 0; i < count; i++)
        {
            if (steps[i].Type != 0)
            {
                current.Add(steps[i]);
                continue;
            }

            TextPredicate? predicate = TextPredicate.Create(query, current);
            if (predicate is not null)
            {
                result.Add(predicate);
            }

            current.Clear();
        }

        return [.. result];
    }

    internal static string StringValue(nint query, uint id)
    {
        uint length;
        byte* value = QueryStringValueForId(query, id, &length);
        return Encoding.UTF8.GetString(value, (int)length);
    }

    /// <summary>One text predicate of a pattern, with web-tree-sitter 0.25's semantics: the predicate holds when every
    /// (or, for <c>any-</c>, some) node of the capture passes; a capture absent from the match passes.</summary>
    private sealed class TextPredicate
    {
        private readonly uint _capture;
        private readonly uint _otherCapture;
        private readonly bool _compareCaptures;
        private readonly byte[]? _value;
        private readonly Regex? _regex;
        private readonly bool _positive;
        private readonly bool _matchAll;

        private TextPredicate(uint capture, uint otherCapture, bool compareCaptures, byte[]? value, Regex? regex, bool positive, bool matchAll)
        {
            _capture = capture;
            _otherCapture = otherCapture;
            _compareCaptures = compareCaptures;
            _value = value;
            _regex = regex;
            _positive = positive;
            _matchAll = matchAll;
        }

        public static TextPredicate? Create(nint query, List<TSQueryPredicateStep> steps)
        {
            if (steps.Count < 3 || steps[0].Type != 2 || steps[1].Type != 1)
            {
                return null; // directives (#strip!, #select-adjacent!, #set!) change no capture the listing reads
            }

            string op = StringValue(query, steps[0].ValueId);
            bool positive = op is "eq?" or "any-eq?" or "match?" or "any-match?";
            bool matchAll = !op.StartsWith("any-", StringComparison.Ordinal);
            switch (op)
            {
                case "eq?" or "not-eq?" or "any-eq?" or "any-not-eq?":
                    return steps[2].Type == 1
                        ? new TextPredicate(steps[1].ValueId, steps[2].ValueId, true, null, null, positive, matchAll)
                        : new TextPredicate(steps[1].ValueId, 0, false, Encoding.UTF8.GetBytes(StringValue(query, steps[2].ValueId)), null, positive, matchAll);
                case "match?" or "not-match?" or "any-match?" or "any-not-match?":
                    var regex = new Regex(JsRegex.Translate(StringValue(query, steps[2].ValueId)), RegexOptions.CultureInvariant);
                    return new TextPredicate(steps[1].ValueId, 0, false, null, regex, positive, matchAll);
                default:
                    return null;
            }
        }

        public bool Test(in TSQueryMatch match, ReadOnlySpan<byte> source)
        {
            bool any = false;
            for (int i = 0; i < match.CaptureCount; i++)
            {
                TSQueryCapture c = match.Captures[i];
                if (c.Index != _capture)
                {
                    continue;
                }

                bool passes = Passes(c.Node, match, source);
                if (_matchAll && !passes)
                {
                    return false;
                }

                any |= passes;
            }

            return _matchAll || any;
        }

        private bool Passes(TSNode node, in TSQueryMatch match, ReadOnlySpan<byte> source)
        {
            ReadOnlySpan<byte> text = NodeText(node, source);
            if (_regex is not null)
            {
                return _regex.IsMatch(Encoding.UTF8.GetString(text)) == _positive;
            }

            if (!_compareCaptures)
            {
                return text.SequenceEqual(_value) == _positive;
            }

            // web-tree-sitter: a node of the first capture passes when some node of the second compares as asked.
            for (int i = 0; i < match.CaptureCount; i++)
            {
                TSQueryCapture c = match.Captures[i];
                if (c.Index == _otherCapture && NodeText(c.Node, source).SequenceEqual(text) == _positive)
                {
                    return true;
                }
            }

            return false;
        }
    }

    internal static ReadOnlySpan<byte> NodeText(TSNode node, ReadOnlySpan<byte> source)
    {
        int start = (int)NodeStartByte(node);
        int end = (int)NodeEndByte(node);
        return end > source.Length || start > end ? default : source[start..end];
    }
}
