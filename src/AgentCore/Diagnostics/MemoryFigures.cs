using System.Diagnostics;

namespace AgentCore.Diagnostics;

/// <summary>Memory and process figures at one moment: managed heap, allocations, RSS, GC counts, threads, handles.</summary>
/// <param name="GcHeapBytes">Bytes in use on the managed heap (<see cref="GC.GetTotalMemory(bool)"/> without a collection).</param>
/// <param name="AllocatedBytes">Bytes allocated on the managed heap since the process started, all threads.</param>
/// <param name="RssBytes">Resident set size now (<c>VmRSS</c> of /proc/self/status; working set elsewhere).</param>
/// <param name="PeakRssBytes">Peak resident set size (<c>VmHWM</c>; peak working set elsewhere).</param>
/// <param name="Gen0Collections">Generation 0 collections so far.</param>
/// <param name="Gen1Collections">Generation 1 collections so far.</param>
/// <param name="Gen2Collections">Generation 2 collections so far.</param>
/// <param name="Threads">Threads of the process (<c>Threads</c> of /proc/self/status).</param>
/// <param name="Handles">Open file descriptors (entries of /proc/self/fd), or -1 where unknown.</param>
/// <param name="CpuTime">User + system CPU time of the process so far.</param>
internal readonly record struct MemoryFigures(
    long GcHeapBytes, long AllocatedBytes, long RssBytes, long PeakRssBytes,
    int Gen0Collections, int Gen1Collections, int Gen2Collections, int Threads, int Handles, TimeSpan CpuTime)
{
    /// <summary>Reads the figures now (about 20 µs on Linux: one read of /proc/self/status and a listing of /proc/self/fd).</summary>
    public static MemoryFigures Capture()
    {
        long rss = -1, hwm = -1;
        int threads = -1;
        ReadProcStatus(ref rss, ref hwm, ref threads);
        if (rss < 0 || hwm < 0 || threads < 0)
        {
            using Process self = Process.GetCurrentProcess();
            rss = rss < 0 ? self.WorkingSet64 : rss;
            hwm = hwm < 0 ? self.PeakWorkingSet64 : hwm;
            threads = threads < 0 ? self.Threads.Count : threads;
        }

        return new MemoryFigures(
            GC.GetTotalMemory(forceFullCollection: false), GC.GetTotalAllocatedBytes(precise: false), rss, hwm,
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), threads, CountHandles(),
            Environment.CpuUsage.TotalTime);
    }

    // /proc/self/status lines look like "VmRSS:\t   10240 kB".
    private static void ReadProcStatus(ref long rss, ref long hwm, ref int threads)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            foreach (string line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = ParseKb(line.AsSpan(6));
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    hwm = ParseKb(line.AsSpan(6));
                }
                else if (line.StartsWith("Threads:", StringComparison.Ordinal))
                {
                    threads = int.TryParse(line.AsSpan(8).Trim(), out int t) ? t : -1;
                }
            }
        }
        catch (IOException)
        {
            // Not mounted (a container without /proc): the portable figures are used instead.
        }
    }

    private static long ParseKb(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        if (value.EndsWith("kB", StringComparison.Ordinal))
        {
            value = value[..^2].TrimEnd();
        }

        return long.TryParse(value, out long kb) ? kb * 1024 : -1;
    }

    private static int CountHandles()
    {
        if (!OperatingSystem.IsLinux())
        {
            return -1;
        }

        try
        {
            int n = 0;
            foreach (string _ in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
            {
                n++;
            }

            return n - 1; // the enumeration's own descriptor
        }
        catch (IOException)
        {
            return -1;
        }
        catch (UnauthorizedAccessException)
        {
            return -1;
        }
    }
}
