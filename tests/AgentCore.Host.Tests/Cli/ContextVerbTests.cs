namespace AgentCore.Host.Tests.Cli;

public sealed class ContextVerbTests : IDisposable
{
    private const string FiveEmpty =
        """[{"role":"user","content":""},{"role":"assistant","content":""},{"role":"user","content":""},{"role":"assistant","content":""},{"role":"user","content":""}]""";

    private readonly string _dir = Directory.CreateTempSubdirectory("agentcore-context-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Context_HistoryOverAllowedCondenseOff_TruncatesToFirstAndTail()
    {
        string file = Write("api_conversation_history.json", FiveEmpty);
        ProcessResult r = AgentCoreProcess.Run(["context", "--context-window", "100000", "--max-tokens", "30000", "--threshold", "0", "--total-tokens", "60001", file]);
        Assert.Equal("", r.StdErr);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("""{"messageTokens":[0,0,0,0,0],"totalTokens":60001,"prevContextTokens":60001,"allowedTokens":60000,"decision":"truncate","keptIndices":[0,3,4]}""" + "\n", r.StdOut);
    }

    [Fact]
    public void Context_DefaultThreshold_OverAllowedCondenses()
    {
        string file = Write("h.json", FiveEmpty);
        ProcessResult r = AgentCoreProcess.Run(["context", "--context-window", "100000", "--max-tokens", "30000", "--total-tokens", "70001", file]);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("""{"messageTokens":[0,0,0,0,0],"totalTokens":70001,"prevContextTokens":70001,"allowedTokens":60000,"decision":"condense","keptIndices":null}""" + "\n", r.StdOut);
    }

    [Fact]
    public void Context_ProfileThreshold50_CondensesAt60Percent()
    {
        string file = Write("h.json", FiveEmpty);
        ProcessResult r = AgentCoreProcess.Run(["context", "--context-window", "100000", "--max-tokens", "30000", "--threshold", "50", "--total-tokens", "60000", file]);
        Assert.Contains("\"decision\":\"condense\"", r.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Context_InvalidThreshold_WarnsAndUsesGlobal()
    {
        string file = Write("h.json", FiveEmpty);
        ProcessResult r = AgentCoreProcess.Run(["context", "--context-window", "100000", "--max-tokens", "30000", "--threshold", "150", "--total-tokens", "60000", file]);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("150", r.StdErr, StringComparison.Ordinal);
        Assert.Contains("\"decision\":\"none\"", r.StdOut, StringComparison.Ordinal); // 60 % < 100 % and 60000 is not > 60000
    }

    [Fact]
    public void Context_NoMaxTokensFractionalWindow_AllowedInJavaScriptForm()
    {
        string file = Write("h.json", FiveEmpty);
        ProcessResult r = AgentCoreProcess.Run(["context", "--context-window", "100001", "--total-tokens", "5", file]);
        Assert.Contains("\"allowedTokens\":81808.90000000001,", r.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Context_TotalTokensZero_NoneEveryIndexKept()
    {
        string file = Write("h.json", FiveEmpty);
        ProcessResult r = AgentCoreProcess.Run(["context", "--context-window", "10", "--total-tokens", "0", file]);
        Assert.Equal("""{"messageTokens":[0,0,0,0,0],"totalTokens":0,"prevContextTokens":0,"allowedTokens":-8183,"decision":"none","keptIndices":[0,1,2,3,4]}""" + "\n", r.StdOut);
    }

    [Fact]
    public void Context_TaskFolder_TotalTokensFromUiMessages()
    {
        Write("task/api_conversation_history.json", FiveEmpty);
        Write("task/ui_messages.json",
            """[{"ts":1,"type":"say","say":"text","text":"t"},{"ts":2,"type":"say","say":"api_req_started","text":"{\"apiProtocol\":\"anthropic\",\"tokensIn\":59000,\"tokensOut\":1001}"},{"ts":3,"type":"say","say":"api_req_started","text":"{\"apiProtocol\":\"anthropic\"}"}]""");
        ProcessResult r = AgentCoreProcess.Run(["context", "--context-window", "100000", "--max-tokens", "30000", "--threshold", "0", Path.Combine(_dir, "task")]);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("""{"messageTokens":[0,0,0,0,0],"totalTokens":60001,"prevContextTokens":60001,"allowedTokens":60000,"decision":"truncate","keptIndices":[0,3,4]}""" + "\n", r.StdOut);
    }

    [Fact]
    public void Context_TaskFolderWithLegacyHistoryOnly_ReadsItWithoutDeleting()
    {
        string legacy = Write("task/claude_messages.json", FiveEmpty);
        ProcessResult r = AgentCoreProcess.Run(["context", "--context-window", "100000", "--total-tokens", "1", Path.Combine(_dir, "task")]);
        Assert.Equal(0, r.ExitCode);
        Assert.True(File.Exists(legacy));
    }

    [Fact]
    public void Context_ImageBlocks_CountedAsReference()
    {
        string file = Write("h.json", """[{"role":"user","content":[{"type":"image","source":{"type":"base64","media_type":"image/png","data":"AAAAAAAAAA"}},{"type":"image","source":{"type":"url"}}]}]""");
        ProcessResult r = AgentCoreProcess.Run(["context", "--context-window", "1000000", "--total-tokens", "1", file]);
        Assert.StartsWith("""{"messageTokens":[456],"totalTokens":1,"prevContextTokens":457,""", r.StdOut, StringComparison.Ordinal); // ceil((4 + 300) * 1.5)
    }

    [Fact]
    public void Context_FileWithoutTotalTokens_UsageError()
    {
        string file = Write("h.json", FiveEmpty);
        ProcessResult r = AgentCoreProcess.Run(["context", "--context-window", "100000", file]);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.StdOut);
    }

    [Fact]
    public void Context_NoContextWindow_UsageError()
    {
        ProcessResult r = AgentCoreProcess.Run(["context", "--total-tokens", "1", "x.json"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--context-window", r.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Context_MissingFile_FailureNamingIt()
    {
        string path = Path.Combine(_dir, "missing.json");
        ProcessResult r = AgentCoreProcess.Run(["context", "--context-window", "100000", "--total-tokens", "1", path]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(path, r.StdErr, StringComparison.Ordinal);
        Assert.Equal("", r.StdOut);
    }

    [Fact]
    public void Context_CorruptHistory_FailureNamingIt()
    {
        string file = Write("bad.json", "[{\"role\":");
        ProcessResult r = AgentCoreProcess.Run(["context", "--context-window", "100000", "--total-tokens", "1", file]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(file, r.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Context_EmptyHistory_Failure()
    {
        string file = Write("empty.json", "[]");
        ProcessResult r = AgentCoreProcess.Run(["context", "--context-window", "100000", "--total-tokens", "1", file]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("no messages", r.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Context_TextMessages_SameEstimatesAsEstimateVerb()
    {
        string content = """[{"type":"text","text":"<task>\nRefactor the parser so it streams.\n</task>"},{"type":"text","text":"<environment_details>\n# Current Time\n2025-11-12 10:00\n</environment_details>"}]""";
        string file = Write("h.json", "[{\"role\":\"user\",\"content\":" + content + "},{\"role\":\"assistant\",\"content\":\"Refactor the parser so it streams.\"}]");
        ProcessResult estimate = AgentCoreProcess.Run(["estimate"], content);
        ProcessResult estimateString = AgentCoreProcess.Run(["estimate"], """[{"type":"text","text":"Refactor the parser so it streams."}]""");
        ProcessResult r = AgentCoreProcess.Run(["context", "--context-window", "100000", "--total-tokens", "1", file]);
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith($"{{\"messageTokens\":[{estimate.StdOut.Trim()},{estimateString.StdOut.Trim()}],", r.StdOut, StringComparison.Ordinal);
    }
}
