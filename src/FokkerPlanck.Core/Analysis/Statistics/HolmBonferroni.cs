namespace FokkerPlanck.Core.Analysis.Statistics;

/// <summary>
/// Holm's step-down correction for several tests of one family (e.g. the marginals, the excess loss and
/// the mode amplitudes at one time), controlling the family-wise error rate at α.
/// </summary>
/// <remarks>
/// With the m p-values sorted, <c>p_(1) ≤ … ≤ p_(m)</c>, hypothesis (i) is rejected when
/// <c>p_(j) ≤ α/(m − j + 1)</c> for every <c>j ≤ i</c> (Holm 1979, <i>Scand. J. Statist.</i> 6:65–70).
/// Equivalently, the adjusted p-values <c>p̃_(i) = max_{j≤i} min(1, (m − j + 1) p_(j))</c> are compared
/// with α. The family as a whole is rejected exactly when the smallest p-value is at most α/m
/// (Holm's first step, Bonferroni's bound), so the family's p-value is <c>min(1, m·p_(1))</c>.
/// Valid under any dependence between the tests.
/// </remarks>
public static class HolmBonferroni
{
    /// <summary>Holm-adjusted p-values, in the order given.</summary>
    /// <exception cref="ArgumentException">A p-value is outside [0, 1].</exception>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        int m = pValues.Count;
        for (int i = 0; i < m; i++)
            if (!(pValues[i] >= 0 && pValues[i] <= 1)) throw new ArgumentException($"p-value {i} is {pValues[i]}; p-values lie in [0, 1].", nameof(pValues));
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++)
        {
            int i = order[rank];
            running = Math.Max(running, Math.Min(1, (m - rank) * pValues[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }

    /// <summary>Adjusts <paramref name="pValues"/> and judges each test and the family at level <paramref name="level"/>.</summary>
    /// <exception cref="ArgumentException">A p-value is outside [0, 1].</exception>
    /// <exception cref="ArgumentOutOfRangeException">The level is not in (0, 1).</exception>
    public static HolmResult Apply(IReadOnlyList<double> pValues, double level = Significance.DefaultLevel)
    {
        Significance.CheckLevel(level);
        return new HolmResult([.. pValues], Adjust(pValues), level);
    }
}
