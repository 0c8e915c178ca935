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

    /// <summary>True for the exceptions <see cref="From"/> translates (file-system failures, not defects).</summary>
    public static bool IsFileError(Exception exception) =>
        exception is IOException or UnauthorizedAccessException;

    private static OperationError Error(string code, string path, string what) => new(code, $"{path}: {what}", path);

    // ENOSPC is 28 on Linux; the runtime puts the errno in the low bits of HResult for Unix I/O errors.
    private static bool IsNoSpace(IOException e) => (e.HResult & 0xFFFF) == 28;
}
