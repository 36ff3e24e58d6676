namespace FokkerPlanck.Validation.Support;

/// <summary>Observed order of accuracy from errors on a refinement sequence.</summary>
internal static class ConvergenceOrder
{
    /// <summary>
    /// Orders between consecutive grids, <c>p_k = ln(e_{k−1}/e_k) / ln(N_k/N_{k−1})</c>; the first
    /// entry is NaN. N is the number of cells along the refined axis, so h ∝ 1/N for a fixed map.
    /// </summary>
    public static double[] Pairwise(IReadOnlyList<int> cells, IReadOnlyList<double> errors)
    {
        var p = new double[errors.Count];
        p[0] = double.NaN;
        for (int k = 1; k < p.Length; k++) p[k] = Math.Log(errors[k - 1] / errors[k]) / Math.Log((double)cells[k] / cells[k - 1]);
        return p;
    }

    /// <summary>Least-squares slope of ln e against ln h = −ln N over all grids (robust to oscillating errors).</summary>
    public static double Fitted(IReadOnlyList<int> cells, IReadOnlyList<double> errors)
    {
        int n = errors.Count;
        double mx = 0, my = 0;
        for (int k = 0; k < n; k++) { mx += -Math.Log(cells[k]); my += Math.Log(errors[k]); }
        mx /= n; my /= n;
        double sxy = 0, sxx = 0;
        for (int k = 0; k < n; k++)
        {
            double dx = -Math.Log(cells[k]) - mx;
            sxy += dx * (Math.Log(errors[k]) - my);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }
}
