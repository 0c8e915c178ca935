namespace AgentCore.Tokenization;

/// <summary>
/// Runs a body over an index range on the calling thread plus (processors − 1) worker threads, handing out indices
/// one at a time. Used instead of <c>Parallel.For</c>, which adds ~150 KB to the AOT binary for this one loop.
/// </summary>
internal static class ParallelCounter
{
    /// <summary>Runs <paramref name="body"/> for every index in [<paramref name="from"/>, <paramref name="to"/>); returns the first exception (remaining indices are skipped), or null.</summary>
    public static Exception? Run(int from, int to, Action<int> body)
    {
        int next = from - 1;
        Exception? failure = null;
        void Work()
        {
            while (Volatile.Read(ref failure) is null)
            {
                int i = Interlocked.Increment(ref next);
                if (i >= to)
                {
                    return;
                }

                try
                {
                    body(i);
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref failure, e, null);
                }
            }
        }

        int workers = Math.Min(Environment.ProcessorCount, to - from) - 1;
        var threads = new Thread[Math.Max(0, workers)];
        for (int t = 0; t < threads.Length; t++)
        {
            threads[t] = new Thread(Work) { IsBackground = true };
            threads[t].Start();
        }

        Work();
        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        return failure;
    }
}
