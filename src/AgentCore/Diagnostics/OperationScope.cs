using System.Diagnostics;

namespace AgentCore.Diagnostics;

/// <summary>An operation in progress (see <see cref="OperationMetrics.Begin"/>); disposing it records its metrics.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1815", Justification = "A scope token for `using`, never compared.")]
public readonly struct OperationScope : IDisposable
{
    private readonly string _name;
    private readonly long _bytes;
    private readonly long _start;
    private readonly ProfileScope _scope;

    internal OperationScope(string name, long bytes, long start, ProfileScope scope)
    {
        _name = name;
        _bytes = bytes;
        _start = start;
        _scope = scope;
    }

    /// <summary>Ends the operation: its profiling scope, then its metrics and the slow-operation check.</summary>
    public void Dispose()
    {
        if (_name is null)
        {
            return;
        }

        _scope.Dispose();
        OperationMetrics.Record(_name, _bytes, Stopwatch.GetTimestamp() - _start);
    }
}
