namespace AgentCore.Parsing;

/// <summary>
/// Thrown by <see cref="AssistantMessageParser.ProcessChunk(ReadOnlySpan{char})"/> when the message would grow past
/// <see cref="AssistantMessageParser.MaxAccumulatorSize"/> UTF-16 code units. The message text is the reference's.
/// </summary>
/// <remarks>The parser state is unchanged: the chunk that would exceed the limit is not processed at all.</remarks>
public sealed class AssistantMessageTooLargeException : Exception
{
    /// <summary>The reference's error message, verbatim.</summary>
    public const string ReferenceMessage = "Assistant message exceeds maximum allowed size";

    /// <summary>Creates the exception with the reference's message.</summary>
    public AssistantMessageTooLargeException()
        : base(ReferenceMessage)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public AssistantMessageTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    public AssistantMessageTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
