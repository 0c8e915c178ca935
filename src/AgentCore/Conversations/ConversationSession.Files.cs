using AgentCore.Diagnostics;
using AgentCore.IO;
using AgentCore.Operations;

namespace AgentCore.Conversations;

public sealed partial class ConversationSession
{
    /// <summary>
    /// Writes a conversation as the extension's <c>api_conversation_history.json</c> (compact JSON) with
    /// <see cref="AtomicFile"/>: the file holds the old or the new history at every instant. A file whose last load
    /// in this session failed is not replaced (its history could not be read, so it is kept).
    /// </summary>
    /// <exception cref="OperationException"><see cref="ErrorCodes.NotFound"/>: no such conversation;
    /// <see cref="ErrorCodes.Io"/> and other file errors naming the path (the old file is intact).</exception>
    public Task<SaveConversationResult> SaveAsync(SaveConversationRequest request, CancellationToken cancellationToken)
    {
        using OperationScope operation = OperationMetrics.Begin("conversations.save");
        ArgumentNullException.ThrowIfNull(request);
        InputSource.ThrowIfEmpty(request.Path, "path");
        cancellationToken.ThrowIfCancellationRequested();
        string file = Directory.Exists(request.Path)
            ? System.IO.Path.Combine(request.Path, TaskStore.ApiHistoryFileName)
            : request.Path;
        file = System.IO.Path.GetFullPath(file);
        lock (_lock)
        {
            Conversation conversation = Get(request.ConversationId);
            if (_unreadable.Contains(file))
            {
                OperationException.Throw(ErrorCodes.InvalidData, UnreadableFiles.NotSavedMessage(file), file);
            }

            try
            {
                AtomicFile.Write(file, conversation.WriteJson);
            }
            catch (Exception e) when (FileErrors.IsFileError(e))
            {
                throw new OperationException(FileErrors.From(e, file));
            }

            long bytes = conversation.JsonBytes + Math.Max(0, conversation.Count - 1) + 2;
            return Task.FromResult(new SaveConversationResult(request.ConversationId, file, bytes, conversation.Count));
        }
    }

    /// <summary>
    /// Reads a history file (or a task folder's) into a new conversation. Nothing on disk changes; a file that
    /// cannot be read is reported naming it, and this session will not save over it until a later load succeeds.
    /// </summary>
    /// <exception cref="OperationException"><see cref="ErrorCodes.InvalidData"/>: not a JSON array of messages;
    /// <see cref="ErrorCodes.NotFound"/>, <see cref="ErrorCodes.TooLarge"/> (the file or the session's cap) and other
    /// file errors naming the path.</exception>
    public Task<ConversationInfo> LoadAsync(LoadConversationRequest request, CancellationToken cancellationToken)
    {
        using OperationScope operation = OperationMetrics.Begin("conversations.load");
        ArgumentNullException.ThrowIfNull(request);
        InputSource.ThrowIfEmpty(request.Path, "path");
        cancellationToken.ThrowIfCancellationRequested();
        string path = System.IO.Path.GetFullPath(request.Path);
        string file = HistoryFile(path);
        lock (_lock)
        {
            ThrowIfFull();
            long length = ConversationOperations.Read(file, f => new FileInfo(f).Length);
            if (length > _options.MaxTotalBytes - TotalBytes())
            {
                OperationException.Throw(ErrorCodes.TooLarge,
                    $"{file}: is larger than the session's room for messages ({_options.MaxTotalBytes} bytes in all); delete or truncate a conversation first", file);
            }

            Conversation conversation = ConversationOperations.Read(file,
                f => _unreadable.Track(f, () => TaskStore.LoadApiHistoryFile(f, _options.ConversationOptions)));
            return Task.FromResult(Add(conversation));
        }
    }

    // A task folder's history file (api_conversation_history.json, else the legacy claude_messages.json); a file as given.
    private static string HistoryFile(string path)
    {
        if (!Directory.Exists(path))
        {
            return path;
        }

        string file = System.IO.Path.Combine(path, TaskStore.ApiHistoryFileName);
        string legacy = System.IO.Path.Combine(path, TaskStore.LegacyApiHistoryFileName);
        return !File.Exists(file) && File.Exists(legacy) ? legacy : file;
    }
}
