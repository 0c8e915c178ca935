using System.Runtime.InteropServices;

namespace AgentCore.Host.Cli;

/// <summary>
/// The process's standard output as a write-only stream that reports every failed <c>write(2)</c>.
/// </summary>
/// <remarks>
/// Used instead of <see cref="Console.OpenStandardOutput()"/>, whose Unix stream pretends a write to a closed pipe
/// (EPIPE) succeeded: a verb then never learns that its reader went away and finishes all its work (`tokens big --ids |
/// head -c 10`). Here EPIPE and every other errno (ENOSPC on <c>/dev/full</c>) become an <see cref="IOException"/>
/// whose HResult is the errno, as the runtime's own file streams report it. EINTR is retried; EAGAIN (a non-blocking
/// descriptor inherited from the parent) waits in poll(2) for the descriptor to become writable. SIGPIPE is ignored
/// by the .NET runtime, so a closed pipe arrives here as EPIPE rather than killing the process.
/// </remarks>
internal sealed partial class StdoutStream : Stream
{
    private const int StdoutFd = 1;
    private const int Eintr = 4;
    private const short PollOut = 0x4;

    private static readonly int s_eagain = OperatingSystem.IsMacOS() ? 35 : 11;

    /// <summary>Standard output: this stream on Unix; the console's stream on Windows (no EPIPE there).</summary>
    public static Stream Open() => OperatingSystem.IsWindows() ? Console.OpenStandardOutput() : new StdoutStream();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override unsafe void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            nint written;
            // SAFETY: the span is pinned for the duration of the call and write(2) reads at most buffer.Length bytes.
            fixed (byte* p = buffer)
            {
                written = SysWrite(StdoutFd, p, (nuint)buffer.Length);
            }

            if (written >= 0)
            {
                buffer = buffer[(int)written..];
                continue;
            }

            int errno = Marshal.GetLastPInvokeError();
            if (errno == Eintr)
            {
                continue;
            }

            if (errno == s_eagain)
            {
                var fd = new PollFd { Fd = StdoutFd, Events = PollOut };
                _ = SysPoll(&fd, 1, -1);
                continue;
            }

            throw new IOException(Marshal.GetPInvokeErrorMessage(errno), errno);
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint SysWrite(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static unsafe partial int SysPoll(PollFd* fds, nuint count, int timeoutMs);

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }
}
