using System.Text;
using AgentCore.Operations;
using AgentCore.Tests.Operations;
using AgentCore.Tokenization;

namespace AgentCore.Tests.Tokenization;

public sealed class TokenOperationsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agentcore-tokenops-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task CountTokensAsync_TextAndFile_CountsAndTotalLikeTheTokenizer()
    {
        string file = Path.Combine(_dir, "a.txt");
        await File.WriteAllTextAsync(file, "hello world, hello tokens");
        CountTokensResult r = await TokenOperations.CountTokensAsync(new CountTokensRequest { Paths = ["-", file], Text = "Hello there" }, CancellationToken.None);
        int a = Tokenizer.O200kBase.CountTokens("Hello there");
        int b = Tokenizer.O200kBase.CountTokens("hello world, hello tokens");
        Assert.Equal([a, b], r.Inputs.Select(i => i.Count));
        Assert.Equal(a + b, r.Total);
        Assert.Equal(["-", file], r.Inputs.Select(i => i.Path));
    }

    [Fact]
    public async Task CountTokensAsync_StdinStreamWithIds_IdsOfTheEncoder()
    {
        byte[] text = Encoding.UTF8.GetBytes("tiktoken is great!");
        using var stdin = new MemoryStream(text);
        CountTokensResult r = await TokenOperations.CountTokensAsync(new CountTokensRequest { Encoding = "cl100k_base", Ids = true, Stdin = stdin }, CancellationToken.None);
        Assert.Equal(Tokenizer.Cl100kBase.EncodeUtf8(text), r.Inputs[0].Ids.ToArray());
    }

    [Fact]
    public async Task CountTokensAsync_MissingFileAndDirectory_ErrorEntriesNamingThePath()
    {
        string missing = Path.Combine(_dir, "no-such.txt");
        CountTokensResult r = await TokenOperations.CountTokensAsync(new CountTokensRequest { Paths = [missing, _dir, "-"], Text = "x" }, CancellationToken.None);
        Assert.Equal(new OperationError(ErrorCodes.NotFound, $"{missing}: no such file or directory", missing), r.Inputs[0].Error);
        Assert.Equal(new OperationError(ErrorCodes.IsDirectory, $"{_dir}: is a directory", _dir), r.Inputs[1].Error);
        Assert.Null(r.Inputs[2].Error);
        Assert.Equal(1, r.Total);
    }

    [Theory]
    [InlineData("p50k_base", "", "encoding")]
    [InlineData("o200k_base", "", "paths")]
    [InlineData("o200k_base", "-", "text")]
    public async Task CountTokensAsync_BadRequest_InvalidArgumentNamingTheField(string encoding, string path, string field)
    {
        OperationException e = await Assert.ThrowsAsync<OperationException>(() =>
            TokenOperations.CountTokensAsync(new CountTokensRequest { Encoding = encoding, Paths = [path] }, CancellationToken.None));
        Assert.Equal(ErrorCodes.InvalidArgument, e.Error.Code);
        Assert.Equal(field, e.Error.Target);
    }

    [Fact]
    public async Task CountTokensAsync_CancelledWhileReadingStdin_StopsBeforeCounting()
    {
        using var cancel = new CancellationTokenSource();
        using var stdin = new ScriptedStream(new byte[100_000], readSize: 1000, actAtRead: 3, cancel.Cancel);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            TokenOperations.CountTokensAsync(new CountTokensRequest { Stdin = stdin }, cancel.Token));
    }
}
