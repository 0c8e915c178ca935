using System.Text;
using AgentCore.Symbols;

namespace AgentCore.Tests.Symbols;

/// <summary>The parity vectors of spec section 3.6 (TestData/Symbols/Vectors: each source file beside its expected
/// output, `{DIR}` standing for the vector directory), through the library operation.</summary>
public sealed class DefinitionsOperationsTests
{
    private static readonly string s_vectors = Path.Combine(AppContext.BaseDirectory, "TestData", "Symbols", "Vectors");

    public static TheoryData<string> VectorFiles()
    {
        var data = new TheoryData<string>();
        foreach (string expected in Directory.GetFiles(s_vectors, "*.expected").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(expected)[..^".expected".Length]);
        }

        return data;
    }

    private static string Expected(string name) =>
        File.ReadAllText(Path.Combine(s_vectors, name + ".expected")).Replace("{DIR}", s_vectors, StringComparison.Ordinal);

    private static DefinitionsResult List(string path, int minLines = 4, int maxReadFileLine = -1) =>
        DefinitionsOperations.ListDefinitionsAsync(new DefinitionsRequest(path, maxReadFileLine) { MinLines = minLines }, CancellationToken.None).GetAwaiter().GetResult();

    [Theory]
    [MemberData(nameof(VectorFiles))]
    public void ListDefinitions_SpecVector_PrintsReferenceText(string name)
    {
        DefinitionsResult result = List(Path.Combine(s_vectors, name));
        Assert.Equal(Expected(name), result.Text);
        Assert.Equal(DefinitionsStatus.Found, result.Status);
    }

    [Fact]
    public void ListDefinitions_TypeScriptMinLinesZero_PrintsEveryCapture()
    {
        DefinitionsResult result = List(Path.Combine(s_vectors, "a.ts"), minLines: 0);
        Assert.Equal(
            "# a.ts\n3--13 | export class Foo {\n4--4 |   private a = 1\n6--8 |   constructor() {\n10--12 |   bar(x: number): number {\n" +
            "15--17 | function helper() {\n1--22 | import { x } from \"y\"\n19--22 | interface Shape {\n20--20 |   area(): number\n",
            result.Text);
    }

    [Fact]
    public void ListDefinitions_Directory_MarkdownFirstThenListingOrder()
    {
        string dir = Path.Combine(s_vectors, "dir");
        string expected =
            "# md1.md\n" + Body("md1.md") + "\n" +
            "# a.ts\n" + Body("a.ts") + "\n" +
            "# py1.py\n" + Body("py1.py") + "\n";
        Assert.Equal(expected, List(dir).Text);

        static string Body(string name) => Expected(name)[(Expected(name).IndexOf('\n', StringComparison.Ordinal) + 1)..];
    }

    [Fact]
    public void ListDefinitions_DirectoryWithElmFile_FailsAsTheReference()
    {
        using var dir = new TempDir();
        File.Copy(Path.Combine(s_vectors, "a.ts"), Path.Combine(dir.Path, "a.ts"));
        File.WriteAllText(Path.Combine(dir.Path, "e1.elm"), "module Main exposing (..)\n");
        DefinitionsResult result = List(dir.Path);
        Assert.Equal($"{dir.Path}: does not exist or cannot be accessed.", result.Text);
        Assert.Equal(DefinitionsStatus.Failed, result.Status);
    }

    [Theory]
    [InlineData("e1.elm")]
    [InlineData("p.vb")]
    [InlineData("q.htm")]
    public void ListDefinitions_UnsupportedLanguageFile_FailsAsTheReference(string name)
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, name);
        File.WriteAllText(path, "x\n");
        Assert.Equal($"{path}: does not exist or cannot be accessed.", List(path).Text);
    }

    [Fact]
    public void ListDefinitions_NoDefinitions_ReferenceSentences()
    {
        using var dir = new TempDir();
        string txt = Path.Combine(dir.Path, "notes.txt");
        File.WriteAllText(txt, "hello\n");
        Assert.Equal(new DefinitionsResult("No source code definitions found in file.", DefinitionsStatus.None), List(txt));
        Assert.Equal(new DefinitionsResult("No source code definitions found.", DefinitionsStatus.None), List(dir.Path));
        string md = Path.Combine(dir.Path, "plain.md");
        File.WriteAllText(md, "This is just some text.\nNo headers here.\nJust plain text.");
        Assert.Equal("No source code definitions found in file.", List(md).Text);
    }

    [Fact]
    public void ListDefinitions_MissingPathAndDevice_ReferenceSentences()
    {
        Assert.Equal("/no/such/file.ts: does not exist or cannot be accessed.", List("/no/such/file.ts").Text);
        Assert.Equal(new DefinitionsResult("The specified path is neither a file nor a directory.", DefinitionsStatus.Failed), List("/dev/zero"));
    }

    [Fact]
    public void ListDefinitions_CrlfSource_KeepsCarriageReturn()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "crlf.js");
        File.WriteAllText(path, "function add(a, b) {\r\n  const s = a + b\r\n  return s\r\n}\r\n");
        Assert.Equal("# crlf.js\n1--4 | function add(a, b) {\r\n", List(path).Text);
    }

    [Fact]
    public void ListDefinitions_CrlfMarkdown_AtxHeadingsVanishSetextStays()
    {
        // JavaScript's /^(#{1,6})\s+(.+)$/ fails on "# Title\r" ('.' stops at \r), while the Setext rules accept
        // "Setext Head\r" over "-----------\r" (\s* and [^\n] take the \r): checked with node against these regexes.
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "md1.md");
        File.WriteAllText(path, File.ReadAllText(Path.Combine(s_vectors, "md1.md")).Replace("\n", "\r\n", StringComparison.Ordinal));
        Assert.Equal("# md1.md\n14--17 | Setext Head\r\n", List(path).Text);
        File.WriteAllText(path, "# Title\r\none\r\ntwo\r\nthree\r\n");
        Assert.Equal("No source code definitions found in file.", List(path).Text);
    }

    [Fact]
    public void ParseMarkdown_SpecVectors_RowsAsReference()
    {
        List<MarkdownDefinitions.Heading> h = MarkdownDefinitions.Parse("# Section 1\nContent line 1\nContent line 2\n\n## Subsection 1.1\nMore content\n\n# Section 2\nFinal content");
        Assert.Equal([(0, 3), (4, 6), (7, 8)], h.Select(x => (x.StartRow, x.EndRow)));
        h = MarkdownDefinitions.Parse("Heading 1\n=========\n\nSome content under heading 1\n\nHeading 2\n---------\n\nSome content under heading 2\n");
        Assert.Equal((0, 4, 1, "Heading 1"), (h[0].StartRow, h[0].EndRow, h[0].Level, h[0].Text));
        Assert.Equal((5, 9), (h[1].StartRow, h[1].EndRow));
    }

    [Fact]
    public void TruncateToLineLimit_SpecVectors()
    {
        const string defs = "# file.txt\n10--20 | function foo() {\n50--60 | function bar() {\n80--90 | function baz() {";
        Assert.Equal("# file.txt\n10--20 | function foo() {", DefinitionsOperations.TruncateToLineLimit(defs, 30));
        Assert.Equal("# file.txt", DefinitionsOperations.TruncateToLineLimit(defs, 5));
        Assert.Equal(defs, DefinitionsOperations.TruncateToLineLimit(defs, 0));
        Assert.Equal("# file.txt", DefinitionsOperations.TruncateToLineLimit("# file.txt\nUnsupported file type: /x/file.txt", 10));
    }

    [Fact]
    public void ListDefinitions_InvalidUtf8_ReadAsReplacementCharacters()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "bad.py");
        byte[] body = Encoding.UTF8.GetBytes("def longer(a, b):\n    c = a + b\n    d = c * 2\n    return d\n");
        File.WriteAllBytes(path, [(byte)'#', (byte)' ', 0xFF, (byte)'\n', .. body]);
        Assert.Equal("# bad.py\n2--5 | def longer(a, b):\n1--5 | # \uFFFD\n", List(path).Text);
    }

    [Fact]
    public void ListDefinitions_EveryCompiledQuery_Compiles()
    {
        foreach (string ext in (string[])["ts", "tsx", "js", "py", "rs", "go", "java", "c", "cpp", "cs", "rb", "php"])
        {
            DefinitionLanguage language = DefinitionLanguages.ForKey(ext)!;
            TreeSitterQuery query = TreeSitterQuery.For(language);
            Assert.NotEmpty(query.CaptureNames);
        }
    }

    private sealed class TempDir : IDisposable
    {
        public TempDir()
        {
            Path = Directory.CreateTempSubdirectory("agentcore-symbols-").FullName;
        }

        public string Path { get; }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
