namespace FokkerPlanck.Core.Analysis.Evolution;

/// <summary>
/// The slow relaxation rates λ_k(η) at any learning rate between the solved ones: eigenvalues at a
/// geometric set of LRs (ratio <see cref="NodeRatio"/>, starting at the final LR), solved on demand,
/// with <c>ln λ_k</c> interpolated linearly in <c>1/η</c> between them.
/// </summary>
/// <remarks>
/// Barrier crossing is activated: <c>λ₂ ∝ e^{−ΔF/T}</c> (Kramers), so <c>ln λ</c> is close to linear in
/// 1/T and linear interpolation in that variable is accurate to a few percent at ratio 1.5 even where λ
/// varies by orders of magnitude over the range. The k-th slowest rate is matched to the k-th at every node.
/// </remarks>
public sealed class InstantaneousRates
{
    /// <summary>Ratio of consecutive node LRs.</summary>
    public const double NodeRatio = 1.5;

    private readonly Func<double, double[]> _solve;
    private readonly SortedList<double, double[]> _nodes = [];
    private readonly double _anchor;

    /// <summary>Creates the table; <paramref name="solve"/> returns λ₂ … λ_K at an LR, and <paramref name="anchorRates"/> are those at <paramref name="anchorLr"/> (the final LR, already solved).</summary>
    public InstantaneousRates(double anchorLr, double[] anchorRates, Func<double, double[]> solve)
    {
        ArgumentNullException.ThrowIfNull(anchorRates);
        ArgumentNullException.ThrowIfNull(solve);
        _anchor = anchorLr; _solve = solve;
        _nodes.Add(anchorLr, anchorRates);
    }

    /// <summary>Eigen-solves done so far (nodes besides the anchor).</summary>
    public int Solves => _nodes.Count - 1;

    /// <summary>λ₂ … λ_K at learning rate <paramref name="lr"/>.</summary>
    public double[] At(double lr)
    {
        if (!(lr > 0) || !double.IsFinite(lr)) throw new ArgumentOutOfRangeException(nameof(lr), lr, "The learning rate must be positive and finite.");
        if (_nodes.TryGetValue(lr, out var exact)) return exact;
        // node indices are integers n with LR anchor·ratio^n: bracket lr between n and n + 1
        double position = Math.Log(lr / _anchor) / Math.Log(NodeRatio);
        int below = (int)Math.Floor(position);
        double lo = Node(below), hi = Node(below + 1);
        var a = RatesAt(lo); var b = RatesAt(hi);
        double w = (1 / lr - 1 / lo) / (1 / hi - 1 / lo);
        var r = new double[a.Length];
        for (int k = 0; k < r.Length; k++) r[k] = Math.Exp((1 - w) * Math.Log(a[k]) + w * Math.Log(b[k]));
        return r;
    }

    private double Node(int n) => n == 0 ? _anchor : _anchor * Math.Pow(NodeRatio, n);

    private double[] RatesAt(double lr)
    {
        if (_nodes.TryGetValue(lr, out var r)) return r;
        r = _solve(lr);
        _nodes.Add(lr, r);
        return r;
    }
}
