using System.Text;
using AgentCore.Operations;
using AgentCore.Parsing;
using AgentCore.Tests.Operations;

namespace AgentCore.Tests.Parsing;

public sealed class ParseOperationsTests
{
    private const string Message = "Let me look.\n<read_file>\n<path>src/a.ts</path>\n</read_file>\nDone.";

    [Fact]
    public async Task ParseAsync_ChunkedAndWhole_SameBlocksAsTheParser()
    {
        var parser = new AssistantMessageParser();
        parser.ProcessChunk(Message);
        string expected = AssistantMessageJson.ToJson(parser.Blocks);
        ParseResult whole = await ParseOperations.ParseAsync(new ParseRequest { Text = Message }, CancellationToken.None);
        ParseResult chunked = await ParseOperations.ParseAsync(new ParseRequest { Text = Message, Chunk = 3 }, CancellationToken.None);
        Assert.Equal(expected, AssistantMessageJson.ToJson(whole.Blocks));
        Assert.Equal(expected, AssistantMessageJson.ToJson(chunked.Blocks));
    }

    [Fact]
    public async Task ParseAsync_StreamWithFinalize_EveryBlockComplete()
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes("<write_to_file><path>a</path><content>x"));
        ParseResult r = await ParseOperations.ParseAsync(new ParseRequest { Input = input, Finalize = true }, CancellationToken.None);
        Assert.All(r.Blocks, b => Assert.False(b.Partial));
    }

    [Fact]
    public async Task ParseAsync_TooLarge_TooLargeWithTheReferenceMessage()
    {
        string text = new('a', AssistantMessageParser.MaxAccumulatorSize + 1);
        OperationException e = await Assert.ThrowsAsync<OperationException>(() => ParseOperations.ParseAsync(new ParseRequest { Text = text }, CancellationToken.None));
        Assert.Equal(new OperationError(ErrorCodes.TooLarge, AssistantMessageTooLargeException.ReferenceMessage, "text"), e.Error);
    }

    [Fact]
    public async Task ParseAsync_BadRequests_InvalidArgumentOrFileError()
    {
        Assert.Equal("chunk", (await Assert.ThrowsAsync<OperationException>(() => ParseOperations.ParseAsync(new ParseRequest { Text = "x", Chunk = 0 }, CancellationToken.None))).Error.Target);
        Assert.Equal(ErrorCodes.InvalidArgument, (await Assert.ThrowsAsync<OperationException>(() => ParseOperations.ParseAsync(new ParseRequest { Path = "" }, CancellationToken.None))).Error.Code);
        Assert.Equal(ErrorCodes.NotFound, (await Assert.ThrowsAsync<OperationException>(() => ParseOperations.ParseAsync(new ParseRequest { Path = "/no/such/agentcore-file" }, CancellationToken.None))).Error.Code);
    }

    [Fact]
    public async Task ParseAsync_CancelledAfterInputWasRead_StopsBetweenChunks()
    {
        using var cancel = new CancellationTokenSource();
        byte[] bytes = Encoding.UTF8.GetBytes(Message);
        using var input = new ScriptedStream(bytes, bytes.Length, 2, cancel.Cancel); // the end-of-input read cancels
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ParseOperations.ParseAsync(new ParseRequest { Input = input, Chunk = 1 }, cancel.Token));
    }
}
