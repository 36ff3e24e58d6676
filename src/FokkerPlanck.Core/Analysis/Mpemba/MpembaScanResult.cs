namespace FokkerPlanck.Core.Analysis.Mpemba;

/// <summary>A zero of the effective slowest amplitude at a plateau LR different from the final one.</summary>
/// <param name="Lr">Plateau learning rate η_h*.</param>
/// <param name="Temperature">T_h* = κη_h*.</param>
/// <param name="Kind">"cooling" (η_h* &gt; η_c: the usual decay) or "heating" (η_h* &lt; η_c: warm-up from a colder start, the inverse effect).</param>
/// <param name="Gain">Rate gain λ_next/λ_eff: the decay runs at the next mode with non-zero amplitude.</param>
/// <param name="Slope">d a_eff/dη at the zero (its sharpness: how precisely η_h must be hit).</param>
public sealed record StrongMpembaPoint(double Lr, double Temperature, string Kind, double Gain, double Slope);

/// <summary>Coefficients at one plateau LR.</summary>
/// <param name="Lr">Plateau learning rate.</param>
/// <param name="Temperature">Plateau temperature.</param>
/// <param name="Coefficients">a_2 … a_K (index 0 is a_2).</param>
/// <param name="EffectiveA2">The effective slowest amplitude (first mode that does not vanish identically).</param>
/// <param name="NextA">The amplitude of the next non-vanishing mode (the "a_3" of the effective picture).</param>
/// <param name="Weak">Weak Mpemba effect: |a_eff| here is below its value at some smaller plateau LR on the same side of η_c.</param>
public sealed record ScanPoint(double Lr, double Temperature, double[] Coefficients, double EffectiveA2, double NextA, bool Weak);

/// <summary>Result of one Mpemba scan (one grid, one final LR).</summary>
/// <param name="FinalLr">η_c.</param>
/// <param name="FinalTemperature">T_c.</param>
/// <param name="Lambda">Eigenvalues λ₁ = 0, λ₂, … at T_c.</param>
/// <param name="EffectiveMode">1-based index of the mode used as a_2.</param>
/// <param name="NextMode">1-based index of the next non-vanishing mode (0 if none was computed).</param>
/// <param name="VanishingModes">1-based indices of modes whose amplitude vanishes over the whole range (symmetry).</param>
/// <param name="Scan">The scan table.</param>
/// <param name="Points">Strong Mpemba points, ascending in LR.</param>
/// <param name="SmallestLr">Plateau LR (away from η_c) where |a_eff|/|T_h − T_c| is smallest on the scan: the closest approach to a strong Mpemba point when there is none.</param>
/// <param name="WeakIntervals">Plateau-LR intervals where the weak effect holds.</param>
public sealed record MpembaScanResult(
    double FinalLr, double FinalTemperature, double[] Lambda, int EffectiveMode, int NextMode,
    IReadOnlyList<int> VanishingModes, IReadOnlyList<ScanPoint> Scan, IReadOnlyList<StrongMpembaPoint> Points,
    double SmallestLr, IReadOnlyList<(double From, double To)> WeakIntervals)
{
    /// <summary>Rate of the effective slowest mode.</summary>
    public double EffectiveRate => Lambda[EffectiveMode - 1];

    /// <summary>Rate of the next non-vanishing mode (NaN if none).</summary>
    public double NextRate => NextMode > 0 ? Lambda[NextMode - 1] : double.NaN;
}
