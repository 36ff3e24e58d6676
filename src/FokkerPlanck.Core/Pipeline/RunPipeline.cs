using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Scenarios;

namespace FokkerPlanck.Core.Pipeline;

/// <summary>
/// The main job, <c>fokkerplanck run</c>: check → spectrum → Mpemba analysis → schedule verdict → Langevin
/// confirmation. Each stage's record goes to the recorder before the next stage starts, so an interrupted
/// run keeps what it finished and a resumed one (<see cref="Run"/> with the earlier results) skips it.
/// </summary>
/// <remarks>
/// A resumed run recomputes the session (the eigenpairs at η_c, ~2 s on the default scenario) when the
/// verdict or the Langevin stage is still to run: those work on the operator, which run.json does not keep.
/// Every stage is deterministic (the particles through their seed), so a resumed run gives the numbers of an
/// uninterrupted one.
/// </remarks>
public sealed class RunPipeline
{
    private readonly Scenario _scenario;
    private readonly RunOptions _options;

    /// <summary>A pipeline for <paramref name="scenario"/> (its grid as given) with <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public RunPipeline(Scenario scenario, RunOptions options)
    {
        _scenario = scenario ?? throw new ArgumentNullException(nameof(scenario));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        Fingerprint = FingerprintOf(scenario, options);
    }

    /// <summary>The stages in order.</summary>
    public static IReadOnlyList<RunStage> Stages { get; } = Enum.GetValues<RunStage>();

    /// <summary>The fingerprint of this run: the scenario file's SHA-256 (or its name), the grid and the options.</summary>
    public string Fingerprint { get; }

    private static string FingerprintOf(Scenario scenario, RunOptions options)
    {
        string source = scenario.SourcePath is { } path && File.Exists(path)
            ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)))[..16]
            : scenario.Name;
        var g = scenario.Problem.Grid;
        return string.Create(CultureInfo.InvariantCulture, $"scenario {source}; grid {g.Nx}x{g.Ny}; {options.Fingerprint}");
    }

    /// <summary>A fresh record for this run.</summary>
    public RunResults NewResults() => new()
    {
        Scenario = _scenario.Name,
        ScenarioPath = _scenario.SourcePath is null ? null : Path.GetFullPath(_scenario.SourcePath),
        Fingerprint = Fingerprint,
    };

    /// <summary>
    /// Runs the stages that <paramref name="results"/> does not hold yet (pass <see cref="NewResults"/> for a
    /// fresh run, or the record of an interrupted one with the same <see cref="Fingerprint"/>).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="results"/> belongs to another run.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the finished stages are recorded.</exception>
    public RunResults Run(RunResults results, IRunRecorder recorder, IStageProgress progress, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentNullException.ThrowIfNull(progress);
        if (results.Fingerprint != Fingerprint)
            throw new ArgumentException($"the earlier run was made with other inputs ({results.Fingerprint}); this one is ({Fingerprint}).");
        EvolutionSession? session = null;
        try
        {
            foreach (var stage in Stages)
            {
                cancellation.ThrowIfCancellationRequested();
                if (results.Has(stage)) { progress.Finish(stage, "taken from the earlier run"); continue; }
                if (!Enabled(stage))
                {
                    if (!results.Skipped.Contains(stage)) results.Skipped.Add(stage);
                    progress.Finish(stage, "skipped");
                    continue;
                }
                progress.Start(stage);
                var clock = Stopwatch.StartNew();
                if (stage is RunStage.Verdict or RunStage.Langevin or RunStage.Design && session is null)
                    session = RunStages.OpenSession(_scenario, note => progress.Report(stage, null, note));
                var output = Compute(stage, results, ref session, progress, cancellation);
                results.Seconds[stage] = clock.Elapsed.TotalSeconds;
                results.Complete = Stages.All(s => results.Has(s) || !Enabled(s));
                try { recorder.StageFinished(results, output); }
                finally { (output as IDisposable)?.Dispose(); }
                progress.Finish(stage, null);
            }
            return results;
        }
        finally
        {
            session?.Dispose();
        }
    }

    private bool Enabled(RunStage stage) => stage switch
    {
        RunStage.Verdict => _options.Verdict,
        RunStage.Langevin => _options.Langevin,
        RunStage.FiniteLr => _options.SgdKappa is not null,
        RunStage.Design => _options.BudgetSteps is not null,
        _ => true,
    };

    private StageOutput Compute(RunStage stage, RunResults results, ref EvolutionSession? session, IStageProgress progress, CancellationToken cancellation)
    {
        void Note(string note) => progress.Report(stage, null, note);
        void Fraction(double f, string? note) => progress.Report(stage, f, note);
        switch (stage)
        {
            case RunStage.Check:
                var check = RunStages.Check(_scenario);
                results.Check = CheckRecord.From(check.Report, _scenario);
                return check;
            case RunStage.Spectrum:
                session ??= RunStages.OpenSession(_scenario, Note);
                results.Spectrum = RunStages.SpectrumRecord(session);
                return new SpectrumOutput(session);
            case RunStage.Mpemba:
                var study = RunStages.Mpemba(_scenario, _options, Fraction);
                results.Mpemba = MpembaRecord.From(study.Study);
                return study;
            case RunStage.Verdict:
                var verdict = RunStages.Verdict(session!, Fraction, cancellation);
                results.Verdict = verdict.Verdict;
                return verdict;
            case RunStage.Design:
                var design = RunStages.Design(session!, _options, Fraction, cancellation);
                var cg = design.OptimizerSession.Setup.Grid;
                results.Design = DesignRecord.From(design.Map, design.Optimization, cg.ToString());
                return design;
            case RunStage.FiniteLr:
                var finite = RunStages.FiniteLr(_scenario, _options.SgdKappa!.Value, Fraction, cancellation);
                results.FiniteLr = FiniteLrRecord.From(finite.Comparison);
                return finite;
            default:
                var langevin = RunStages.Langevin(session!, _options, Fraction, cancellation);
                results.Langevin = RunStages.LangevinRecord(langevin, _options);
                return langevin;
        }
    }
}
