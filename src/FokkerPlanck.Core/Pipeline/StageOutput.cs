using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Analysis.Mpemba;
using FokkerPlanck.Core.Langevin;
using FokkerPlanck.Core.Scenarios;
using FokkerPlanck.Core.Schedules;

namespace FokkerPlanck.Core.Pipeline;

/// <summary>What a stage computed, in full (eigenvectors, runs, particles): the recorder draws its figures and writes its files from it; run.json keeps only the stage's record.</summary>
/// <param name="Stage">The stage.</param>
public abstract record StageOutput(RunStage Stage);

/// <summary>The check stage's report and the sampled scenario.</summary>
/// <param name="Report">The check report.</param>
/// <param name="Setup">Grid, landscape and samples.</param>
public sealed record CheckOutput(ScenarioCheckReport Report, ScenarioSetup Setup) : StageOutput(RunStage.Check);

/// <summary>The spectrum at the final LR and the plateau scan, in the session later stages run on.</summary>
/// <param name="Session">The session.</param>
public sealed record SpectrumOutput(EvolutionSession Session) : StageOutput(RunStage.Spectrum);

/// <summary>The Mpemba study.</summary>
/// <param name="Study">Its result.</param>
public sealed record MpembaOutput(MpembaStudyResult Study) : StageOutput(RunStage.Mpemba);

/// <summary>The verdict table and the quench runs drawn beside it.</summary>
/// <param name="Session">The session.</param>
/// <param name="Verdict">The table.</param>
/// <param name="QuenchRuns">Runs from the optimal and a higher plateau under an instant drop, with their spectral predictions.</param>
public sealed record VerdictOutput(EvolutionSession Session, VerdictResult Verdict, IReadOnlyList<EvolutionRun> QuenchRuns) : StageOutput(RunStage.Verdict);

/// <summary>The Langevin confirmation.</summary>
/// <param name="Session">The session.</param>
/// <param name="Schedule">The schedule the ensemble followed.</param>
/// <param name="Options">Ensemble settings.</param>
/// <param name="Validation">The validation (step, curvature).</param>
/// <param name="Result">Its result.</param>
public sealed record LangevinOutput(EvolutionSession Session, ILearningRateSchedule Schedule, EnsembleOptions Options, EnsembleValidation Validation,
    EnsembleValidationResult Result) : StageOutput(RunStage.Langevin);

/// <summary>The finite-LR stage's output: the comparison and the κ-scaled scenario it ran on.</summary>
public sealed record FiniteLrOutput(Scenario Scenario, FiniteLr.FiniteLrComparison Comparison) : StageOutput(RunStage.FiniteLr);

/// <summary>The schedule-design stage's output; it owns the optimizer's coarser session (disposed once its files are written).</summary>
public sealed record DesignOutput(EvolutionSession Session, Analysis.DynamicMpemba.DynamicMpembaMapOptions MapOptions, Analysis.DynamicMpemba.DynamicMpembaMap Map,
    EvolutionSession OptimizerSession, Analysis.ScheduleOptimization.ScheduleOptimizationResult Optimization) : StageOutput(RunStage.Design), IDisposable
{
    /// <inheritdoc />
    public void Dispose() => OptimizerSession.Dispose();
}

/// <summary>Persists a run as it goes: called after each stage, before the next starts.</summary>
public interface IRunRecorder
{
    /// <summary><paramref name="output"/>'s stage has finished; <paramref name="results"/> holds its record and every earlier one.</summary>
    void StageFinished(RunResults results, StageOutput output);
}

/// <summary>Progress of the stages of a run.</summary>
public interface IStageProgress
{
    /// <summary>The stage starts (its clock runs from here).</summary>
    void Start(RunStage stage);

    /// <summary>The stage is <paramref name="fraction"/> done (0 … 1, or null when unknown); <paramref name="note"/> says what it is doing.</summary>
    void Report(RunStage stage, double? fraction, string? note = null);

    /// <summary>The stage is done; <paramref name="note"/> says why when it did not run (skipped, taken from an earlier run), null when it ran.</summary>
    void Finish(RunStage stage, string? note);
}
