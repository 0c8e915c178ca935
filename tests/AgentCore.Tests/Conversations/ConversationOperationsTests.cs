using System.Text;
using AgentCore.Conversations;
using AgentCore.Operations;
using AgentCore.Tests.Operations;

namespace AgentCore.Tests.Conversations;

public sealed class ConversationOperationsTests : IDisposable
{
    private const string TwoMessages = """[{"role":"user","content":"Refactor the parser so it streams."},{"role":"assistant","content":[{"type":"text","text":"Sure."}]}]""";

    private readonly string _dir = Directory.CreateTempSubdirectory("agentcore-convops-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task EstimateTokensAsync_JsonFileAndStream_SameEstimate()
    {
        const string Blocks = """[{"type":"text","text":"Hello world"},{"type":"image","source":{"type":"url"}}]""";
        int expected = TokenEstimator.EstimateJson(Encoding.UTF8.GetBytes(Blocks));
        Assert.Equal(expected, (await ConversationOperations.EstimateTokensAsync(new EstimateTokensRequest { Json = Blocks }, CancellationToken.None)).Tokens);
        Assert.Equal(expected, (await ConversationOperations.EstimateTokensAsync(new EstimateTokensRequest { Path = Write("b.json", Blocks) }, CancellationToken.None)).Tokens);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Blocks));
        Assert.Equal(expected, (await ConversationOperations.EstimateTokensAsync(new EstimateTokensRequest { Input = stream }, CancellationToken.None)).Tokens);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[1]")]
    [InlineData("[{\"type\":\"text\",")]
    public async Task EstimateTokensAsync_NotAnArrayOfBlocks_InvalidDataNamingThePath(string json)
    {
        string path = Write("bad.json", json);
        OperationException e = await Assert.ThrowsAsync<OperationException>(() => ConversationOperations.EstimateTokensAsync(new EstimateTokensRequest { Path = path }, CancellationToken.None));
        Assert.Equal(ErrorCodes.InvalidData, e.Error.Code);
        Assert.StartsWith(path + ": ", e.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EstimateTokensAsync_MissingDirectoryEmpty_FileErrors()
    {
        string missing = Path.Combine(_dir, "none.json");
        Assert.Equal(ErrorCodes.NotFound, (await Assert.ThrowsAsync<OperationException>(() => ConversationOperations.EstimateTokensAsync(new EstimateTokensRequest { Path = missing }, CancellationToken.None))).Error.Code);
        OperationException dir = await Assert.ThrowsAsync<OperationException>(() => ConversationOperations.EstimateTokensAsync(new EstimateTokensRequest { Path = _dir }, CancellationToken.None));
        Assert.Equal($"{_dir}: is a directory", dir.Error.Message);
        Assert.Equal(ErrorCodes.InvalidArgument, (await Assert.ThrowsAsync<OperationException>(() => ConversationOperations.EstimateTokensAsync(new EstimateTokensRequest { Path = "" }, CancellationToken.None))).Error.Code);
    }

    [Fact]
    public async Task EstimateTokensAsync_CancelledMidRead_Cancelled()
    {
        using var cancel = new CancellationTokenSource();
        using var input = new ScriptedStream(Encoding.UTF8.GetBytes("[" + string.Join(',', Enumerable.Repeat("""{"type":"text","text":"a"}""", 1000)) + "]"), 100, 5, cancel.Cancel);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ConversationOperations.EstimateTokensAsync(new EstimateTokensRequest { Input = input }, cancel.Token));
    }

    [Fact]
    public async Task AssessContextAsync_EmptyHistoryFirstRequest_NoneWithNoIndices()
    {
        AssessContextResult r = await ConversationOperations.AssessContextAsync(
            new AssessContextRequest { Path = Write("h.json", "[]"), ContextWindow = 1000, TotalTokens = 0 }, CancellationToken.None);
        Assert.Equal("none", r.Decision);
        Assert.Equal([], r.KeptIndices!);
        Assert.Empty(r.MessageTokens);
        Assert.Equal(0, r.PrevContextTokens);
    }

    [Fact]
    public async Task AssessContextAsync_EmptyHistoryLaterRequest_InvalidData()
    {
        string path = Write("h.json", "[]");
        OperationException e = await Assert.ThrowsAsync<OperationException>(() => ConversationOperations.AssessContextAsync(
            new AssessContextRequest { Path = path, ContextWindow = 1000, TotalTokens = 5 }, CancellationToken.None));
        Assert.Equal(ErrorCodes.InvalidData, e.Error.Code);
        Assert.Contains("no messages", e.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 100_000, 0)]
    [InlineData(150L, 100_000, 1)]
    [InlineData(0L, 100_000, 0)]
    [InlineData(-1L, 100_000, 0)]
    public async Task AssessContextAsync_Threshold_WarnsOnlyForInvalidProfileValues(long? threshold, long window, int warnings)
    {
        AssessContextResult r = await ConversationOperations.AssessContextAsync(
            new AssessContextRequest { Path = Write("h.json", TwoMessages), ContextWindow = window, Threshold = threshold, TotalTokens = 10 }, CancellationToken.None);
        Assert.Equal(warnings, r.Warnings.Count);
        Assert.Equal("none", r.Decision);
    }

    [Fact]
    public async Task AssessContextAsync_ThresholdZero_TruncatesInsteadOfCondensing()
    {
        var request = new AssessContextRequest { Path = Write("h.json", TwoMessages), ContextWindow = 10_000, MaxTokens = 1000, TotalTokens = 9000 };
        Assert.Equal("condense", (await ConversationOperations.AssessContextAsync(request, CancellationToken.None)).Decision);
        AssessContextResult off = await ConversationOperations.AssessContextAsync(request with { Threshold = 0 }, CancellationToken.None);
        Assert.Equal("truncate", off.Decision);
        Assert.Equal([0, 1], off.KeptIndices!);
    }

    [Fact]
    public async Task AssessContextAsync_BadRequests_ErrorModel()
    {
        string file = Write("h.json", TwoMessages);
        async Task<OperationError> Fails(AssessContextRequest r) =>
            (await Assert.ThrowsAsync<OperationException>(() => ConversationOperations.AssessContextAsync(r, CancellationToken.None))).Error;

        Assert.Equal((ErrorCodes.InvalidArgument, "totalTokens"), ((await Fails(new() { Path = file, ContextWindow = 10 })) is var a ? (a.Code, a.Target) : default));
        Assert.Equal(ErrorCodes.InvalidArgument, (await Fails(new() { Path = file, ContextWindow = 0, TotalTokens = 1 })).Code);
        Assert.Equal(ErrorCodes.InvalidArgument, (await Fails(new() { Path = "", ContextWindow = 10, TotalTokens = 1 })).Code);
        string missing = Path.Combine(_dir, "missing.json");
        Assert.Equal(new OperationError(ErrorCodes.NotFound, $"{missing}: no such file or directory", missing), await Fails(new() { Path = missing, ContextWindow = 10, TotalTokens = 1 }));
        string corrupt = Write("bad.json", "[{\"role\":");
        OperationError bad = await Fails(new() { Path = corrupt, ContextWindow = 10, TotalTokens = 1 });
        Assert.Equal(ErrorCodes.InvalidData, bad.Code);
        Assert.StartsWith(corrupt, bad.Message, StringComparison.Ordinal);
        string emptyFolder = Directory.CreateDirectory(Path.Combine(_dir, "task")).FullName;
        Assert.Equal(ErrorCodes.NotFound, (await Fails(new() { Path = emptyFolder, ContextWindow = 10 })).Code);
    }

    [Fact]
    public async Task AssessContextAsync_Cancelled_Throws()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ConversationOperations.AssessContextAsync(
            new AssessContextRequest { Path = Write("h.json", TwoMessages), ContextWindow = 1000, TotalTokens = 1 }, cancel.Token));
    }
}
