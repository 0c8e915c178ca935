using System.Buffers;
using System.Text;
using System.Text.Unicode;
using AgentCore.Operations;
using AgentCore.Workspace;

namespace AgentCore.Symbols;

/// <summary>
/// The reference extension's <c>list_code_definition_names</c> tool (parity spec 3.5): tree-sitter definitions of a
/// file, or of the first 50 source files of a directory (Markdown first), as the exact text the model receives.
/// </summary>
public static class DefinitionsOperations
{
    /// <summary>The largest file parsed (the reference reads any file into one string; this bounds memory).</summary>
    public const int MaxFileBytes = 64 << 20;

    /// <summary>
    /// The languages this build lists definitions of: each tree-sitter grammar compiled in (the symbol index reads
    /// the same files), in the reference's extension order, then <c>markdown</c> (headings, definitions only).
    /// </summary>
    public static IReadOnlyList<string> Languages { get; } = BuildLanguages();

    /// <summary>Lists the definitions of a file or directory.</summary>
    /// <remarks>Every outcome the reference reports as text is a <see cref="DefinitionsResult"/>, including its
    /// failure sentences (<see cref="DefinitionsStatus.Failed"/>); only cancellation throws. Thread-safe.</remarks>
    public static Task<DefinitionsResult> ListDefinitionsAsync(DefinitionsRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Path.Length == 0)
        {
            OperationException.ThrowInvalidArgument("path", "path: must not be empty");
        }

        return Task.Run(() => ListDefinitions(request, ct), ct);
    }

    private static string[] BuildLanguages()
    {
        var names = new List<string>();
        foreach (string extension in DefinitionLanguages.Extensions)
        {
            DefinitionLanguage? language = DefinitionLanguages.ForKey(extension[1..]);
            if (language is { Kind: DefinitionLanguageKind.TreeSitter } && !names.Contains(language.Grammar!) && TreeSitterQuery.HasGrammar(language.Grammar!))
            {
                names.Add(language.Grammar!);
            }
        }

        names.Add("markdown");
        return [.. names];
    }

    private static DefinitionsResult ListDefinitions(DefinitionsRequest request, CancellationToken ct)
    {
        string absolute = Path.GetFullPath(request.Path);
        if (absolute.Length > 1)
        {
            absolute = Path.TrimEndingDirectorySeparator(absolute);
        }
        try
        {
            switch (TreeSitterNative.FileKind(absolute))
            {
                case 1:
                    string? file = ForFile(absolute, request.MinLines, ct);
                    return file is null
                        ? new DefinitionsResult("No source code definitions found in file.", DefinitionsStatus.None)
                        : new DefinitionsResult(TruncateToLineLimit(file, request.MaxReadFileLine), DefinitionsStatus.Found);
                case 2:
                    string text = ForDirectory(absolute, request.MinLines, ct);
                    return new DefinitionsResult(text, text == NoDefinitionsInDirectory ? DefinitionsStatus.None : DefinitionsStatus.Found);
                case 3:
                    return new DefinitionsResult("The specified path is neither a file nor a directory.", DefinitionsStatus.Failed);
                default:
                    return CannotAccess(absolute);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return CannotAccess(absolute);
        }
    }

    private const string NoDefinitionsInDirectory = "No source code definitions found.";

    private static DefinitionsResult CannotAccess(string absolute) =>
        new($"{absolute}: does not exist or cannot be accessed.", DefinitionsStatus.Failed);

    /// <summary>The reference's parseSourceCodeDefinitionsForFile: <c># name\n</c> + definitions, or null.</summary>
    internal static string? ForFile(string path, int minLines, CancellationToken ct)
    {
        DefinitionLanguage? language = DefinitionLanguages.ForPath(path);
        if (language is null)
        {
            return null;
        }

        if (language.Kind == DefinitionLanguageKind.UnsupportedLanguage)
        {
            throw new OperationException(new OperationError(ErrorCodes.Unsupported, $"Unsupported language: {language.Key}", path));
        }

        string? definitions = Definitions(path, language, minLines, ct);
        return definitions is null ? null : "# " + JsPath.BaseName(path) + "\n" + definitions;
    }

    /// <summary>The definitions of one file (without header), the reference's "Unsupported file type" line, or null.</summary>
    private static string? Definitions(string path, DefinitionLanguage language, int minLines, CancellationToken ct)
    {
        switch (language.Kind)
        {
            case DefinitionLanguageKind.MissingParserKey:
                return "Unsupported file type: " + path;
            case DefinitionLanguageKind.NotCompiled:
            case DefinitionLanguageKind.UnsupportedLanguage:
                return null;
        }

        byte[] source = ReadUtf8(path);
        var output = new ArrayBufferWriter<byte>(1024);
        bool found;
        if (language.Kind == DefinitionLanguageKind.Markdown)
        {
            found = MarkdownDefinitions.Format(source, minLines, output);
        }
        else
        {
            try
            {
                found = DefinitionCaptures.Format(language, source, minLines, output, ct);
            }
            catch (InvalidOperationException)
            {
                found = false; // the reference returns null when parsing throws
            }
        }

        return found ? Encoding.UTF8.GetString(output.WrittenSpan) : null;
    }

    /// <summary>The reference's parseSourceCodeForDefinitionsTopLevel (CLASSIC).</summary>
    internal static string ForDirectory(string directory, int minLines, CancellationToken ct)
    {
        var parse = new List<string>();
        (List<string> listed, _, _) = FileLister.List(directory, recursive: false, limit: 200, ct);
        foreach (string file in listed)
        {
            if (!file.EndsWith('/') && DefinitionLanguages.IsListed(JsPath.ExtName(file)))
            {
                parse.Add(file);
                if (parse.Count == 50)
                {
                    break;
                }
            }
        }

        var markdown = new List<(string Path, DefinitionLanguage Language)>();
        var others = new List<(string Path, DefinitionLanguage Language)>();
        foreach (string file in parse)
        {
            DefinitionLanguage language = DefinitionLanguages.ForPath(file)!;
            (language.Kind == DefinitionLanguageKind.Markdown ? markdown : others).Add((file, language));
        }

        // The reference loads every parser first; one unsupported language fails the whole listing.
        foreach ((string path, DefinitionLanguage language) in others)
        {
            if (language.Kind == DefinitionLanguageKind.UnsupportedLanguage)
            {
                throw new OperationException(new OperationError(ErrorCodes.Unsupported, $"Unsupported language: {language.Key}", path));
            }
        }

        var result = new StringBuilder();
        foreach ((string path, DefinitionLanguage language) in markdown)
        {
            ct.ThrowIfCancellationRequested();
            string? definitions;
            try
            {
                definitions = Definitions(path, language, minLines, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or OperationException)
            {
                continue; // the reference logs Markdown read errors and goes on
            }

            Append(result, directory, path, definitions);
        }

        foreach ((string path, DefinitionLanguage language) in others)
        {
            ct.ThrowIfCancellationRequested();
            Append(result, directory, path, Definitions(path, language, minLines, ct));
        }

        return result.Length > 0 ? result.ToString() : NoDefinitionsInDirectory;
    }

    private static void Append(StringBuilder result, string directory, string path, string? definitions)
    {
        if (definitions is not null)
        {
            result.Append("# ").Append(Path.GetRelativePath(directory, path).Replace('\\', '/')).Append('\n').Append(definitions).Append('\n');
        }
    }

    /// <summary>The reference's truncateDefinitionsToLineLimit.</summary>
    internal static string TruncateToLineLimit(string definitions, int maxReadFileLine)
    {
        if (maxReadFileLine <= 0)
        {
            return definitions;
        }

        string[] lines = definitions.Split('\n');
        var kept = new List<string>(lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (i == 0 && line.StartsWith('#'))
            {
                kept.Add(line);
                continue;
            }

            // ^\s*(\d+)(?:--(\d+))?\s*\|  with JavaScript's \s
            int p = 0;
            while (p < line.Length && JsString.IsSpace(line[p]))
            {
                p++;
            }

            int digits = p;
            while (p < line.Length && char.IsAsciiDigit(line[p]))
            {
                p++;
            }

            if (p == digits)
            {
                continue;
            }

            string first = line[digits..p];
            if (p + 1 < line.Length && line[p] == '-' && line[p + 1] == '-' && p + 2 < line.Length && char.IsAsciiDigit(line[p + 2]))
            {
                p += 2;
                while (p < line.Length && char.IsAsciiDigit(line[p]))
                {
                    p++;
                }
            }

            while (p < line.Length && JsString.IsSpace(line[p]))
            {
                p++;
            }

            if (p < line.Length && line[p] == '|' && double.Parse(first, System.Globalization.CultureInfo.InvariantCulture) <= maxReadFileLine)
            {
                kept.Add(line);
            }
        }

        return string.Join('\n', kept);
    }

    /// <summary>Reads a file as Node's <c>readFile(path, "utf8")</c> sees it: invalid UTF-8 becomes U+FFFD.</summary>
    internal static byte[] ReadUtf8(string path)
    {
        byte[] bytes;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan))
        {
            long length = stream.Length;
            if (length > MaxFileBytes)
            {
                throw new OperationException(FileErrors.TooLarge(path, MaxFileBytes));
            }

            bytes = new byte[length];
            stream.ReadExactly(bytes);
        }

        return Utf8.IsValid(bytes) ? bytes : Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes));
    }
}
