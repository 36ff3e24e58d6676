namespace FokkerPlanck.Core.Analysis.DynamicMpemba;

/// <summary>
/// A plateau LR at which the effective slowest amplitude at the end of the decay vanishes: after the
/// schedule settles, the run approaches π(η_c) at the next mode's rate.
/// </summary>
/// <param name="Lr">η_h*.</param>
/// <param name="Temperature">T_h* = κη_h*.</param>
/// <param name="Kind">"cooling" (η_h* &gt; η_c) or "heating" (η_h* &lt; η_c).</param>
/// <param name="NextAmplitude">The next non-vanishing mode's amplitude at the settle time (the "a₃" that now leads).</param>
/// <param name="Residual">The effective slowest amplitude measured at η_h* (what the finite root tolerance leaves).</param>
/// <param name="Slope">d a_eff(t_settle)/dη_h at η_h* (how precisely the plateau must be hit).</param>
/// <param name="Gain">Rate gain λ_next/λ_eff of the approach after settling.</param>
/// <param name="AdiabaticLr">The nearest zero of the adiabatic prediction (NaN when it has none or was not computed).</param>
/// <param name="ToleranceError">|η_h* at 10× tighter integrator tolerances − η_h*| (NaN when not studied; 0 for an instant drop).</param>
/// <param name="GridError">Grid convergence index of η_h* from a √2-coarser grid (NaN when not studied).</param>
public sealed record DynamicMpembaPoint(double Lr, double Temperature, string Kind, double NextAmplitude, double Residual, double Slope,
    double Gain, double AdiabaticLr, double ToleranceError, double GridError)
{
    /// <summary>(adiabatic − dynamic)/dynamic: where the cheap estimate parts from the runs.</summary>
    public double AdiabaticDifference => AdiabaticLr / Lr - 1;
}

/// <summary>The dynamic strong Mpemba points of one schedule (shape and duration).</summary>
/// <param name="Spec">The shape's spec, e.g. <c>linear:4.3</c>.</param>
/// <param name="Kind">The shape's kind, e.g. <c>linear</c>.</param>
/// <param name="SettleTime">Time from which η = η_c (the end of the decay).</param>
/// <param name="Points">The zeros, ascending in LR.</param>
/// <param name="AdiabaticRoots">Zeros of the adiabatic prediction, ascending (empty when not computed).</param>
/// <param name="Grid">Plateau LRs of the scan (the scenario's range as far as the domain holds the equilibria).</param>
/// <param name="AdiabaticValues">The adiabatic a_eff(t_settle)/(T_h − T_c) on <paramref name="Grid"/> (empty when not computed).</param>
/// <param name="FullScan">Whether the runs scanned the whole <paramref name="Grid"/> (false: only brackets around the adiabatic zeros were run).</param>
/// <param name="MeasuredLrs">Every plateau run (scan, brackets, Brent), ascending.</param>
/// <param name="MeasuredValues">a_eff(t_settle)/(T_h − T_c) from the runs at <paramref name="MeasuredLrs"/> (the trivial zero at η_c divided out).</param>
/// <param name="Runs">Time-stepper runs spent (scan, brackets, Brent, tolerance study).</param>
/// <param name="Seconds">Wall-clock seconds.</param>
public sealed record DynamicMpembaResult(string Spec, string Kind, double SettleTime, IReadOnlyList<DynamicMpembaPoint> Points,
    IReadOnlyList<double> AdiabaticRoots, double[] Grid, double[] AdiabaticValues, bool FullScan, double[] MeasuredLrs, double[] MeasuredValues,
    int Runs, double Seconds)
{
    /// <summary>The zero closest (in log η) to <paramref name="lr"/>: the continuation of a branch; null when there is none.</summary>
    public DynamicMpembaPoint? Nearest(double lr)
        => Points.Count == 0 ? null : Points.MinBy(p => Math.Abs(Math.Log(p.Lr / lr)));
}
