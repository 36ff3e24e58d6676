using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.Spectral.Relaxation;

namespace FokkerPlanck.Core.Analysis.Mpemba;

/// <summary>One scan on one grid.</summary>
/// <param name="Grid">The grid.</param>
/// <param name="Scan">The scan result.</param>
/// <param name="Spectrum">The final-LR spectrum (kept for the base grid).</param>
/// <param name="Seconds">Wall time of the spectrum solve and scan.</param>
public sealed record GridRun(TensorGrid Grid, MpembaScanResult Scan, RelaxationSpectrum? Spectrum, double Seconds);

/// <summary>A strong Mpemba point with its grid-convergence estimate.</summary>
/// <param name="Kind">cooling or heating.</param>
/// <param name="Lr">Grid-converged estimate of η_h* (Richardson extrapolation from the two finest grids, second order assumed; the base-grid value when no study was run).</param>
/// <param name="Error">Error bar: Roache's grid convergence index 1.25·|η_fine − η_base|/(r² − 1); NaN when not available.</param>
/// <param name="PerGrid">η_h* on the coarse, base and fine grids (NaN where not found).</param>
/// <param name="ObservedOrder">Observed convergence order from the three grids (NaN if not monotone).</param>
/// <param name="Gain">Rate gain λ_next/λ_eff on the base grid.</param>
public sealed record PointEstimate(string Kind, double Lr, double Error, double[] PerGrid, double ObservedOrder, double Gain);

/// <summary>The analysis of one model (2D or river-only 1D) at the scenario's final LR.</summary>
/// <param name="Base">Base-grid run.</param>
/// <param name="Grids">All runs of the error study (coarse, base, fine) or just the base.</param>
/// <param name="Points">Strong Mpemba points with error bars.</param>
public sealed record ModelAnalysis(GridRun Base, IReadOnlyList<GridRun> Grids, IReadOnlyList<PointEstimate> Points);

/// <summary>One final LR of the sweep.</summary>
/// <param name="FinalLr">η_c.</param>
/// <param name="Strong2D">Cooling strong Mpemba points of the 2D model (base grid).</param>
/// <param name="Strong1D">Same for the river-only reduction (empty if not computed).</param>
/// <param name="Lambda2">λ_eff of the 2D model.</param>
public sealed record SweepPoint(double FinalLr, double[] Strong2D, double[] Strong1D, double Lambda2);

/// <summary>Everything <c>fokkerplanck mpemba</c> computes.</summary>
/// <param name="Full">The 2D (or scenario-dimension) analysis.</param>
/// <param name="Reduced">The river-only reduction, for valley–river scenarios.</param>
/// <param name="Sweep">η_h* against the final LR.</param>
/// <param name="Seconds">Total wall time.</param>
public sealed record MpembaStudyResult(ModelAnalysis Full, ModelAnalysis? Reduced, IReadOnlyList<SweepPoint> Sweep, double Seconds);
