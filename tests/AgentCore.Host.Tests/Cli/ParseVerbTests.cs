using System.Text.Json;

namespace AgentCore.Host.Tests.Cli;

public sealed class ParseVerbTests
{
    private static readonly List<JsonElement> s_vectors = LoadVectors();

    public static TheoryData<string> VectorNames()
    {
        var data = new TheoryData<string>();
        foreach (JsonElement v in s_vectors)
        {
            data.Add(v.GetProperty("n").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Parse_ParityVectorWholeAndChunk7_PrintSameReferenceBlocks(string name)
    {
        JsonElement v = s_vectors.Single(x => x.GetProperty("n").GetString() == name);
        string input = v.GetProperty("input").GetString()!;
        string expected = v.GetProperty("expected").GetString()! + "\n";

        ProcessResult whole = AgentCoreProcess.Run(["parse"], input);
        ProcessResult chunked = AgentCoreProcess.Run(["parse", "--chunk", "7"], input);

        Assert.Equal("", whole.StdErr);
        Assert.Equal(0, whole.ExitCode);
        Assert.Equal(0, chunked.ExitCode);
        Assert.Equal(expected, whole.StdOut);
        Assert.Equal(whole.StdOutBytes, chunked.StdOutBytes);
    }

    [Fact]
    public void Parse_Finalize_AllBlocksNonPartial()
    {
        ProcessResult r = AgentCoreProcess.Run(["parse", "--finalize", "--chunk", "3"], "Hi <read_file><path>  a.ts  ");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(
            """[{"type":"text","content":"Hi","partial":false},{"type":"tool_use","name":"read_file","params":{"path":"  a.ts  "},"partial":false}]""" + "\n",
            r.StdOut);
    }

    [Fact]
    public void Parse_Fixes_PathInsideWriteToFileContentNoLongerOverwrites()
    {
        const string Input = "<write_to_file><path>x</path><content>a</content> <path>y</path> b</content></write_to_file>";
        ProcessResult reference = AgentCoreProcess.Run(["parse"], Input);
        ProcessResult fixedRun = AgentCoreProcess.Run(["parse", "--fixes", "--chunk", "1"], Input);
        Assert.Contains("\"path\":\"y\"", reference.StdOut, StringComparison.Ordinal);
        Assert.Contains("\"path\":\"x\"", fixedRun.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FilePathArgument_ReadsTheFileAsUtf8()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "Déjà vu 😀 <attempt_completion><result>\u00A0ok\u00A0</result></attempt_completion>");
            ProcessResult r = AgentCoreProcess.Run(["parse", "--chunk", "1", path]);
            Assert.Equal(0, r.ExitCode);
            Assert.Equal(
                """[{"type":"text","content":"Déjà vu 😀","partial":false},{"type":"tool_use","name":"attempt_completion","params":{"result":"ok"},"partial":false}]""" + "\n",
                r.StdOut);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_InvalidUtf8_DecodedAsReplacementCharacter()
    {
        ProcessResult r = AgentCoreProcess.Run(["parse"], [(byte)'a', 0xFF, (byte)'b', 0xE2, 0x82]);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("[{\"type\":\"text\",\"content\":\"a\uFFFDb\uFFFD\",\"partial\":true}]\n", r.StdOut);
    }

    [Fact]
    public void Parse_EmptyInput_PrintsEmptyArray()
    {
        ProcessResult r = AgentCoreProcess.Run(["parse", "-"], "");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("[]\n", r.StdOut);
    }

    [Fact]
    public void Parse_OverOneMebibyte_FailsWithReferenceMessage()
    {
        ProcessResult r = AgentCoreProcess.Run(["parse", "--chunk", "65536"], new string('a', (1024 * 1024) + 1));
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.StdOut);
        Assert.Equal("agentcore parse: Assistant message exceeds maximum allowed size\n", r.StdErr);
    }

    [Theory]
    [InlineData("--chunk", "0")]
    [InlineData("--chunk", "x")]
    [InlineData("a", "b")]
    [InlineData("--bogus", "-")]
    public void Parse_BadCommandLine_OneLineOnStderrExit2(string arg1, string arg2)
    {
        ProcessResult r = AgentCoreProcess.Run(["parse", arg1, arg2], "");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.StdOut);
        Assert.Single(r.StdErr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Parse_MissingFile_Exit1()
    {
        ProcessResult r = AgentCoreProcess.Run(["parse", "/nonexistent/agentcore-parse-input.txt"]);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.StdOut);
        Assert.StartsWith("agentcore parse: ", r.StdErr, StringComparison.Ordinal);
    }

    private static List<JsonElement> LoadVectors()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "TestData", "Parsing", "parity-vectors.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
