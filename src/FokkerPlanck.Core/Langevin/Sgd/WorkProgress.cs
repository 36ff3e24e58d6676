namespace FokkerPlanck.Core.Langevin.Sgd;

/// <summary>
/// One progress bar over several parts of unequal work (e.g. ensembles whose burn-ins differ by orders
/// of magnitude in steps): part k's fraction f is reported as (work before k + f·work of k)/total.
/// </summary>
internal sealed class WorkProgress
{
    private readonly IProgress<double>? _outer;
    private readonly double[] _start;
    private readonly double[] _work;
    private readonly double _total;

    /// <summary>Creates the bar over parts of the given work (any positive unit, e.g. steps).</summary>
    public WorkProgress(IProgress<double>? outer, double[] work)
    {
        ArgumentNullException.ThrowIfNull(work);
        _outer = outer;
        _work = [.. work.Select(w => double.IsFinite(w) && w > 0 ? w : 1)];
        _start = new double[_work.Length];
        for (int k = 1; k < _work.Length; k++) _start[k] = _start[k - 1] + _work[k - 1];
        _total = _work.Length == 0 ? 1 : _start[^1] + _work[^1];
    }

    /// <summary>The progress of part <paramref name="k"/> (null when nobody listens).</summary>
    public IProgress<double>? Part(int k) => _outer is null ? null : new SyncProgress<double>(f => _outer.Report((_start[k] + Math.Clamp(f, 0, 1) * _work[k]) / _total));
}
