namespace FokkerPlanck.Core.Spectral.Relaxation;

/// <summary>
/// Places the shift σ of the fine shift-invert Lanczos run inside the range of the wanted rates,
/// from their coarse-level estimates (<see cref="CoarseModes.Rates"/>).
/// </summary>
/// <remarks>
/// <para><b>Why.</b> The run converges first to the extremes of the transformed spectrum
/// ν = 1/(λ − σ), each at a speed set by its gap to the rest relative to the spread of the rest
/// (Kaniel–Paige–Saad bounds, Saad, <i>Numerical Methods for Large Eigenvalue Problems</i>, 2nd ed.,
/// §6.6). With σ just below zero every ν is positive and the last wanted rate λ_K has the gap
/// (λ_{K+1} − λ_K)/(λ_K − σ) to the unwanted bulk near ν = 0. With σ at the centre of [λ₂, λ_K] the
/// rates below σ move to the negative end of the ν-spectrum and λ_K − σ halves, so both ends of the
/// wanted range are separated from the bulk by about twice as much. Every wanted rate is still nearer
/// to σ than any unwanted one (λ_{K+1} − σ > σ − λ₂ because λ_{K+1} > λ_K), so the run keeps the
/// "nearest σ" selection. Measured on the benchmark valley (rates 0.181, 2.18, 3.93, 6.07, 8.71,
/// next 11.7; coarse start, block 2, same stopping rule): 22 solves with σ ≈ 0 against 18 for any σ in
/// [4.0, 4.75] at 512² and 1024², 20 at σ = 5.0 and 5.5.</para>
/// <para><b>Safety.</b> A − σI is then indefinite; the LDLᵀ (no pivoting, as for the inertia check)
/// counts the eigenvalues below σ, and <see cref="RelaxationSpectrumSolver"/> accepts the run only when
/// it returned every one of them, otherwise it repeats the run with σ below the spectrum. σ is kept
/// a relative <see cref="Separation"/> away from every coarse estimate, far more than the coarse rates
/// are off, so that it cannot land on a fine eigenvalue.</para>
/// </remarks>
public static class InteriorShift
{
    /// <summary>
    /// Smallest distance between σ and a coarse rate estimate, relative to that rate: four times the
    /// largest difference measured between coarse (128²) and fine (512²) rates of the valley, 0.5 %.
    /// </summary>
    public const double Separation = 0.02;

    /// <summary>
    /// The centre of the range of <paramref name="rates"/>, moved if needed to keep
    /// <see cref="Separation"/> from the nearest rates on either side; null when there are fewer than
    /// two rates, they are not finite and non-negative, or the gap around the centre is too narrow.
    /// </summary>
    public static double? FromRates(IReadOnlyList<double> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        if (rates.Count < 2 || rates.Any(r => !double.IsFinite(r) || r < 0)) return null;
        double lo = rates.Min(), hi = rates.Max();
        if (!(hi > lo)) return null;
        double sigma = 0.5 * (lo + hi);
        double below = lo, above = hi;
        foreach (double r in rates)
        {
            if (r <= sigma && r > below) below = r;
            if (r > sigma && r < above) above = r;
        }
        double low = below * (1 + Separation), high = above * (1 - Separation);
        return low < high ? Math.Clamp(sigma, low, high) : null;
    }
}
