namespace AgentCore.Threading;

/// <summary>
/// Runs work on the calling thread plus (processors − 1) dedicated worker threads: a parallel for over an index
/// range (<see cref="For"/>), and a work queue whose items may add more items (<see cref="Drain{T}"/>: a directory
/// walk that finds subdirectories, an indexer that finds files). Used instead of <c>Parallel.For</c> and the thread
/// pool's <c>Parallel.ForEachAsync</c>, which add ~150 KB to the AOT binary for these loops.
/// </summary>
/// <remarks>
/// The first exception of any body stops the work (items not yet started are skipped) and is returned, not thrown,
/// so the caller rethrows it on its own thread with its own stack. Cancellation is checked before each item; a
/// cancelled run returns the <see cref="OperationCanceledException"/>.
/// </remarks>
internal static class ParallelWork
{
    /// <summary>Runs <paramref name="body"/> for every index in [<paramref name="from"/>, <paramref name="to"/>), handing out indices one at a time; returns the first exception, or null.</summary>
    public static Exception? For(int from, int to, Action<int> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
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
                    cancellationToken.ThrowIfCancellationRequested();
                    body(i);
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref failure, e, null);
                }
            }
        }

        RunOnWorkers(Math.Min(Environment.ProcessorCount, to - from), Work);
        return failure;
    }

    /// <summary>
    /// Runs <paramref name="body"/> for every item of <paramref name="seed"/> and every item a body adds through
    /// the callback it is given, until the queue is empty and no body is running; returns the first exception, or null.
    /// </summary>
    /// <remarks>Items are taken first in, first out (a breadth-first walk). One lock guards the queue; a body's own
    /// work (reading a directory, parsing a file) is far longer than the lock is held.</remarks>
    public static Exception? Drain<T>(IEnumerable<T> seed, Action<T, Action<T>> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(body);
        var queue = new Queue<T>(seed);
        var gate = new object();
        int running = 0;
        Exception? failure = null;

        void Add(T item)
        {
            lock (gate)
            {
                queue.Enqueue(item);
                Monitor.Pulse(gate);
            }
        }

        void Work()
        {
            while (true)
            {
                T item;
                lock (gate)
                {
                    while (queue.Count == 0 && running > 0 && failure is null)
                    {
                        Monitor.Wait(gate);
                    }

                    if (failure is not null || queue.Count == 0)
                    {
                        Monitor.PulseAll(gate); // the others see the end too
                        return;
                    }

                    item = queue.Dequeue();
                    running++;
                }

                try
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    body(item, Add);
                }
                catch (Exception e)
                {
                    lock (gate)
                    {
                        failure ??= e;
                    }
                }

                lock (gate)
                {
                    running--;
                    if (running == 0 || failure is not null)
                    {
                        Monitor.PulseAll(gate);
                    }
                }
            }
        }

        RunOnWorkers(Environment.ProcessorCount, Work);
        return failure;
    }

    private static void RunOnWorkers(int threadCount, Action work)
    {
        var threads = new Thread[Math.Max(0, threadCount - 1)];
        for (int t = 0; t < threads.Length; t++)
        {
            threads[t] = new Thread(() => work()) { IsBackground = true };
            threads[t].Start();
        }

        work();
        foreach (Thread thread in threads)
        {
            thread.Join();
        }
    }
}
