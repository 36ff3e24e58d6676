using FokkerPlanck.Cli.Output;
using FokkerPlanck.Core;
using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Reporting;

namespace FokkerPlanck.Cli.Commands;

/// <summary><c>evolve --verdict</c>: the plateau × schedule table of times to tolerance and one finding per schedule.</summary>
internal static class EvolveVerdict
{
    /// <summary>Checks the inputs, runs the table (verdict.json and verdict.csv checkpointed after each plateau), draws and prints it.</summary>
    public static int Run(EvolveRequest q)
    {
        if (q.Initial is not null) throw new UsageException("--initial: the verdict starts every run from its plateau equilibrium; drop --initial or --verdict.");
        var schedules = q.Specs.Count > 0 ? EvolveInputs.ParseSchedules(q.Specs, q.Scenario, []) : null;
        if (schedules?.FirstOrDefault(s => s.Shape.FixedLearningRates is not null) is { } table)
            throw new UsageException($"--schedule {table.Shape.Spec}: a table fixes its own plateau LR, but the verdict compares plateaus; give decay shapes (e.g. linear:10) or run the table without --verdict.");
        using var session = q.OpenSession();
        schedules ??= EvolveInputs.ParseSchedules(ScheduleVerdict.DefaultSpecs(session.Scan.EffectiveRate), q.Scenario, []);
        var strong = session.Scan.Points.Where(p => p.Kind == "cooling").Select(p => p.Lr).ToArray();
        double finalLr = q.Scenario.FinalLr;
        var plateaus = q.Plateaus is { } given ? [.. given.Distinct()] : ScheduleVerdict.DefaultPlateaus(finalLr, strong, q.Scenario.Mpemba.Plateau.Max);
        EvolveInputs.Bind(session, plateaus, schedules, fromEquilibrium: true, q.Plateaus is null ? "plateau_lr" : "--plateau-lr");
        var shapes = schedules.Select(s => s.Shape).ToList();
        var tol = q.Tolerances();
        using var folderLock = OutputLock.Acquire(q.OutDir);
        EvolveSummary.Header(session);

        string json = Path.Combine(q.OutDir, "verdict.json"), csv = Path.Combine(q.OutDir, "verdict.csv");
        void Save(VerdictResult r)
        {
            JsonOutput.Write(json, EvolveJson.Verdict(session, shapes, r));
            EvolveFiles.Verdict(csv, r);
        }
        VerdictResult result = null!;
        using (var cancel = CtrlC.Cancellation())
        {
            RunProgress.Run([$"verdict: {plateaus.Length} plateaus × {shapes.Count} schedules"], progress =>
            {
                progress.Start(0);
                result = ScheduleVerdict.Run(session, plateaus, shapes, tol,
                    new SyncProgress<(int Done, int Total, string What)>(x => progress.Report(0, (double)x.Done / x.Total,
                        x.Done < x.Total ? $"verdict run {x.Done + 1}/{x.Total}: {x.What}" : "verdict")),
                    Save, cancellation: cancel.Token);
                progress.Finish(0, "verdict");
            });
        }
        Save(result);
        if (q.Plots) EvolveFigures.Verdict(result, finalLr, Path.Combine(q.OutDir, EvolveFigures.VerdictFigure));
        EvolveSummary.Verdict(result, finalLr, q.OutDir);
        return ExitCodes.Ok;
    }
}
