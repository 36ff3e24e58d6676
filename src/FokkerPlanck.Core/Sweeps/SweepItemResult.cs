using FokkerPlanck.Core.Analysis.Mpemba;

namespace FokkerPlanck.Core.Sweeps;

/// <summary>What the Mpemba analysis of a sweep item found.</summary>
public enum SweepItemStatus
{
    /// <summary>At least one cooling strong Mpemba point (η_h* &gt; η_c) lies in the plateau scan: an optimal plateau LR exists.</summary>
    OptimalPlateauFound,
    /// <summary>No cooling strong Mpemba point lies in the plateau scan (heating points may); see the closest approach.</summary>
    NoOptimalPlateauInRange,
}

/// <summary>The Mpemba analysis of one sweep item.</summary>
/// <param name="Item">The item.</param>
/// <param name="Points">Strong Mpemba points of the scenario-dimension model, with grid error bars when the plan's grid study is on.</param>
/// <param name="Reduced1D">Strong Mpemba points of the river-only reduction; null when not computed.</param>
/// <param name="Lambda2">λ₂: rate of the effective slowest mode at η_c.</param>
/// <param name="Lambda3">λ₃: rate of the next non-vanishing mode (NaN if none was computed).</param>
/// <param name="ClosestApproachLr">Plateau LR of the closest approach to a strong point (meaningful when there is none).</param>
/// <param name="Seconds">Wall time of the item.</param>
public sealed record SweepItemResult(SweepItem Item, IReadOnlyList<PointEstimate> Points, IReadOnlyList<PointEstimate>? Reduced1D,
    double Lambda2, double Lambda3, double ClosestApproachLr, double Seconds)
{
    /// <summary>Kind of a strong point above the final LR (the usual decay), as <see cref="StrongMpembaPoint.Kind"/> spells it.</summary>
    public const string CoolingKind = "cooling";

    /// <summary>The optimal plateau LR: the lowest cooling strong Mpemba point (null if none in range).</summary>
    public PointEstimate? Optimal => Points.FirstOrDefault(p => p.Kind == CoolingKind);

    /// <summary>The optimal plateau LR of the river-only reduction (null if none or not computed).</summary>
    public PointEstimate? Optimal1D => Reduced1D?.FirstOrDefault(p => p.Kind == CoolingKind);

    /// <summary>Whether an optimal plateau LR was found.</summary>
    public SweepItemStatus Status => Optimal is null ? SweepItemStatus.NoOptimalPlateauInRange : SweepItemStatus.OptimalPlateauFound;

    /// <summary>Rate gain λ₃/λ₂ of decaying from the optimal plateau (NaN if none).</summary>
    public double Gain => Optimal?.Gain ?? double.NaN;
}
