namespace FokkerPlanck.Core.Analysis.Mpemba;

/// <summary>What an <see cref="MpembaStudy"/> computes besides the base-grid scan.</summary>
public sealed record MpembaStudyOptions
{
    /// <summary>Repeat the scan on a coarser and a finer grid (refinement ratio √2) for error bars.</summary>
    public bool GridStudy { get; init; } = true;

    /// <summary>Also analyse the river-only (1D) reduction (valley–river landscapes only).</summary>
    public bool Reduced1D { get; init; } = true;

    /// <summary>Number of final LRs in the η_h*(η_c) sweep (0 = no sweep).</summary>
    public int SweepPoints { get; init; } = 7;

    /// <summary>Sweep range as factors of the scenario's final LR.</summary>
    public double SweepMinFactor { get; init; } = 0.6;

    /// <summary>Upper end of the sweep range as a factor of the final LR.</summary>
    public double SweepMaxFactor { get; init; } = 1.6;

    /// <summary>
    /// Independent solves (the study's grids, the sweep's final LRs) run at once: at most this many and
    /// at most <see cref="Numerics.Parallelism.Threads"/>; 0: one per thread, 1: one after the other (negative: refused).
    /// Each solve's numbers are the same either way; only the wall time and the peak memory change (on
    /// the default scenario two at a time took 1.9–2.5 s and 227–272 MiB, one at a time 2.8–3.1 s and
    /// 155–170 MiB). The commands lower it to what the memory allows (<see cref="Memory.MemoryEstimate.Concurrent"/>).
    /// </summary>
    public int ConcurrentSolves { get; init; }

    /// <summary>
    /// Modes (λ₁ = 0 included) of the solves whose scans only report strong points: the study's coarse
    /// and fine grids and the sweep's final LRs. A strong point and its gain need v₂ and v₃; the
    /// scenario's other modes cost Krylov work and, above all, left vectors (on the default scenario's
    /// finest grid, 3 modes against 6: 0.60–0.66 s against 0.80–0.89 s). A solve whose scan is not
    /// decided by its lowest modes (<see cref="MpembaScan.DecidedByLowestModes"/>: v₂ or v₃ vanishing by
    /// symmetry, or too faint to tell) is repeated with the scenario's modes, so the reported numbers are
    /// those of the full solve to its tolerance. Below 3 (0 say), or at least the scenario's modes: always the scenario's.
    /// </summary>
    public int AuxiliaryModes { get; init; } = 3;

    /// <summary>Ratio of cells per axis between the grids of the study (<see cref="GridConvergence.GridConvergenceIndex.RefinementRatio"/>).</summary>
    public const double RefinementRatio = GridConvergence.GridConvergenceIndex.RefinementRatio;
}
