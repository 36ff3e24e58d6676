using FokkerPlanck.Core.LinearAlgebra;

namespace FokkerPlanck.Validation.Support;

/// <summary>Residual of a left eigenvector on the backward generator, computed independently of the solver's own measure.</summary>
internal static class BackwardResiduals
{
    /// <summary><c>‖Gv + λv‖∞ / (‖G‖∞ ‖v‖∞)</c> for the backward generator G (Gv = −λv).</summary>
    public static double Relative(CsrMatrix g, double[] v, double lambda)
    {
        var y = new double[v.Length];
        g.Multiply(v, y);
        double r = 0, gn = 0, vn = 0;
        var rp = g.RowPointers; var gv = g.Values;
        for (int i = 0; i < v.Length; i++)
        {
            r = Math.Max(r, Math.Abs(y[i] + lambda * v[i]));
            double row = 0;
            for (int q = rp[i]; q < rp[i + 1]; q++) row += Math.Abs(gv[q]);
            gn = Math.Max(gn, row);
            vn = Math.Max(vn, Math.Abs(v[i]));
        }
        return r / (gn * vn);
    }
}
