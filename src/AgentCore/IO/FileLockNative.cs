using System.Runtime.InteropServices;

namespace AgentCore.IO;

/// <summary>The POSIX calls .NET has no API for: exclusive <c>mkdir</c>, <c>link</c>, and <c>fsync</c> of a directory.</summary>
internal static partial class FileLockNative
{
    private const int EEXIST = 17;
    private const int ORdOnly = 0;
    private const int ODirectory = 0x10000; // Linux value

    /// <summary>Creates the directory; false when it already exists. Other failures throw.</summary>
    public static bool TryMakeDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            if (Directory.Exists(path))
            {
                return false;
            }

            Directory.CreateDirectory(path);
            return true;
        }

        if (mkdir(path, Convert.ToUInt32("777", 8)) == 0)
        {
            return true;
        }

        int errno = Marshal.GetLastPInvokeError();
        if (errno == EEXIST)
        {
            return false;
        }

        throw new IOException($"cannot create lock directory '{path}': {Marshal.GetPInvokeErrorMessage(errno)}");
    }

    /// <summary>Makes <paramref name="linkPath"/> a second name of <paramref name="existing"/> (a copy on Windows).</summary>
    public static void HardLink(string existing, string linkPath)
    {
        if (OperatingSystem.IsWindows())
        {
            File.Copy(existing, linkPath);
            return;
        }

        if (link(existing, linkPath) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw new IOException($"cannot link '{existing}' to '{linkPath}': {Marshal.GetPInvokeErrorMessage(errno)}");
        }
    }

    /// <summary>Flushes a directory's entries (renames, creations) to disk. No-op on Windows.</summary>
    public static void FlushDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        int fd = open(directory, ORdOnly | (OperatingSystem.IsLinux() ? ODirectory : 0));
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw new IOException($"cannot open directory '{directory}' to flush it: {Marshal.GetPInvokeErrorMessage(errno)}");
        }

        try
        {
            if (fsync(fd) != 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                throw new IOException($"cannot flush directory '{directory}': {Marshal.GetPInvokeErrorMessage(errno)}");
            }
        }
        finally
        {
            _ = close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "mkdir", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int mkdir(string path, uint mode);

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int link(string oldPath, string newPath);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int close(int fd);
}
