namespace FokkerPlanck.Core.Discretization;

/// <summary>
/// Square-root approximation (SQRA): <c>k_ij = (A T / (d |V_i|)) · e^{−(U_j − U_i)/(2T)}</c>, i.e.
/// <c>ℓ = ln(A T / d)</c> with d the centre distance.
/// </summary>
/// <remarks>
/// Lie, Fackeldey &amp; Weber, SIAM J. Matrix Anal. Appl. 34, 738 (2013); Donati et al., J. Chem.
/// Phys. 149, 072335 (2018). Second order for smooth U on smooth grids, first order across jumps
/// (it only sees the centre values), and its rates grow like <c>e^{|ΔU|/(2T)}</c> between
/// neighbours, so it needs <c>|ΔU|/T</c> per cell well below ~1400 to stay finite. This is the
/// operator the peer script <c>sqra_ref.py</c> builds (docs/performance.md, "Running the peers"), which makes it the benchmark reference.
/// </remarks>
public sealed class SquareRootApproximationFlux : IFaceFlux
{
    /// <inheritdoc/>
    public string Name => "sqra";

    /// <inheritdoc/>
    public double LogConductance(in FaceSample f, double temperature)
        => Math.Log(f.Area * temperature / (f.HalfI + f.HalfJ));

    /// <inheritdoc/>
    public bool ConductanceProportionalToTemperature => true;
}
