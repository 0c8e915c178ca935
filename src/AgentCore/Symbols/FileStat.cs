using System.Runtime.InteropServices;

namespace AgentCore.Symbols;

/// <summary>
/// Length and modification time of a file by one <c>stat(2)</c> (symbolic links followed), for the index's change
/// check of every file on every open. On Linux x64/arm64 libc is called directly (both lay out <c>struct stat</c>
/// with <c>st_size</c> at byte 48 and <c>st_mtim</c> at 88); elsewhere through <see cref="FileInfo"/>, which costs a
/// full-path normalization, an object and up to two system calls per file.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal static unsafe partial class FileStat
{
    private const int StatBufferSize = 256; // struct stat is 144 bytes on x64, 128 on arm64

    private static readonly bool s_direct = OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    /// <summary>(length, modification time in <see cref="DateTime"/> ticks, UTC), or (-1, 0) when the file is gone.</summary>
    public static (long Length, long MtimeTicks) Of(string path)
    {
        if (!s_direct)
        {
            var info = new FileInfo(path);
            return info.Exists ? (info.Length, info.LastWriteTimeUtc.Ticks) : (-1, 0);
        }

        byte* buffer = stackalloc byte[StatBufferSize];
        if (Stat(path, buffer) != 0)
        {
            return (-1, 0);
        }

        long size = *(long*)(buffer + 48);
        long seconds = *(long*)(buffer + 88);
        long nanoseconds = *(long*)(buffer + 96);
        return (size, DateTime.UnixEpoch.Ticks + (seconds * TimeSpan.TicksPerSecond) + (nanoseconds / TimeSpan.NanosecondsPerTick));
    }

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, byte* buffer);
}
