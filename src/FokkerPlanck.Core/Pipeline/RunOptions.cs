using FokkerPlanck.Core.Analysis.Statistics;
using FokkerPlanck.Core.Langevin;

namespace FokkerPlanck.Core.Pipeline;

/// <summary>The settings of <c>fokkerplanck run</c> (everything that decides its numbers; the grid is the scenario's).</summary>
public sealed record RunOptions
{
    /// <summary>
    /// Particles of the Langevin confirmation by default: 3·10⁴ resolve the y and x marginals of the default
    /// scenario in ~60 bins each (≥ 5 expected per merged bin) and bound the excess loss to about ±2 % of its
    /// value at the first comparison time, in about 20 s on 2 cores (1.9·10⁸ particle-steps/s, 1.1·10⁵ steps).
    /// </summary>
    public const int DefaultParticles = 30_000;

    /// <summary>Grid study (coarser and finer grid) for the error bar of the strong Mpemba point.</summary>
    public bool GridStudy { get; init; } = true;

    /// <summary>The river-only (1D) reduction beside the 2D model.</summary>
    public bool Reduced1D { get; init; } = true;

    /// <summary>Final LRs of the optimal-plateau-vs-final-LR sweep (0: none).</summary>
    public int SweepPoints { get; init; } = 5;

    /// <summary>Run the schedule verdict.</summary>
    public bool Verdict { get; init; } = true;

    /// <summary>Run the Langevin confirmation.</summary>
    public bool Langevin { get; init; } = true;

    /// <summary>Particles of the Langevin confirmation.</summary>
    public int Particles { get; init; } = DefaultParticles;

    /// <summary>Seed of the particles' counter-based generator.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Threads of the particle propagation (null: all cores); the numbers do not depend on it.</summary>
    public int? Threads { get; init; }

    /// <summary>The Mpemba stage's independent solves at once (<see cref="Analysis.Mpemba.MpembaStudyOptions.ConcurrentSolves"/>; 0: one per thread); the numbers do not depend on it.</summary>
    public int ConcurrentSolves { get; init; }

    /// <summary>Significance level of the Langevin verdicts.</summary>
    public double Level { get; init; } = Significance.DefaultLevel;

    /// <summary>κ of the finite-LR stage (SGD's transition operator at T = κη, the scenario's temperatures kept); null: the stage is skipped.</summary>
    public double? SgdKappa { get; init; }

    /// <summary>Step budget of the schedule-design stage; null: the stage is skipped.</summary>
    public int? BudgetSteps { get; init; }

    /// <summary>What the design stage's optimizer minimizes.</summary>
    public Analysis.ScheduleOptimization.BudgetGoal Goal { get; init; } = Analysis.ScheduleOptimization.BudgetGoal.FinalExcess;

    /// <summary>The ensemble settings these options give.</summary>
    public EnsembleOptions Ensemble => new() { Method = LangevinMethod.LeimkuhlerMatthews, Particles = Particles, Seed = Seed, Threads = Threads };

    /// <summary>Everything that decides the numbers, as one line (a resumed run must match it; threads excluded, they do not change the numbers).</summary>
    public string Fingerprint => FormattableString.Invariant(
        $"grid-study {GridStudy}; 1d {Reduced1D}; sweep {SweepPoints}; verdict {Verdict}; langevin {Langevin}; particles {Particles}; seed {Seed}; level {Level:R}{(SgdKappa is { } k ? $"; sgd-kappa {k.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}" : "")}{(BudgetSteps is { } n ? $"; budget {n} {Goal}" : "")}");

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A value is out of range (the message names the option).</exception>
    public void Validate()
    {
        if (SweepPoints < 0) throw new ArgumentException($"--sweep must be ≥ 0, got {SweepPoints}.");
        if (Particles < 2) throw new ArgumentException($"--particles must be ≥ 2 (a standard error needs two), got {Particles}.");
        if (Threads is < 1) throw new ArgumentException($"--threads must be ≥ 1, got {Threads}.");
        if (BudgetSteps is < 1) throw new ArgumentException($"--budget-steps must be ≥ 1, got {BudgetSteps}.");
        if (SgdKappa is { } k && !(k > 0 && double.IsFinite(k))) throw new ArgumentException($"--sgd-kappa must be positive and finite, got {k}.");
        if (!(Level > 0 && Level < 1)) throw new ArgumentException($"--level must lie in (0, 1), e.g. 0.01; got {Level}.");
    }
}
