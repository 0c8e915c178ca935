using System.Globalization;
using System.Text.Json;
using AgentCore.Diagnostics;
using AgentCore.Operations;

namespace AgentCore.Conversations;

/// <summary>
/// Conversations held by id for a client (the <c>serve</c> methods <c>conversation/*</c>): create, append in the
/// extension's message shape, estimate, truncate with the reference's sliding window (the code of
/// <c>agentcore context</c>), save atomically and load. Each conversation is a pooled <see cref="Conversation"/>.
/// </summary>
/// <remarks>
/// <para>Bounded (<see cref="ConversationSessionOptions"/>): conversations held, bytes per message, bytes in all; a
/// request past a bound fails with <see cref="ErrorCodes.TooLarge"/> naming the field and changes nothing.</para>
/// <para>Every operation is all or nothing: a bad message in an append adds none of them, a failed load creates
/// nothing, a failed save leaves the old file.</para>
/// <para>Thread-safe: operations run one at a time (one lock); append and load cost O(message length) under it.</para>
/// </remarks>
public sealed partial class ConversationSession : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Conversation> _conversations = new(StringComparer.Ordinal);
    private readonly UnreadableFiles _unreadable = new();
    private readonly ConversationSessionOptions _options;
    private long _nextId;

    /// <summary>Creates an empty session.</summary>
    public ConversationSession(ConversationSessionOptions? options = null) => _options = options ?? ConversationSessionOptions.Default;

    /// <summary>Conversations held.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _conversations.Count;
            }
        }
    }

    /// <summary>Creates a conversation, with <see cref="CreateConversationRequest.Messages"/> if given.</summary>
    /// <exception cref="OperationException"><see cref="ErrorCodes.InvalidArgument"/>: a message of the wrong shape (the field is named);
    /// <see cref="ErrorCodes.TooLarge"/>: too many conversations, a message or the total too large.</exception>
    public Task<ConversationInfo> CreateAsync(CreateConversationRequest request, CancellationToken cancellationToken)
    {
        using OperationScope operation = OperationMetrics.Begin("conversations.create");
        ArgumentNullException.ThrowIfNull(request);
        List<ReadOnlyMemory<byte>> messages = request.Messages is JsonElement m
            ? ApiMessageShape.Validate(m, "messages", _options.MaxMessageBytes)
            : [];
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            ThrowIfFull();
            var conversation = new Conversation(_options.ConversationOptions);
            try
            {
                AppendAll(conversation, messages);
            }
            catch
            {
                conversation.Dispose();
                throw;
            }

            return Task.FromResult(Add(conversation));
        }
    }

    /// <summary>Appends messages at the end of a conversation, all or none.</summary>
    /// <exception cref="OperationException"><see cref="ErrorCodes.NotFound"/>: no such conversation;
    /// <see cref="ErrorCodes.InvalidArgument"/>: a message of the wrong shape; <see cref="ErrorCodes.TooLarge"/>: a message or the total too large.</exception>
    public Task<ConversationInfo> AppendAsync(AppendMessagesRequest request, CancellationToken cancellationToken)
    {
        using OperationScope operation = OperationMetrics.Begin("conversations.append");
        ArgumentNullException.ThrowIfNull(request);
        List<ReadOnlyMemory<byte>> messages = ApiMessageShape.Validate(request.Messages, "messages", _options.MaxMessageBytes);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            Conversation conversation = Get(request.ConversationId);
            AppendAll(conversation, messages);
            return Task.FromResult(Info(request.ConversationId, conversation));
        }
    }

    /// <summary>The extension's token estimate of every message and of the whole conversation. O(messages): counts are cached at append.</summary>
    /// <exception cref="OperationException"><see cref="ErrorCodes.NotFound"/>: no such conversation.</exception>
    public Task<EstimateConversationResult> EstimateAsync(ConversationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            Conversation conversation = Get(request.ConversationId);
            var tokens = new int[conversation.Count];
            for (int i = 0; i < tokens.Length; i++)
            {
                tokens[i] = conversation.EstimateTokenCount(i);
            }

            return Task.FromResult(new EstimateConversationResult(request.ConversationId, conversation.Count, tokens, conversation.EstimateTokenCount()));
        }
    }

    /// <summary>
    /// The extension's <c>truncateConversationIfNeeded</c> on the conversation, as <c>agentcore context</c> decides
    /// it (<see cref="ContextReport"/>); when the decision is <c>truncate</c>, <c>messages[1..removed]</c> are removed
    /// (<see cref="SlidingWindow.TruncateConversation"/>). A <c>condense</c> decision removes nothing.
    /// </summary>
    /// <exception cref="OperationException"><see cref="ErrorCodes.NotFound"/>: no such conversation;
    /// <see cref="ErrorCodes.InvalidArgument"/>: a context window below 1 or negative totalTokens;
    /// <see cref="ErrorCodes.InvalidData"/>: an empty conversation with totalTokens other than 0.</exception>
    public Task<TruncateConversationResult> TruncateAsync(TruncateConversationRequest request, CancellationToken cancellationToken)
    {
        using OperationScope operation = OperationMetrics.Begin("conversations.truncate");
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContextWindow < 1)
        {
            OperationException.ThrowInvalidArgument("contextWindow", "contextWindow must be at least 1");
        }

        if (request.TotalTokens < 0)
        {
            OperationException.ThrowInvalidArgument("totalTokens", "totalTokens must be 0 or more");
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            Conversation conversation = Get(request.ConversationId);
            if (conversation.Count == 0 && request.TotalTokens != 0)
            {
                OperationException.Throw(ErrorCodes.InvalidData,
                    $"conversation {request.ConversationId} has no messages (the sliding window needs at least the new user message)", "conversationId");
            }

            ContextWindowOptions options = ConversationOperations.ContextOptions(request.ContextWindow, request.MaxTokens, request.TotalTokens, request.Threshold);
            ContextReport report = ContextReport.Create(conversation, options);
            int removed = report.Decision == ContextDecision.Truncate
                ? SlidingWindow.TruncateConversation(conversation, SlidingWindow.AutoTruncationFraction)
                : 0;
            return Task.FromResult(new TruncateConversationResult(
                request.ConversationId, report.MessageTokens, report.TotalTokens, report.Assessment.PrevContextTokens, report.Assessment.AllowedTokens,
                report.DecisionName, report.KeptIndices, removed, conversation.Count,
                ConversationOperations.Warnings(report, options, request.Threshold)));
        }
    }

    /// <summary>Releases a conversation's memory; its id is not reused.</summary>
    /// <exception cref="OperationException"><see cref="ErrorCodes.NotFound"/>: no such conversation.</exception>
    public Task<ConversationInfo> DeleteAsync(ConversationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            Conversation conversation = Get(request.ConversationId);
            _conversations.Remove(request.ConversationId);
            conversation.Dispose();
            return Task.FromResult(new ConversationInfo(request.ConversationId, 0, 0));
        }
    }

    /// <summary>Releases every conversation.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            foreach (Conversation c in _conversations.Values)
            {
                c.Dispose();
            }

            _conversations.Clear();
        }
    }

    private static ConversationInfo Info(string id, Conversation conversation) => new(id, conversation.Count, conversation.EstimateTokenCount());

    // Under the lock.
    private ConversationInfo Add(Conversation conversation)
    {
        string id = "c" + (++_nextId).ToString(CultureInfo.InvariantCulture);
        _conversations.Add(id, conversation);
        return Info(id, conversation);
    }

    private Conversation Get(string id)
    {
        if (id is null || !_conversations.TryGetValue(id, out Conversation? conversation))
        {
            throw new OperationException(new OperationError(ErrorCodes.NotFound,
                "conversationId names no conversation of this session (create or load one first)", "conversationId"));
        }

        return conversation;
    }

    private void ThrowIfFull()
    {
        if (_conversations.Count >= _options.MaxConversations)
        {
            OperationException.Throw(ErrorCodes.TooLarge,
                string.Create(CultureInfo.InvariantCulture, $"this session already holds {_options.MaxConversations} conversations (the cap); delete one first"),
                "conversationId");
        }
    }

    private long TotalBytes()
    {
        long total = 0;
        foreach (Conversation c in _conversations.Values)
        {
            total += c.JsonBytes;
        }

        return total;
    }

    private void ThrowIfOverTotal(long adding, string field)
    {
        if (TotalBytes() + adding > _options.MaxTotalBytes)
        {
            OperationException.Throw(ErrorCodes.TooLarge,
                string.Create(CultureInfo.InvariantCulture, $"{field}: the session's conversations would hold more than {_options.MaxTotalBytes} bytes of messages (the cap); delete or truncate one first"),
                field);
        }
    }

    // Under the lock; all or nothing.
    private void AppendAll(Conversation conversation, List<ReadOnlyMemory<byte>> messages)
    {
        long adding = 0;
        foreach (ReadOnlyMemory<byte> m in messages)
        {
            adding += m.Length;
        }

        ThrowIfOverTotal(adding, "messages");
        int before = conversation.Count;
        try
        {
            foreach (ReadOnlyMemory<byte> m in messages)
            {
                conversation.AppendJson(m.Span);
            }
        }
        catch (InvalidDataException e)
        {
            conversation.RemoveRange(before, conversation.Count - before);
            throw new OperationException(new OperationError(ErrorCodes.InvalidData, $"messages: {e.Message}", "messages"));
        }
    }
}
