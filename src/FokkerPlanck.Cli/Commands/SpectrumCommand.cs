using System.CommandLine;
using FokkerPlanck.Cli.Output;
using FokkerPlanck.Core.Scenarios;
using FokkerPlanck.Core.Spectral;
using FokkerPlanck.Core.Spectral.Relaxation;
using FokkerPlanck.Reporting;
using Spectre.Console;

namespace FokkerPlanck.Cli.Commands;

/// <summary><c>fokkerplanck spectrum SCENARIO</c>: slowest relaxation modes at one learning rate.</summary>
internal static class SpectrumCommand
{
    /// <summary>Figures are drawn for at most this many modes (u_k and v_k each).</summary>
    private const int PlottedModes = 4;

    public static Command Create()
    {
        var scenarioArg = new Argument<string>("scenario") { Description = "Scenario file (JSON, comments allowed)." };
        var lr = new Option<double?>("--lr") { Description = "Learning rate η (default: the scenario's final_lr)." };
        var temperature = new Option<double?>("--temperature") { Description = "Temperature T instead of a learning rate (T = κη)." };
        var modes = new Option<int?>("--modes") { Description = "Number of modes, λ₁ = 0 included (default: scenario \"modes\")." };
        var grid = GridOption.Create();
        var maxMemory = MaxMemoryOption.Create();
        var outDir = new Option<string>("--out") { Description = "Output folder.", DefaultValueFactory = _ => "results" };
        var noPlots = new Option<bool>("--no-plots") { Description = "Skip the PNG figures." };
        var noVerify = new Option<bool>("--no-verify") { Description = "Skip the inertia count that proves no mode was missed (saves one factorization)." };
        var cmd = new Command("spectrum", "Slowest relaxation modes (eigenvalues, right and left eigenvectors) of the Fokker–Planck operator at one learning rate.");
        cmd.Arguments.Add(scenarioArg);
        foreach (var o in new Option[] { lr, temperature, modes, grid, outDir, noPlots, noVerify, maxMemory }) cmd.Options.Add(o);
        cmd.SetAction(parse => CommandRunner.Run(() =>
        {
            var scenario = ScenarioLoader.Load(parse.GetValue(scenarioArg)!);
            var (nx, ny) = GridOption.Parse(parse.GetValue(grid));
            double? lrValue = parse.GetValue(lr), tValue = parse.GetValue(temperature);
            if (lrValue is not null && tValue is not null) throw new UsageException("give either --lr or --temperature, not both.");
            if (lrValue is <= 0 || lrValue is double l && !double.IsFinite(l)) throw new UsageException($"--lr must be positive and finite, got {lrValue}.");
            if (tValue is <= 0 || tValue is double tt && !double.IsFinite(tt)) throw new UsageException($"--temperature must be positive and finite, got {tValue}.");
            double eta = lrValue ?? (tValue is double t ? t / scenario.Kappa : scenario.FinalLr);
            int k = parse.GetValue(modes) ?? scenario.Mpemba.Modes;
            if (k < 2) throw new UsageException($"--modes must be ≥ 2 (λ₁ = 0 and at least one relaxation mode), got {k}.");
            string dir = parse.GetValue(outDir)!;
            // the guard's ordering and symbolic analysis of this grid is the solver's (not done twice); it is
            // mostly serial and needs only the grid, so it runs beside the sampling and the scenario's
            // checks (their warnings come first, a refusal right after them, before any output is written)
            string? maxMemoryText = parse.GetValue(maxMemory);
            var guard = Core.Numerics.Parallelism.Beside(() => MaxMemoryOption.Enforce("spectrum", scenario, nx, ny, maxMemoryText,
                m => m.Spectrum(k, backwardLu: Core.Memory.MemoryModel.NeedsBackwardLu(scenario, eta))));
            // one sampled landscape for the warnings and the operator
            var setup = ScenarioSetup.Create(scenario.WithGrid(nx, ny));
            ScenarioWarnings.Print(setup);
            var memory = guard.GetAwaiter().GetResult();
            using var folderLock = OutputLock.Acquire(dir);
            // the vector files are written while the inertia count runs
            using var early = new EarlyVectorFiles(dir);
            RelaxationSpectrum s = null!;
            double startup = 0;
            ProgressDisplay.Run("spectrum", progress =>
            {
                startup = ProcessClock.SinceStart();
                progress.Report("building the operator");
                var op = setup.OperatorAt(eta);
                var options = new SpectrumOptions { Modes = k, VerifyCount = !parse.GetValue(noVerify), VectorsFinal = early.Begin };
                s = new RelaxationSpectrumSolver(memory?.Symbolic).Solve(op, options, new SyncStageProgress(progress));
            });
            SpectrumFiles.Write(dir, scenario, eta, s, startup, early);
            if (!parse.GetValue(noPlots))
            {
                Figures.Eigenvalues(s, Path.Combine(dir, "eigenvalues.png"));
                for (int m = 0; m < Math.Min(PlottedModes, s.Count); m++)
                {
                    Figures.Mode(s, m, left: false, Path.Combine(dir, $"mode{m + 1}_right.png"));
                    if (m > 0) Figures.Mode(s, m, left: true, Path.Combine(dir, $"mode{m + 1}_left.png"));
                }
            }
            Print(s, eta, dir);
            return s.Status == EigenStatus.Converged && s.MissedEigenvalues is null or 0 ? ExitCodes.Ok : ExitCodes.NotConverged;
        }));
        return cmd;
    }

    private sealed class SyncStageProgress(IProgress<string> inner) : IProgress<(string Stage, double Fraction)>
    {
        public void Report((string Stage, double Fraction) value) => inner.Report(value.Stage);
    }

    private static void Print(RelaxationSpectrum s, double eta, string dir)
    {
        AnsiConsole.MarkupLine(Markup.Escape($"η = {eta:G5}, T = {s.Temperature:G5}, grid {s.Operator.Grid}, {s.Operator.Size:N0} unknowns; status {s.Status}, missed eigenvalues {(s.MissedEigenvalues?.ToString() ?? "not checked")}"));
        var t = new Table().Border(TableBorder.Rounded).AddColumns("k", "λ_k", "relaxation time 1/λ_k", "residual (symmetric)", "residual (left, backward op.)");
        for (int k = 0; k < s.Count; k++)
            t.AddRow($"{k + 1}", $"{s.Eigenvalues[k]:G8}", k == 0 ? "∞ (stationary)" : $"{1 / s.Eigenvalues[k]:G4}", $"{s.Residuals[k]:E1}", $"{s.LeftResiduals[k]:E1}");
        AnsiConsole.Write(t);
        var tm = s.Timings;
        AnsiConsole.MarkupLine(Markup.Escape($"time: assembly {tm.Assembly:F2} s, ordering {tm.Ordering:F2} s, factorization {tm.Factorization:F2} s, coarse start {tm.CoarseStart:F2} s, Lanczos {tm.Iteration:F2} s ({s.Solves} solves, shift σ = {s.Shift:G5}{(s.StartVectors > 0 ? $", {s.StartVectors} start vectors from the coarse level" : "")}), verification {tm.Verification:F2} s, left vectors {tm.LeftVectors:F2} s; total {tm.Total:F2} s"));
        if (!string.IsNullOrWhiteSpace(s.Messages)) AnsiConsole.MarkupLine($"[yellow]solver:[/] {Markup.Escape(s.Messages)}");
        AnsiConsole.MarkupLine($"results in [blue]{Markup.Escape(Path.GetFullPath(dir))}[/]");
    }
}
