using System.Text;
using AgentCore.Diagnostics;
using AgentCore.Operations;

namespace AgentCore.Parsing;

/// <summary>The assistant-message parsing operation.</summary>
public static class ParseOperations
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>
    /// Parses an assistant message with the reference's incremental parser, fed <see cref="ParseRequest.Chunk"/>
    /// UTF-16 code units at a time, and returns its blocks. Input bytes are UTF-8 (invalid bytes become U+FFFD; a
    /// BOM stays a U+FEFF character of the text).
    /// </summary>
    /// <exception cref="OperationException"><see cref="ErrorCodes.TooLarge"/>: the message passed
    /// <see cref="AssistantMessageParser.MaxAccumulatorSize"/> (the reference's message); <see cref="ErrorCodes.InvalidArgument"/>:
    /// a chunk size below 1 or an empty path; file errors naming the path.</exception>
    /// <exception cref="OperationCanceledException">Cancelled (checked between chunks).</exception>
    public static async Task<ParseResult> ParseAsync(ParseRequest request, CancellationToken cancellationToken)
    {
        using OperationScope operation = OperationMetrics.Begin("parsing.parse");
        ArgumentNullException.ThrowIfNull(request);
        if (request.Chunk < 1)
        {
            OperationException.ThrowInvalidArgument("chunk", "chunk must be at least 1");
        }

        string text = request.Input is null && request.Text is not null
            ? request.Text
            : s_utf8.GetString((await InputSource.ReadAllBytesAsync(request.Path, null, request.Input, cancellationToken).ConfigureAwait(false)).Span);
        int chunk = request.Chunk ?? int.MaxValue;
        var parser = new AssistantMessageParser(request.Fixes);
        try
        {
            for (int pos = 0; pos < text.Length;)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int n = Math.Min(chunk, text.Length - pos);
                parser.ProcessChunk(text.AsSpan(pos, n));
                pos += n;
            }
        }
        catch (AssistantMessageTooLargeException e)
        {
            OperationException.Throw(ErrorCodes.TooLarge, e.Message, "text");
        }

        if (request.Finalize)
        {
            parser.FinalizeContentBlocks();
        }

        return new ParseResult(parser.Blocks);
    }
}
