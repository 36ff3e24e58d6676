using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.TimeStepping;

namespace FokkerPlanck.Core.Analysis.Evolution;

/// <summary>
/// Records, at each output time of a run, the distances to the final equilibrium, the mode
/// amplitudes <c>⟨v_k, p⟩</c>, the river (y) marginal, and full density snapshots at chosen times; all
/// in memory (<see cref="IStepObserver"/>: no I/O while stepping).
/// </summary>
public sealed class RelaxationObserver : IStepObserver
{
    private readonly double[] _loss;
    private readonly double[] _logFinal;
    private readonly double[] _final;
    private readonly double _finalExpectation;
    private readonly double[][] _left;
    private readonly TensorGrid _grid;
    private readonly HashSet<double> _snapshotTimes;

    /// <summary>Creates the observer.</summary>
    /// <param name="grid">The grid (for the river marginal).</param>
    /// <param name="loss">Loss U at the cell centres.</param>
    /// <param name="logFinal">ln π_c (normalized).</param>
    /// <param name="leftVectors">Left eigenvectors v₂ … v_K at the final LR (observables).</param>
    /// <param name="snapshotTimes">Output times at which the full density is kept.</param>
    public RelaxationObserver(TensorGrid grid, double[] loss, double[] logFinal, IReadOnlyList<double[]> leftVectors, IEnumerable<double> snapshotTimes)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(logFinal);
        ArgumentNullException.ThrowIfNull(leftVectors);
        _grid = grid; _loss = loss; _logFinal = logFinal; _left = [.. leftVectors];
        _final = [.. logFinal.Select(Math.Exp)];
        double e = 0;
        for (int i = 0; i < loss.Length; i++) e += _final[i] * loss[i];
        _finalExpectation = e;
        _snapshotTimes = [.. snapshotTimes ?? []];
    }

    /// <summary><c>E_{π_c}[U]</c>.</summary>
    public double FinalExpectation => _finalExpectation;

    /// <summary>Output times seen.</summary>
    public List<double> Times { get; } = [];

    /// <summary>Excess loss per output time.</summary>
    public List<double> ExcessLoss { get; } = [];

    /// <summary>KL divergence to π_c per output time.</summary>
    public List<double> KullbackLeibler { get; } = [];

    /// <summary>L1 distance to π_c per output time.</summary>
    public List<double> L1 { get; } = [];

    /// <summary>Total mass per output time (1 up to round-off).</summary>
    public List<double> Mass { get; } = [];

    /// <summary>Most negative cell mass per output time (0 when none is negative).</summary>
    public List<double> MinimumMass { get; } = [];

    /// <summary>Mode amplitudes <c>a_k = ⟨v_k, p⟩</c>, k = 2 … K, per output time.</summary>
    public List<double[]> Amplitudes { get; } = [];

    /// <summary>River marginals (masses per y row) per output time.</summary>
    public List<double[]> RiverMarginals { get; } = [];

    /// <summary>Full densities (cell masses) at the snapshot times.</summary>
    public List<(double Time, double[] Masses)> Snapshots { get; } = [];

    /// <inheritdoc/>
    public void Observe(double t, ReadOnlySpan<double> masses)
    {
        Times.Add(t);
        ExcessLoss.Add(Distances.ExcessLoss(masses, _loss, _finalExpectation));
        KullbackLeibler.Add(Distances.KullbackLeibler(masses, _final, _logFinal));
        L1.Add(Distances.L1(masses, _final));
        double sum = 0, low = 0;
        foreach (double m in masses) { sum += m; low = Math.Min(low, m); }
        Mass.Add(sum); MinimumMass.Add(low);
        var a = new double[_left.Length];
        for (int k = 0; k < _left.Length; k++)
        {
            double s = 0;
            var v = _left[k];
            for (int i = 0; i < masses.Length; i++) s += v[i] * masses[i];
            a[k] = s;
        }
        Amplitudes.Add(a);
        RiverMarginals.Add(RiverMarginal(_grid, masses));
        if (_snapshotTimes.Contains(t)) Snapshots.Add((t, masses.ToArray()));
    }

    /// <summary>Masses summed over x, one value per y row.</summary>
    public static double[] RiverMarginal(TensorGrid grid, ReadOnlySpan<double> masses)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var r = new double[grid.Ny];
        for (int j = 0, k = 0; j < grid.Ny; j++)
        {
            double s = 0;
            for (int i = 0; i < grid.Nx; i++, k++) s += masses[k];
            r[j] = s;
        }
        return r;
    }
}
