using FokkerPlanck.Core.Pipeline;
using FokkerPlanck.Core.Scenarios;

namespace FokkerPlanck.Core.Tests.Pipeline;

/// <summary>The pipeline's bookkeeping: stages in order, each recorded before the next, finished ones skipped on resume, another run's record refused.</summary>
public sealed class RunPipelineTests
{
    private const string Scenario = """
        { "name": "tiny", "landscape": { "kind": "potential1d", "U": "0.5*y^4 - y^2 - 0.02*y" }, "domain": { "y": [-2, 2] },
          "grid": { "ny": 64 }, "final_lr": 0.2, "plateau_lr": { "min": 0.21, "max": 2.0, "points": 12 }, "modes": 4 }
        """;

    private static RunPipeline Pipeline(RunOptions? options = null)
        => new(ScenarioLoader.Parse(Scenario), options ?? new RunOptions { Verdict = false, Langevin = false, GridStudy = false, SweepPoints = 0, Reduced1D = false });

    [Fact]
    public void Run_RecordsEachStageInOrderAndSkipsTheDisabledOnes()
    {
        var pipeline = Pipeline();
        var recorder = new Recorder();
        var results = pipeline.Run(pipeline.NewResults(), recorder, new Silent());
        Assert.Equal([RunStage.Check, RunStage.Spectrum, RunStage.Mpemba], recorder.Stages);
        Assert.Equal([RunStage.Verdict, RunStage.Langevin, RunStage.FiniteLr, RunStage.Design], results.Skipped);
        Assert.True(results.Complete);
        Assert.Equal(3, recorder.HadBefore.Count);
        Assert.Equal([0, 1, 2], recorder.HadBefore);
    }

    [Fact]
    public void Run_WithSgdKappa_RecordsSgdsOwnAnalysisAtThatKappa()
    {
        // κ = 20: η_c = 0.01, η_c·a_max ≈ 0.2 on this well (a_max = U″ near the walls ≈ 20 at the outer cell centres)
        var pipeline = Pipeline(new RunOptions { Verdict = false, Langevin = false, GridStudy = false, SweepPoints = 0, Reduced1D = false, SgdKappa = 20 });
        var recorder = new Recorder();
        var results = pipeline.Run(pipeline.NewResults(), recorder, new Silent());
        Assert.Equal(RunStage.FiniteLr, recorder.Stages[^1]);
        var f = results.FiniteLr!;
        Assert.Equal(20, f.Kappa);
        Assert.Equal(0.01, f.FinalLr, 12);
        Assert.InRange(f.FinalLrTimesCurvature, 0.18, 0.23);
        // a small step: SGD's slowest rate within a few per cent of the continuous one
        Assert.InRange(f.Rates[0] / results.Spectrum!.Eigenvalues[1], 0.95, 1.1);
        Assert.Empty(f.CorrectedPoints);
        Assert.Contains("sgd-kappa 20", pipeline.Fingerprint);
    }

    [Fact]
    public void Run_AResumedRecord_RunsOnlyWhatIsMissing()
    {
        var pipeline = Pipeline();
        var first = pipeline.Run(pipeline.NewResults(), new Recorder(), new Silent());
        first.Mpemba = null;
        first.Complete = false;
        var recorder = new Recorder();
        pipeline.Run(first, recorder, new Silent());
        Assert.Equal([RunStage.Mpemba], recorder.Stages);
    }

    [Fact]
    public void Run_ARecordOfOtherOptions_IsRefused()
    {
        var other = Pipeline(new RunOptions { Verdict = false, Langevin = false, GridStudy = false, SweepPoints = 0, Reduced1D = false, Seed = 9 });
        var e = Assert.Throws<ArgumentException>(() => Pipeline().Run(other.NewResults(), new Recorder(), new Silent()));
        Assert.Contains("seed 9", e.Message);
    }

    [Fact]
    public void Options_OutOfRange_AreRefusedNamingTheOption()
    {
        Assert.Contains("--particles", Assert.Throws<ArgumentException>(() => Pipeline(new RunOptions { Particles = 1 })).Message);
        Assert.Contains("--level", Assert.Throws<ArgumentException>(() => Pipeline(new RunOptions { Level = 1 })).Message);
    }

    private sealed class Recorder : IRunRecorder
    {
        public List<RunStage> Stages { get; } = [];

        /// <summary>How many stages the record held when each stage was recorded (its own included, minus one).</summary>
        public List<int> HadBefore { get; } = [];

        public void StageFinished(RunResults results, StageOutput output)
        {
            Assert.True(results.Has(output.Stage), "a stage's record is in place when it is recorded");
            HadBefore.Add(RunPipeline.Stages.Count(results.Has) - 1);
            Stages.Add(output.Stage);
        }
    }

    private sealed class Silent : IStageProgress
    {
        public void Start(RunStage stage) { }

        public void Report(RunStage stage, double? fraction, string? note = null) { }

        public void Finish(RunStage stage, string? note) { }
    }
}
