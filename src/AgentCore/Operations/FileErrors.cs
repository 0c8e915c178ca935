using System.Globalization;

namespace AgentCore.Operations;

/// <summary>
/// Turns the runtime's file-system exceptions into plain sentences that name the path, as coreutils and ripgrep
/// word them (<c>PATH: no such file or directory</c>). The published binary keeps <c>UseSystemResourceKeys</c>, so
/// the runtime's own messages are resource keys (<c>IO_PathNotFound_Path</c>): they are never shown to a user.
/// </summary>
public static class FileErrors
{
    /// <summary>The error for <paramref name="exception"/>, raised while working on <paramref name="path"/>.</summary>
    public static OperationError From(Exception exception, string path)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(path);
        return exception switch
        {
            OperationException oe => oe.Error,
            FileNotFoundException or DirectoryNotFoundException => Error(ErrorCodes.NotFound, path, "no such file or directory"),
            UnauthorizedAccessException when Directory.Exists(path) && !File.Exists(path) => Error(ErrorCodes.IsDirectory, path, "is a directory"),
            UnauthorizedAccessException => Error(ErrorCodes.PermissionDenied, path, "permission denied"),
            PathTooLongException => Error(ErrorCodes.InvalidArgument, path, "the path is too long"),
            IOException io when IsNoSpace(io) => Error(ErrorCodes.Io, path, "no space left on device"),
            IOException => Error(ErrorCodes.Io, path, "input/output error"),
            _ => Error(ErrorCodes.Internal, path, string.Create(CultureInfo.InvariantCulture, $"unexpected {exception.GetType().Name}")),
        };
    }

    /// <summary>The error for a file larger than <paramref name="limit"/> bytes.</summary>
    public static OperationError TooLarge(string path, long limit) =>
        Error(ErrorCodes.TooLarge, path, string.Create(CultureInfo.InvariantCulture, $"is larger than {limit} bytes"));

    /// <summary>
    /// True when <paramref name="exception"/> is a write to a pipe or socket whose reader has gone away (EPIPE):
    /// the caller stops its work quietly, as ripgrep and coreutils do.
    /// </summary>
    public static bool IsBrokenPipe(IOException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.HResult == BrokenPipeErrno;
    }

    /// <summary>True for the exceptions <see cref="From"/> translates (file-system failures, not defects).</summary>
    public static bool IsFileError(Exception exception) =>
        exception is IOException or UnauthorizedAccessException;

    private static OperationError Error(string code, string path, string what) => new(code, $"{path}: {what}", path);

    // On Unix the runtime's IOException for a failed read/write carries the raw errno as HResult (verified on
    // Linux .NET 10: a write to /dev/full gives HResult 0x1C = ENOSPC 28, a write to a closed pipe 0x20 = EPIPE 32;
    // both numbers are the same on macOS). Windows HRESULTs are 0x8007xxxx and never equal these small numbers.
    private const int NoSpaceErrno = 28;
    private const int BrokenPipeErrno = 32;

    private static bool IsNoSpace(IOException e) => e.HResult == NoSpaceErrno;
}
