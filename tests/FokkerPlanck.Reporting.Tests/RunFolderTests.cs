using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Analysis.Mpemba;
using FokkerPlanck.Core.Analysis.Statistics;
using FokkerPlanck.Core.Pipeline;
using FokkerPlanck.Reporting.Run;

namespace FokkerPlanck.Reporting.Tests;

/// <summary>run.json: what a resumed run reads back is what was written (infinities, enums, lists included); a broken file is refused with its name.</summary>
public sealed class RunFolderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fp-runfolder-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    internal static RunResults Sample()
    {
        var r = new RunResults { Scenario = "s", ScenarioPath = "/x/s.json", Fingerprint = "scenario abc; grid 24x48" };
        r.Spectrum = new SpectrumRecord(0.145, 0.145, [0, 0.0231, 1.85], [1e-17, 2e-17, 3e-17], 2, 3);
        r.Mpemba = new MpembaRecord("24×48", [new PointEstimate("cooling", 0.5808, 5.5e-5, [0.5806, 0.5807, 0.5808], 2.1, 79.9)], [],
            0.58, [0.2, 0.5, 1], [0.1, 0.01, -0.2], [new SweepPoint(0.12, [0.9], [], 0.02)]);
        r.Verdict = new VerdictResult(new VerdictTolerances(1e-3, 5e-7, 1.45e-4), [0.29, 0.58], [0.58],
            [new VerdictRow(0.58, "constant", true, 3.3, 23, 4, 5, 1.84, 865), new VerdictRow(0.29, "constant", false, double.PositiveInfinity, double.PositiveInfinity, double.NaN, 7, 0.02, 865)],
            [new ScheduleFinding("constant", VerdictOutcome.AdvantageKept, 36.5, 0.58, "kept")], Complete: true);
        r.Langevin = new LangevinRecord(4000, 5, 0.58, "quench", 1e-4, 0.01, [new LangevinTimeRecord(0.27, 0.15, null, 0.04, 0.039, 0.041, 0.0421, 0.11, Verdict.Consistent)], 1.9e8);
        r.Seconds[RunStage.Spectrum] = 1.5;
        r.Skipped.Add(RunStage.Check);
        return r;
    }

    [Fact]
    public void Serialize_ThenLoad_GivesTheSameRecord()
    {
        var written = Sample();
        File.WriteAllText(Path.Combine(_dir, RunFolder.ResultsFile), RunFolder.Serialize(written));
        var read = RunFolder.Load(_dir)!;
        Assert.Equal(RunFolder.Serialize(written), RunFolder.Serialize(read));
        Assert.True(double.IsPositiveInfinity(read.Verdict!.Rows[1].TimeL1));
        Assert.True(double.IsNaN(read.Verdict.Rows[1].TimeKullbackLeibler));
        Assert.Equal(VerdictOutcome.AdvantageKept, read.Verdict.Findings[0].Outcome);
        Assert.Equal(Verdict.Consistent, read.Langevin!.Times[0].Verdict);
        Assert.Equal(1.5, read.Seconds[RunStage.Spectrum]);
        Assert.True(read.Has(RunStage.Mpemba));
        Assert.False(read.Has(RunStage.Check));
    }

    [Fact]
    public void Load_NoFile_IsNull_ABrokenFileIsRefusedWithItsName()
    {
        Assert.Null(RunFolder.Load(_dir));
        File.WriteAllText(Path.Combine(_dir, RunFolder.ResultsFile), "{ \"scenario\": \"s\", ");
        var e = Assert.Throws<InvalidDataException>(() => RunFolder.Load(_dir));
        Assert.Contains(RunFolder.ResultsFile, e.Message);
    }
}
