using System.Runtime.CompilerServices;

namespace AgentCore.Diagnostics;

/// <summary>An open profiling scope (see <see cref="Profiler.Scope"/>); disposing it records the span.</summary>
/// <remarks>The default value (what <see cref="Profiler.Scope"/> returns when profiling is off) records nothing.</remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1815", Justification = "A scope token for `using`, never compared.")]
public readonly struct ProfileScope : IDisposable
{
    private readonly string? _name;
    private readonly long _start;
    private readonly int _thread;
    private readonly bool _async;

    internal ProfileScope(string name, long start, int thread, bool async)
    {
        _name = name;
        _start = start;
        _thread = thread;
        _async = async;
    }

    /// <summary>Ends the scope.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Dispose()
    {
        if (_name is not null)
        {
            Profiler.Record(_name, _start, _thread, _async);
        }
    }
}
