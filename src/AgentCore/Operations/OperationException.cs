using System.Diagnostics.CodeAnalysis;

namespace AgentCore.Operations;

/// <summary>
/// Thrown by an operation for a failure its caller can cause or act on; carries the <see cref="OperationError"/>.
/// Anything else escaping an operation is a defect and is reported as <see cref="ErrorCodes.Internal"/>.
/// Cancellation stays an <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class OperationException : Exception
{
    /// <summary>Creates the exception for <paramref name="error"/>.</summary>
    public OperationException(OperationError error)
        : base(error?.Message)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>The error, as front ends report it.</summary>
    public OperationError Error { get; }

    /// <summary>Throws an <see cref="OperationException"/> (keeps <c>throw new</c> out of hot methods).</summary>
    [DoesNotReturn]
    public static void Throw(string code, string message, string? target = null) =>
        throw new OperationException(new OperationError(code, message, target));

    /// <summary>Throws <see cref="ErrorCodes.InvalidArgument"/> for request field <paramref name="field"/>.</summary>
    [DoesNotReturn]
    public static void ThrowInvalidArgument(string field, string message) =>
        throw new OperationException(new OperationError(ErrorCodes.InvalidArgument, message, field));
}
