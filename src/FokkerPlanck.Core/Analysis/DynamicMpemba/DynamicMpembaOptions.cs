namespace FokkerPlanck.Core.Analysis.DynamicMpemba;

/// <summary>How the dynamic strong Mpemba points of one schedule shape are searched.</summary>
public sealed record DynamicMpembaOptions
{
    /// <summary>
    /// Log-spaced plateau LRs of the bracketing scan over the scenario's plateau range (each one run).
    /// 12 over the default range 0.15–2.0 is a ratio of 1.27 between neighbours: the dynamic amplitude
    /// varies on the scale of the range itself, so one simple zero is not missed, and the scan costs
    /// about as much as the Brent refinement that follows.
    /// </summary>
    public int ScanPoints { get; init; } = DefaultScanPoints;

    /// <summary>Default <see cref="ScanPoints"/>.</summary>
    public const int DefaultScanPoints = 12;

    /// <summary>
    /// Relative tolerance (in η) of the Brent refinement. Each evaluation is a run whose amplitude carries
    /// the integrator's error (about 10⁻⁶ of the amplitude's scale at the default rtol 10⁻⁴), so a
    /// tighter root would be noise; the tolerance study below measures what the integrator does to it.
    /// </summary>
    public double RootTolerance { get; init; } = DefaultRootTolerance;

    /// <summary>Default <see cref="RootTolerance"/>.</summary>
    public const double DefaultRootTolerance = 1e-6;

    /// <summary>Repeat each root with the integrator's tolerances divided by <see cref="TighterFactor"/> (two runs per root): the shift is the integrator's error bar.</summary>
    public bool ToleranceStudy { get; init; } = true;

    /// <summary>Factor by which the tolerance study tightens rtol and atol (10: the shift then estimates the default run's own error).</summary>
    public double TighterFactor { get; init; } = 10;

    /// <summary>
    /// Bracket the runs' zeros around the adiabatic zeros first (two runs per try instead of the
    /// scan), scanning only when none is bracketed. A zero of the runs that the adiabatic prediction
    /// misses while it finds another is then not searched; false: always scan.
    /// </summary>
    public bool Guided { get; init; } = true;

    /// <summary>Also find the zeros of the adiabatic prediction (no runs; an eigen-solve per rate node the first time).</summary>
    public bool Adiabatic { get; init; } = true;

    /// <summary>Throws for settings that cannot work.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        if (Guided && !Adiabatic) throw new ArgumentOutOfRangeException(nameof(Guided), Guided, "The guided search needs the adiabatic zeros (Adiabatic = true).");
        if (ScanPoints < 2) throw new ArgumentOutOfRangeException(nameof(ScanPoints), ScanPoints, "At least 2 scan points.");
        if (!(RootTolerance > 0 && RootTolerance < 0.1)) throw new ArgumentOutOfRangeException(nameof(RootTolerance), RootTolerance, "Must lie in (0, 0.1).");
        if (!(TighterFactor > 1) || !double.IsFinite(TighterFactor)) throw new ArgumentOutOfRangeException(nameof(TighterFactor), TighterFactor, "Must be finite and > 1.");
    }
}
