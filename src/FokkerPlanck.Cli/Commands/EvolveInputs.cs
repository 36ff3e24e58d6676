using System.Globalization;
using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.IO;
using FokkerPlanck.Core.Scenarios;
using FokkerPlanck.Core.Schedules;

namespace FokkerPlanck.Cli.Commands;

/// <summary>A schedule spec parsed for <c>evolve</c>, with where it came from (for messages).</summary>
/// <param name="Shape">The parsed shape.</param>
/// <param name="Source">"--schedule" or "schedule" (the scenario file's key).</param>
internal sealed record EvolveSchedule(IScheduleShape Shape, string Source);

/// <summary>
/// Reads and checks the inputs of <c>evolve</c> (learning-rate lists, schedules, the initial
/// density) so that bad input fails with one line before anything is computed or written.
/// </summary>
internal static class EvolveInputs
{
    /// <summary>An <c>--initial</c> density whose total mass differs from 1 by more than this is reported (it is normalized either way).</summary>
    public const double MassWarningThreshold = 1e-6;

    /// <summary>The default ordinary plateau is this multiple of the final LR (a plateau where a₂ ≠ 0: the run decays at λ₂, the comparison for a strong Mpemba point).</summary>
    public const double ReferencePlateauFactor = 2;

    /// <summary>Parses <c>η[,η…]</c>; null when absent. Duplicates are dropped, the order is kept.</summary>
    /// <exception cref="UsageException">An entry is not a positive finite number.</exception>
    public static double[]? ParseLearningRates(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var values = new List<double>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                throw new UsageException($"{option}: \"{part}\" is not a number; give learning rates as η[,η…], e.g. 0.3,0.58.");
            if (!(v > 0) || !double.IsFinite(v))
                throw new UsageException($"{option}: learning rates must be positive and finite, got {part}.");
            if (!values.Contains(v)) values.Add(v);
        }
        return [.. values];
    }

    /// <summary>
    /// The schedules to run: the <c>--schedule</c> specs (relative table paths read from the current
    /// folder), else the scenario's <c>schedule</c> (read from the scenario's folder), else <paramref name="fallback"/>.
    /// </summary>
    /// <exception cref="ScheduleException">A spec or its table is invalid.</exception>
    public static List<EvolveSchedule> ParseSchedules(IReadOnlyList<string> specs, Scenario scenario, IReadOnlyList<string> fallback)
    {
        if (specs.Count > 0) return [.. specs.Select(s => new EvolveSchedule(ScheduleCatalog.Parse(s), "--schedule"))];
        if (scenario.Evolve.Schedule is { } fromFile)
        {
            string? folder = scenario.SourcePath is null ? null : Path.GetDirectoryName(Path.GetFullPath(scenario.SourcePath));
            return [new EvolveSchedule(ScheduleCatalog.Parse(fromFile, folder), "schedule")];
        }
        return [.. fallback.Select(s => new EvolveSchedule(ScheduleCatalog.Parse(s), "--schedule"))];
    }

    /// <summary>A table schedule's own plateau LR (null for other shapes), refusing plateau lists beside it.</summary>
    /// <exception cref="UsageException">A table schedule is given with <c>--plateau-lr</c>.</exception>
    /// <exception cref="ScenarioException">A table schedule from the scenario meets the scenario's <c>evolve.plateau_lr</c>.</exception>
    public static double? TablePlateau(EvolveSchedule schedule, double[]? fromOption, Scenario scenario)
    {
        if (schedule.Shape.FixedLearningRates is not { } table) return null;
        string why = $"the schedule \"{schedule.Shape.Spec}\" fixes its own plateau LR ({table.PlateauLr:G6}, its first row)";
        if (fromOption is not null) throw new UsageException($"--plateau-lr: {why}; drop --plateau-lr or use another schedule.");
        if (schedule.Source == "schedule" && scenario.Evolve.PlateauLrs is not null)
            throw new ScenarioException("evolve.plateau_lr", $"{why}; remove evolve.plateau_lr or the table schedule.");
        return table.PlateauLr;
    }

    /// <summary>Where <see cref="Plateaus"/> took the plateaus from (for messages).</summary>
    public static string PlateauSource(EvolveSchedule schedule, double[]? fromOption, Scenario scenario)
        => schedule.Shape.FixedLearningRates is not null ? "schedule" : fromOption is not null ? "--plateau-lr" : scenario.Evolve.PlateauLrs is not null ? "evolve.plateau_lr" : "plateau_lr";

    /// <summary>
    /// The plateau LRs of a plain run: a table's own first LR; else <paramref name="fromOption"/>, the
    /// scenario's <c>evolve.plateau_lr</c>, or the strong Mpemba points with 2η_c beside them as an
    /// ordinary plateau to compare with (2η_c alone when the scan found none).
    /// </summary>
    public static double[] Plateaus(EvolveSchedule schedule, double[]? fromOption, EvolutionSession session)
    {
        var scenario = session.Scenario;
        if (TablePlateau(schedule, fromOption, scenario) is { } fixedLr) return [fixedLr];
        if ((fromOption ?? scenario.Evolve.PlateauLrs?.ToArray()) is { } given) return [.. given.Distinct()];
        var set = session.Scan.Points.Select(p => p.Lr).ToList();
        double reference = ReferencePlateauFactor * scenario.FinalLr;
        if (!set.Any(p => Math.Abs(p - reference) <= 1e-9 * reference)) set.Add(reference);
        return [.. set.Order()];
    }

    /// <summary>
    /// Binds every shape to every plateau and checks that the domain holds the equilibria the runs
    /// start from and pass through (the checks <see cref="EvolutionSession.Run"/> would make after files exist).
    /// </summary>
    /// <exception cref="ScheduleException">A shape cannot be bound (a table whose LRs differ from the scenario's).</exception>
    /// <exception cref="ScenarioException">The domain truncates an equilibrium.</exception>
    /// <param name="session">The session.</param>
    /// <param name="plateaus">Plateau LRs.</param>
    /// <param name="schedules">Schedules.</param>
    /// <param name="fromEquilibrium">The runs start from the equilibrium at the schedule's initial LR (no <c>--initial</c>).</param>
    /// <param name="source">Where the plateaus came from, named in messages: an option (<c>--plateau-lr</c>, a usage error) or a scenario key.</param>
    public static ILearningRateSchedule[][] Bind(EvolutionSession session, IReadOnlyList<double> plateaus, IReadOnlyList<EvolveSchedule> schedules, bool fromEquilibrium, string source)
    {
        double finalLr = session.Scenario.FinalLr;
        var checkedLrs = new HashSet<double>();
        void Check(double lr)
        {
            if (!checkedLrs.Add(lr)) return;
            try { session.CheckDomainHolds(lr, source); }
            catch (ScenarioException e) when (source.StartsWith("--", StringComparison.Ordinal)) { throw new UsageException($"{source}: {e.Problem}"); }
        }
        return [.. plateaus.Select(p => schedules.Select(s =>
        {
            var schedule = s.Shape.Bind(p, finalLr);
            if (fromEquilibrium) Check(schedule.InitialLr);
            Check(schedule.PlateauLr);
            return schedule;
        }).ToArray())];
    }

    /// <summary>The run's end time, by the session's rule (the given end time, else the last breakpoint plus the relaxation times of the slow mode).</summary>
    public static double EndTime(EvolutionSession session, ILearningRateSchedule schedule)
        => session.EndTimeOf(schedule);

    /// <summary>
    /// Reads an initial density (cell masses) of shape (nx·ny,) or (ny, nx): finite, nonnegative, not
    /// all zero; normalized to mass 1 (with a warning when it was off by more than <see cref="MassWarningThreshold"/>).
    /// </summary>
    /// <exception cref="UsageException">The file cannot be read or does not fit the grid.</exception>
    public static double[] ReadInitial(string path, int nx, int ny)
    {
        string what = $"--initial {path}";
        NpyArray array;
        try { array = NpyReader.Read(path); }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or UnauthorizedAccessException)
        {
            throw new UsageException($"{what}: {e.Message}");
        }
        int n = nx * ny;
        bool fits = array.Shape switch
        {
            [int a] => a == n,
            [int rows, int columns] => rows == ny && columns == nx,
            _ => false,
        };
        if (!fits)
            throw new UsageException($"{what}: shape ({string.Join(", ", array.Shape)}) does not fit the grid {nx}×{ny}; expected cell masses of shape ({n},) or ({ny}, {nx}) (cell index i + nx·j).");
        var m = array.Data;
        double sum = 0;
        for (int k = 0; k < m.Length; k++)
        {
            if (!double.IsFinite(m[k]) || m[k] < 0)
                throw new UsageException($"{what}: cell {k} (i = {k % nx}, j = {k / nx}) holds {m[k].ToString(CultureInfo.InvariantCulture)}; cell masses must be finite and ≥ 0.");
            sum += m[k];
        }
        if (!(sum > 0)) throw new UsageException($"{what}: the total mass is 0; an initial density needs positive mass.");
        if (Math.Abs(sum - 1) > MassWarningThreshold)
            CommandRunner.Warning($"{what}: total mass {sum.ToString("G8", CultureInfo.InvariantCulture)}, normalized to 1.");
        for (int k = 0; k < m.Length; k++) m[k] /= sum;
        return m;
    }
}
