namespace FokkerPlanck.Core;

/// <summary>Reports synchronously on the calling thread (<see cref="Progress{T}"/> would post to the thread pool and reorder reports).</summary>
/// <typeparam name="T">The reported value.</typeparam>
public sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    /// <inheritdoc/>
    public void Report(T value) => report(value);
}
