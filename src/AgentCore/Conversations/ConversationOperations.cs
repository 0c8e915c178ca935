using System.Globalization;
using AgentCore.Diagnostics;
using AgentCore.Operations;

namespace AgentCore.Conversations;

/// <summary>The conversation operations: token estimates of content and the sliding-window decision.</summary>
public static class ConversationOperations
{
    /// <summary>The global condense threshold the CLI and servers assume (the extension's default).</summary>
    private const double GlobalThresholdPercent = 100;

    /// <summary>The extension's token estimate of a JSON array of content blocks (<see cref="TokenEstimator"/>).</summary>
    /// <exception cref="OperationException"><see cref="ErrorCodes.InvalidData"/> for input that is not an array of
    /// content blocks; a file error naming the path; <see cref="ErrorCodes.InvalidArgument"/> for an empty path.</exception>
    public static async Task<EstimateTokensResult> EstimateTokensAsync(EstimateTokensRequest request, CancellationToken cancellationToken)
    {
        using OperationScope operation = OperationMetrics.Begin("conversations.estimateTokens");
        ArgumentNullException.ThrowIfNull(request);
        ReadOnlyMemory<byte> json = await InputSource.ReadAllBytesAsync(request.Path, request.Json, request.Input, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return new EstimateTokensResult(TokenEstimator.EstimateJson(json.Span));
        }
        catch (InvalidDataException e)
        {
            string target = request.Input is null && request.Json is null ? request.Path ?? "-" : "-";
            throw new OperationException(new OperationError(ErrorCodes.InvalidData, $"{target}: {e.Message}", target));
        }
    }

    /// <summary>
    /// What the extension's <c>truncateConversationIfNeeded</c> would do with the history at
    /// <see cref="AssessContextRequest.Path"/>: auto-condense on with the global threshold 100 %, the request's
    /// threshold as the current profile's (0 turns auto-condense off). A condense is assumed to succeed.
    /// </summary>
    /// <exception cref="OperationException"><see cref="ErrorCodes.InvalidArgument"/>: a context window below 1, a
    /// negative totalTokens, or a history file without totalTokens; <see cref="ErrorCodes.InvalidData"/>: a history
    /// that is not a JSON array of messages, or an empty one with totalTokens other than 0; file errors naming the path.</exception>
    public static Task<AssessContextResult> AssessContextAsync(AssessContextRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        InputSource.ThrowIfEmpty(request.Path, "path");
        if (request.ContextWindow < 1)
        {
            OperationException.ThrowInvalidArgument("contextWindow", "contextWindow must be at least 1");
        }

        if (request.TotalTokens < 0)
        {
            OperationException.ThrowInvalidArgument("totalTokens", "totalTokens must be 0 or more");
        }

        string path = request.Path;
        bool isFolder = Directory.Exists(path);
        if (!isFolder && request.TotalTokens is null && File.Exists(path))
        {
            OperationException.ThrowInvalidArgument("totalTokens",
                "an api_conversation_history.json needs totalTokens (--total-tokens N), or give the task folder");
        }

        cancellationToken.ThrowIfCancellationRequested();
        using Conversation conversation = Load(path, isFolder);
        double totalTokens = request.TotalTokens ?? Read(path, TaskStore.LoadTaskContextTokens);
        if (conversation.Count == 0 && totalTokens != 0)
        {
            OperationException.Throw(ErrorCodes.InvalidData,
                $"{path}: the history has no messages (the sliding window needs at least the new user message)", path);
        }

        ContextWindowOptions options = ContextOptions(request.ContextWindow, request.MaxTokens, totalTokens, request.Threshold);
        cancellationToken.ThrowIfCancellationRequested();
        ContextReport report = ContextReport.Create(conversation, options);
        string[] warnings = Warnings(report, options, request.Threshold);
        return Task.FromResult(report.ToResult(warnings));
    }

    /// <summary>The reference's settings as <c>agentcore context</c> maps them: auto-condense on at the global 100 %, the threshold as the profile's (0 = off).</summary>
    internal static ContextWindowOptions ContextOptions(long contextWindow, long? maxTokens, double totalTokens, long? threshold) => new()
    {
        ContextWindow = contextWindow,
        MaxTokens = maxTokens,
        TotalTokens = totalTokens,
        AutoCondenseContext = threshold != 0,
        AutoCondenseContextPercent = GlobalThresholdPercent,
        ProfileThreshold = threshold,
    };

    /// <summary>The warning the reference logs for an invalid profile threshold, if any.</summary>
    internal static string[] Warnings(ContextReport report, ContextWindowOptions options, long? threshold) =>
        report.Assessment.InvalidProfileThreshold && options.AutoCondenseContext
            ? [string.Create(CultureInfo.InvariantCulture,
                $"invalid profile threshold {threshold} (use -1 or 5..100); using the global default of {GlobalThresholdPercent}%")]
            : [];

    private static Conversation Load(string path, bool isFolder) =>
        Read(path, p => isFolder ? TaskStore.LoadTaskFolderHistory(p) : TaskStore.LoadApiHistoryFile(p));

    /// <summary>Runs a TaskStore read, translating its exceptions into the error model.</summary>
    internal static T Read<T>(string path, Func<string, T> read)
    {
        try
        {
            return read(path);
        }
        catch (FileNotFoundException e)
        {
            string missing = e.FileName ?? path;
            throw new OperationException(new OperationError(ErrorCodes.NotFound, $"{missing}: no such file or directory", missing));
        }
        catch (InvalidDataException e)
        {
            throw new OperationException(new OperationError(ErrorCodes.InvalidData, e.Message, path));
        }
        catch (Exception e) when (FileErrors.IsFileError(e))
        {
            throw new OperationException(FileErrors.From(e, path));
        }
    }
}
