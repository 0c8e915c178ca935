namespace AgentCore.Host.Tests.Cli;

/// <summary>`agentcore defs` against the parity vectors of spec section 3.6 (the unit tests' vector files).</summary>
public sealed class DefsVerbTests
{
    private static readonly string s_vectors = Path.Combine(AgentCoreProcess.RepositoryRoot, "tests", "AgentCore.Tests", "TestData", "Symbols", "Vectors");

    [Theory]
    [InlineData("a.ts")]
    [InlineData("x1.tsx")]
    [InlineData("js1.js")]
    [InlineData("j1.json")]
    [InlineData("py1.py")]
    [InlineData("rs1.rs")]
    [InlineData("go1.go")]
    [InlineData("j1.java")]
    [InlineData("c1.c")]
    [InlineData("cs1.cs")]
    [InlineData("r1.rb")]
    [InlineData("md1.md")]
    [InlineData("test.md")]
    public void Defs_SpecVector_PrintsReferenceBytes(string name)
    {
        ProcessResult r = AgentCoreProcess.Run(["defs", Path.Combine(s_vectors, name)]);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(s_vectors, name + ".expected")), r.StdOutBytes);
        Assert.Equal("", r.StdErr);
    }

    [Fact]
    public void Defs_EjsFile_PrintsUnsupportedFileType()
    {
        string path = Path.Combine(s_vectors, "t1.ejs");
        ProcessResult r = AgentCoreProcess.Run(["defs", path]);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("# t1.ejs\nUnsupported file type: " + path, r.StdOut);
    }

    [Fact]
    public void Defs_Directory_MarkdownFirst()
    {
        ProcessResult r = AgentCoreProcess.Run(["defs", Path.Combine(s_vectors, "dir")]);
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("# md1.md\n1--5 | # Title\n", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("\n\n# a.ts\n3--13 | export class Foo {\n", r.StdOut, StringComparison.Ordinal);
        Assert.EndsWith("15--18 | def longer(a, b):\n\n", r.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("tiny.js", r.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Defs_MissingPathDeviceAndElm_ReferenceSentencesOnStderr()
    {
        ProcessResult missing = AgentCoreProcess.Run(["defs", "/no/such/dir"]);
        Assert.Equal((1, "", "agentcore defs: /no/such/dir: does not exist or cannot be accessed.\n"), (missing.ExitCode, missing.StdOut, missing.StdErr));
        ProcessResult device = AgentCoreProcess.Run(["defs", "/dev/zero"]);
        Assert.Equal((1, "agentcore defs: The specified path is neither a file nor a directory.\n"), (device.ExitCode, device.StdErr));

        string dir = Directory.CreateTempSubdirectory("agentcore-defs-").FullName;
        try
        {
            string elm = Path.Combine(dir, "e1.elm");
            File.WriteAllText(elm, "module Main exposing (..)\n");
            ProcessResult r = AgentCoreProcess.Run(["defs", elm]);
            Assert.Equal((1, $"agentcore defs: {elm}: does not exist or cannot be accessed.\n"), (r.ExitCode, r.StdErr));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Defs_MaxLines_TruncatesAsReference()
    {
        ProcessResult r = AgentCoreProcess.Run(["defs", "--max-lines", "10", Path.Combine(s_vectors, "py1.py")]);
        Assert.Equal("# py1.py\n3--10 | class Greeter:\n1--18 | import os\n7--10 |     def greet(self):\n4--10 |     def __init__(self, name):", r.StdOut);
    }
}
