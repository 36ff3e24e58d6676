using FokkerPlanck.Core.Spectral.Dense;

namespace FokkerPlanck.Core.Spectral.Lanczos;

/// <summary>
/// Rayleigh–Ritz step on the projected matrix H = Vᵀ B V of the block Lanczos relation
/// B V = V H + Q R Eᵀ: Ritz values θ, vectors y, ordered by decreasing |θ|, and the Krylov
/// residual estimates ‖B (V y) − θ (V y)‖ = ‖R · (last b entries of y)‖.
/// </summary>
/// <remarks>
/// The residual identity is G&amp;VL 4th ed. §10.1.4 (eq. 10.1.8) for b = 1 and its block form
/// (§10.3.6). After a thick restart the relation keeps the same form once one block has been
/// added (Wu &amp; Simon, SIAM J. Matrix Anal. Appl. 22 (2000) 602, §2), which the driver guarantees.
/// </remarks>
internal sealed class RayleighRitz
{
    private RayleighRitz(int k, double[] theta, double[] y, double[] estimates, bool ok)
    {
        Dimension = k;
        Theta = theta;
        Y = y;
        Estimates = estimates;
        Succeeded = ok;
    }

    /// <summary>Projected dimension k.</summary>
    public int Dimension { get; }

    /// <summary>Ritz values by decreasing magnitude.</summary>
    public double[] Theta { get; }

    /// <summary>Ritz vectors in the basis (k × k, column-major), same order as <see cref="Theta"/>.</summary>
    public double[] Y { get; }

    /// <summary>Krylov residual norms ‖R y_last‖ of each Ritz pair (for the operator B).</summary>
    public double[] Estimates { get; }

    /// <summary>False when the dense eigensolver failed or produced non-finite values.</summary>
    public bool Succeeded { get; }

    /// <summary>Ritz vector j in basis coordinates.</summary>
    public ReadOnlySpan<double> Vector(int j) => Y.AsSpan(j * Dimension, Dimension);

    /// <summary>Solves the projected problem for H (leading dimension <paramref name="ld"/>, size k) with coupling R (b × b).</summary>
    public static RayleighRitz Compute(double[] h, int ld, int k, double[] r, int b)
    {
        var dense = new double[k * k];
        for (int j = 0; j < k; j++) h.AsSpan(j * ld, k).CopyTo(dense.AsSpan(j * k, k));
        var eig = DenseSymmetricEigen.Compute(dense, k);
        var order = new int[k];
        var magnitude = new double[k];
        for (int j = 0; j < k; j++) { order[j] = j; magnitude[j] = -Math.Abs(eig.Values[j]); }
        Array.Sort(magnitude, order);

        var theta = new double[k];
        var y = new double[k * k];
        var est = new double[k];
        bool ok = eig.Converged;
        for (int j = 0; j < k; j++)
        {
            theta[j] = eig.Values[order[j]];
            var yj = y.AsSpan(j * k, k);
            eig.Vector(order[j]).CopyTo(yj);
            double s = 0.0;
            for (int i = 0; i < b; i++)
            {
                double ri = 0.0;
                for (int l = i; l < b; l++) ri += r[i + l * b] * yj[k - b + l];
                s += ri * ri;
            }
            est[j] = Math.Sqrt(s);
            ok &= double.IsFinite(theta[j]) && double.IsFinite(est[j]);
        }
        return new RayleighRitz(k, theta, y, est, ok);
    }
}
