using System.Collections.Frozen;

namespace AgentCore.Symbols;

/// <summary>How the reference extension treats one file extension in its definitions listing (parity spec 3.1).</summary>
internal enum DefinitionLanguageKind
{
    /// <summary>A tree-sitter grammar and query compiled into this build.</summary>
    TreeSitter,

    /// <summary>.md / .markdown: headings by regular expressions, no tree-sitter.</summary>
    Markdown,

    /// <summary>.ejs / .erb: the reference loads the grammar under another key, so the lookup by extension fails and
    /// the file prints <c>Unsupported file type: PATH</c>.</summary>
    MissingParserKey,

    /// <summary>.htm / .elm / .vb: the reference's loader throws <c>Unsupported language: EXT</c>.</summary>
    UnsupportedLanguage,

    /// <summary>A language the reference parses with a grammar this build does not include (no definitions).</summary>
    NotCompiled,
}

/// <summary>One extension's treatment: its key (the extension without the dot), grammar and query files.</summary>
internal sealed record DefinitionLanguage(string Key, DefinitionLanguageKind Kind, string? Grammar, string[] QueryFiles)
{
    /// <summary>The tree-sitter tables are shared by extensions that use the same grammar and query.</summary>
    public string QueryKey => Grammar + ":" + string.Join('+', QueryFiles);
}

/// <summary>The reference's extension list and extension-to-grammar map (parity spec 3.1).</summary>
internal static class DefinitionLanguages
{
    /// <summary>The reference's `extensions` list, in its order, with the dot.</summary>
    public static readonly string[] Extensions =
    [
        ".tla", ".js", ".jsx", ".ts", ".vue", ".tsx", ".py", ".rs", ".go", ".c", ".h", ".cpp", ".hpp", ".cs", ".rb",
        ".java", ".php", ".swift", ".sol", ".kt", ".kts", ".ex", ".exs", ".el", ".html", ".htm", ".md", ".markdown",
        ".json", ".css", ".rdl", ".ml", ".mli", ".lua", ".scala", ".toml", ".zig", ".elm", ".ejs", ".erb", ".vb",
    ];

    private static readonly FrozenSet<string> s_extensions = Extensions.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, DefinitionLanguage> s_byKey = Build().ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>True when <paramref name="extension"/> (with the dot, case as given) is in the reference's list.</summary>
    public static bool IsListed(string extension) => s_extensions.Contains(extension);

    /// <summary>The treatment of an extension key (lowercase, no dot), or null when the reference ignores it.</summary>
    public static DefinitionLanguage? ForKey(string key) => s_byKey.GetValueOrDefault(key);

    /// <summary>The treatment of a path by its extension (lowercased, as the reference's file mode does).</summary>
    public static DefinitionLanguage? ForPath(string path)
    {
        string ext = JsPath.ExtName(path).ToLowerInvariant();
        return s_extensions.Contains(ext) ? ForKey(ext[1..]) : null;
    }

    private static IEnumerable<KeyValuePair<string, DefinitionLanguage>> Build()
    {
        static KeyValuePair<string, DefinitionLanguage> Ts(string key, string grammar, params string[] queries) =>
            new(key, new DefinitionLanguage(key, DefinitionLanguageKind.TreeSitter, grammar, queries));
        static KeyValuePair<string, DefinitionLanguage> Other(string key, DefinitionLanguageKind kind) =>
            new(key, new DefinitionLanguage(key, kind, null, []));

        yield return Ts("js", "javascript", "javascript");
        yield return Ts("jsx", "javascript", "javascript");
        yield return Ts("json", "javascript", "javascript");
        yield return Ts("ts", "typescript", "typescript");
        yield return Ts("tsx", "tsx", "typescript", "tsx");
        yield return Ts("py", "python", "python");
        yield return Ts("rs", "rust", "rust");
        yield return Ts("go", "go", "go");
        yield return Ts("cpp", "cpp", "cpp");
        yield return Ts("hpp", "cpp", "cpp");
        yield return Ts("c", "c", "c");
        yield return Ts("h", "c", "c");
        yield return Ts("cs", "c_sharp", "c-sharp");
        yield return Ts("rb", "ruby", "ruby");
        yield return Ts("java", "java", "java");
        yield return Ts("php", "php", "php");
        yield return Other("md", DefinitionLanguageKind.Markdown);
        yield return Other("markdown", DefinitionLanguageKind.Markdown);
        yield return Other("ejs", DefinitionLanguageKind.MissingParserKey);
        yield return Other("erb", DefinitionLanguageKind.MissingParserKey);
        yield return Other("htm", DefinitionLanguageKind.UnsupportedLanguage);
        yield return Other("elm", DefinitionLanguageKind.UnsupportedLanguage);
        yield return Other("vb", DefinitionLanguageKind.UnsupportedLanguage);
        foreach (string key in (string[])["tla", "vue", "swift", "sol", "kt", "kts", "ex", "exs", "el", "html", "css", "rdl", "ml", "mli", "lua", "scala", "toml", "zig"])
        {
            yield return Other(key, DefinitionLanguageKind.NotCompiled);
        }
    }
}
