namespace FokkerPlanck.Core.Analysis.Evolution;

/// <summary>
/// Distances of a distribution of cell masses from the final equilibrium <c>π_c</c> (docs/physics.md §4):
/// the excess loss, the Kullback–Leibler divergence and the L1 (total-variation ×2) distance.
/// </summary>
/// <remarks>
/// <para>KL is summed as <c>Σ π_i φ(r_i)</c>, <c>r_i = ln m_i − ln π_i</c>,
/// <c>φ(r) = e^r(r − 1) + 1 ≥ 0</c>, i.e. <c>Σ [m ln(m/π) − m + π]</c>: the same value as
/// <c>Σ m ln(m/π)</c> when both have unit mass, but every term is nonnegative, so a divergence of
/// 10⁻¹² near equilibrium is not the difference of numbers of order one; π stays in log space, so
/// cells where it underflows cost nothing. Near <c>r = 0</c> the series
/// <c>r²/2 + r³/3 + r⁴/8</c> is used (<see cref="SeriesThreshold"/>). Cells with <c>m ≤ 0</c>
/// (round-off) count as empty.</para>
/// </remarks>
public static class Distances
{
    /// <summary>Below this |r| the series of φ replaces the closed form (its next term r⁵/30 is below 1e-17 relative).</summary>
    public const double SeriesThreshold = 1e-3;

    /// <summary>Excess loss <c>Σ m_i U_i − E_{π_c}[U]</c>.</summary>
    public static double ExcessLoss(ReadOnlySpan<double> masses, ReadOnlySpan<double> loss, double finalExpectation)
    {
        double s = 0;
        for (int i = 0; i < masses.Length; i++) s += masses[i] * loss[i];
        return s - finalExpectation;
    }

    /// <summary><c>Σ |m_i − π_i|</c>.</summary>
    public static double L1(ReadOnlySpan<double> masses, ReadOnlySpan<double> equilibrium)
    {
        double s = 0;
        for (int i = 0; i < masses.Length; i++) s += Math.Abs(masses[i] - equilibrium[i]);
        return s;
    }

    /// <summary><c>D(m ‖ π)</c> (see remarks) with π given both as masses and as <c>ln π</c> (the log keeps cells where π underflows exact).</summary>
    public static double KullbackLeibler(ReadOnlySpan<double> masses, ReadOnlySpan<double> equilibrium, ReadOnlySpan<double> logEquilibrium)
    {
        double s = 0;
        for (int i = 0; i < masses.Length; i++)
        {
            double m = masses[i], lp = logEquilibrium[i];
            double p = equilibrium[i];
            if (!(m > 0)) { s += p; continue; }
            double r = Math.Log(m) - lp;
            s += Math.Abs(r) < SeriesThreshold ? p * r * r * (0.5 + r * (1.0 / 3 + r / 8)) : m * r - m + p;
        }
        return s;
    }
}
