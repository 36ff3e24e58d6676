using System.Runtime.CompilerServices;
using FokkerPlanck.Core.Analysis.Mpemba;
using FokkerPlanck.Core.Schedules;
using FokkerPlanck.Core.Spectral.Relaxation;

namespace FokkerPlanck.Core.Analysis.Evolution;

/// <summary>The spectral prediction of a run on its output times.</summary>
/// <param name="Model">Which expansion was used (quench eigen-expansion, or adiabatic with lag).</param>
/// <param name="ExcessLoss">Predicted excess loss per time.</param>
/// <param name="L1">Predicted L1 distance per time.</param>
/// <param name="KullbackLeibler">Predicted KL divergence per time (negative parts of the truncated expansion count as empty cells).</param>
/// <param name="Amplitudes">Predicted <c>⟨v_k, p⟩</c>, k = 2 … K, per time.</param>
public sealed record PredictedSeries(string Model, double[] ExcessLoss, double[] L1, double[] KullbackLeibler, double[][] Amplitudes);

/// <summary>
/// The spectral prediction of a run under a schedule, from the eigenpairs at the final LR only
/// (docs/physics.md §4, §6).
/// </summary>
/// <remarks>
/// <para>Write the state as the instantaneous equilibrium plus a lag in the slow modes of the final
/// operator, <c>p(t) ≈ π_{T(t)} + Σ_k [c_k(t) − A_k(T(t))] u_k</c>, with <c>A_k(T) = ⟨v_k, π_T⟩</c>
/// (the Mpemba coefficient of T) and <c>c_k = ⟨v_k, p⟩</c>. If <c>v_k</c> is also (nearly) a left
/// eigenvector at T — the slow modes are basin indicators whose shape hardly depends on T — projecting
/// the Fokker–Planck equation on it gives <c>ċ_k = −λ_k(T(t)) (c_k − A_k(T(t)))</c>: each amplitude
/// relaxes at the instantaneous rate toward the value the instantaneous equilibrium would have. For a
/// quench (<c>A_k(T_c) = 0</c>) this is the exact eigen-expansion <c>c_k = a_k e^{−λ_k t}</c>; for a
/// slow decay it gives the adiabatic lag <c>c_k − A_k ≈ −(Ṫ/λ_k) dA_k/dT = −(Ṫ/λ_k)⟨v_k, ∂_T π_T⟩</c>
/// (docs/physics.md §6). The instantaneous rates come from <see cref="InstantaneousRates"/>; with the
/// final LR's rates instead, a decay from a hot plateau relaxes far too slowly during the decay (barrier
/// crossing is exponentially faster when hot).</para>
/// <para>A_k(T(t)) is evaluated on the output times and on <see cref="SamplesPerSegment"/> points of
/// every segment where η changes, and the amplitude equation is solved exactly for A linear between
/// samples: <c>c_b = A_b + (c_a − A_a)e^{−λΔ} − (A_b − A_a)(1 − e^{−λΔ})/(λΔ)</c>.</para>
/// </remarks>
public static class SpectralPrediction
{
    /// <summary>Samples of A_k(T(t)) per schedule segment on which η changes (the amplitude equation's forcing is linear between them: error O(Δ²A″)).</summary>
    public const int SamplesPerSegment = 256;

    /// <summary>Predicts the run from <paramref name="initialMasses"/> under <paramref name="schedule"/> on <paramref name="times"/>.</summary>
    /// <param name="spectrum">Eigenpairs at the final LR (its temperature must be κ·FinalLr).</param>
    /// <param name="family">Equilibria π_T of the same grid.</param>
    /// <param name="schedule">The LR schedule.</param>
    /// <param name="initialMasses">p(0).</param>
    /// <param name="loss">U at the cell centres.</param>
    /// <param name="times">Output times, ascending.</param>
    /// <param name="rates">λ₂ … λ_K at any LR (the instantaneous rates the amplitudes relax with); null: the final LR's.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // loops over cells and times, called once: JIT-compiled for the machine, not precompiled
    public static PredictedSeries Predict(RelaxationSpectrum spectrum, IPlateauStateFamily family, ILearningRateSchedule schedule,
        ReadOnlySpan<double> initialMasses, double[] loss, IReadOnlyList<double> times, Func<double, double[]>? rates = null)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(times);
        int n = initialMasses.Length, modes = spectrum.Count - 1;
        var finalRates = spectrum.Eigenvalues[1..];
        rates ??= _ => finalRates;
        var right = Enumerable.Range(1, modes).Select(spectrum.RightVector).ToArray();
        var left = spectrum.LeftVectors[1..];
        var logFinal = spectrum.Operator.LogEquilibrium.ToArray();
        var final = logFinal.Select(Math.Exp).ToArray();
        double finalExpectation = 0;
        for (int i = 0; i < n; i++) finalExpectation += final[i] * loss[i];
        var uLoss = right.Select(u => Dot(u, loss)).ToArray();
        var c = new double[modes];
        for (int k = 0; k < modes; k++) c[k] = Dot(left[k], initialMasses);
        var evaluator = new EquilibriumOverlaps(family, left, loss, n);

        var excess = new double[times.Count]; var l1 = new double[times.Count]; var kl = new double[times.Count];
        var amplitudes = new double[times.Count][];
        var p = new double[n];
        double t = 0;
        int segment = schedule.SegmentAt(0);
        var (aPrev, _) = evaluator.At(schedule.LearningRate(0, segment));
        for (int q = 0; q < times.Count; q++)
        {
            double target = times[q];
            (t, segment, aPrev) = Advance(schedule, evaluator, rates, c, t, segment, aPrev, target);
            double lr = schedule.LearningRate(target, segment);
            var (a, expectation) = evaluator.At(lr);
            evaluator.Masses.CopyTo(p, 0);
            double e = expectation - finalExpectation;
            for (int k = 0; k < modes; k++)
            {
                double lag = c[k] - a[k];
                e += lag * uLoss[k];
                var u = right[k];
                for (int i = 0; i < n; i++) p[i] += lag * u[i];
            }
            excess[q] = e;
            l1[q] = Distances.L1(p, final);
            kl[q] = Distances.KullbackLeibler(p, final, logFinal);
            amplitudes[q] = (double[])c.Clone();
        }
        string model = schedule.SettleTime == 0
            ? "quench: eigen-expansion p = π_c + Σ a_k e^(−λ_k t) u_k at the final LR"
            : "adiabatic: instantaneous equilibrium π_T(t) plus the final-LR modes relaxing toward it, dc_k/dt = −λ_k (c_k − ⟨v_k, π_T(t)⟩)";
        return new PredictedSeries(model, excess, l1, kl, amplitudes);
    }

    /// <summary>Integrates the amplitudes from t to <paramref name="target"/> across segments.</summary>
    private static (double T, int Segment, double[] A) Advance(ILearningRateSchedule schedule, EquilibriumOverlaps evaluator, Func<double, double[]> rates,
        double[] c, double t, int segment, double[] aPrev, double target)
    {
        var breaks = schedule.Breakpoints;
        while (t < target)
        {
            double end = segment < breaks.Count ? Math.Min(breaks[segment], target) : target;
            bool changing = schedule.LearningRate(t, segment) != schedule.LearningRate(end, segment) || t < schedule.SettleTime;
            int pieces = changing ? Math.Max(1, (int)Math.Ceiling(SamplesPerSegment * (end - t) / SegmentLength(schedule, segment, t))) : 1;
            for (int s = 1; s <= pieces; s++)
            {
                double tb = s == pieces ? end : t + (end - t) * s / pieces;
                double ta = t + (end - t) * (s - 1) / pieces;
                var (aNext, _) = evaluator.At(schedule.LearningRate(tb, segment));
                Relax(c, aPrev, aNext, rates(schedule.LearningRate(0.5 * (ta + tb), segment)), tb - ta);
                aPrev = aNext;
            }
            t = end;
            if (segment < breaks.Count && t == breaks[segment])
            {
                segment++;
                (aPrev, _) = evaluator.At(schedule.LearningRate(t, segment));
            }
        }
        return (t, segment, aPrev);
    }

    private static double SegmentLength(ILearningRateSchedule schedule, int segment, double t)
    {
        var b = schedule.Breakpoints;
        double start = segment == 0 ? 0 : b[segment - 1];
        double end = segment < b.Count ? b[segment] : Math.Max(2 * t, start + 1);
        return Math.Max(end - start, 1e-300);
    }

    /// <summary>Exact solution of <c>ċ = −λ(c − A(t))</c> over Δ for A linear from <paramref name="a0"/> to <paramref name="a1"/>.</summary>
    private static void Relax(double[] c, double[] a0, double[] a1, double[] lambda, double delta)
    {
        if (delta <= 0) return;
        for (int k = 0; k < c.Length; k++)
        {
            double x = lambda[k] * delta;
            double decay = Math.Exp(-x);
            double phi = x > 1e-8 ? -double.ExpM1(-x) / x : 1 - x / 2;
            c[k] = a1[k] + (c[k] - a0[k]) * decay - (a1[k] - a0[k]) * phi;
        }
    }

    private static double Dot(double[] a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    /// <summary><c>A_k(η) = ⟨v_k, π(η)⟩</c>, <c>E_{π(η)}[U]</c> and the masses π(η), cached for the last LR asked.</summary>
    private sealed class EquilibriumOverlaps(IPlateauStateFamily family, double[][] left, double[] loss, int n)
    {
        private readonly double[] _log = new double[n];
        private double _lr = double.NaN;
        private (double[] A, double Expectation) _last;

        /// <summary>π(η) of the last LR asked.</summary>
        public double[] Masses { get; } = new double[n];

        public (double[] A, double Expectation) At(double lr)
        {
            if (lr == _lr) return _last;
            family.LogMasses(lr, _log);
            var a = new double[left.Length];
            double e = 0;
            for (int i = 0; i < n; i++)
            {
                double p = Math.Exp(_log[i]);
                Masses[i] = p;
                e += p * loss[i];
                for (int k = 0; k < a.Length; k++) a[k] += left[k][i] * p;
            }
            _lr = lr; _last = (a, e);
            return _last;
        }
    }
}
