namespace FokkerPlanck.Core.Spectral.Arnoldi;

/// <summary>Which end of the spectrum <see cref="ThickRestartArnoldi"/> looks for.</summary>
public enum RitzSelection
{
    /// <summary>Largest modulus (shift-invert: the eigenvalues nearest the shift).</summary>
    LargestMagnitude,

    /// <summary>Largest real part (a transition matrix: the eigenvalues nearest 1, the slowest modes).</summary>
    LargestReal,
}

/// <summary>Settings of <see cref="ThickRestartArnoldi"/>.</summary>
public sealed record ArnoldiOptions
{
    /// <summary>Eigenpairs wanted.</summary>
    public int Wanted { get; init; } = 4;

    /// <summary>
    /// Krylov basis size between restarts (0: <c>max(2·Wanted + 10, 30)</c>, the ARPACK rule of thumb of at
    /// least twice the wanted count, with room for the slow separation of eigenvalues clustered near 1).
    /// </summary>
    public int BasisSize { get; init; }

    /// <summary>Convergence: Ritz residual <c>‖A x − θx‖ ≤ Tolerance·max(|θ|, NormEstimate)</c> for a unit x.</summary>
    public double Tolerance { get; init; } = 1e-10;

    /// <summary>Most restarts before giving up with <see cref="EigenStatus.NotConverged"/>.</summary>
    public int MaxRestarts { get; init; } = 400;

    /// <summary>The end of the spectrum wanted.</summary>
    public RitzSelection Selection { get; init; } = RitzSelection.LargestReal;

    /// <summary>Seed of the random part of the start vector.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The basis size used.</summary>
    public int EffectiveBasisSize(int n) => Math.Min(n, BasisSize > 0 ? BasisSize : Math.Max(2 * Wanted + 10, 30));
}
