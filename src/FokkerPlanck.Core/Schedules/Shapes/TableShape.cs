using FokkerPlanck.Core.Schedules.Profiles;

namespace FokkerPlanck.Core.Schedules.Shapes;

/// <summary>
/// <c>table:PATH</c>: η from a CSV (<see cref="LearningRateTable"/>), linear in t (or in steps for a
/// <c>step</c> table) between rows and held after the last; each row is a breakpoint. The table fixes
/// its own LRs: plateau = first lr, final = last lr.
/// </summary>
/// <param name="path">The path as the spec wrote it (kept so the spec round-trips).</param>
/// <param name="table">The rows.</param>
internal sealed class TableShape(string path, LearningRateTable table) : ScheduleShape
{
    /// <summary>LRs asked of <see cref="Bind"/> may differ from the table's by this relative amount (a value printed and read back).</summary>
    private const double SameLearningRate = 1e-12;

    /// <summary>The rows.</summary>
    public LearningRateTable Table { get; } = table;

    /// <inheritdoc/>
    public override string Kind => "table";

    /// <inheritdoc/>
    public override string Spec => $"table:{path}";

    /// <inheritdoc/>
    public override (double PlateauLr, double FinalLr)? FixedLearningRates => (Table.Rates[0], Table.Rates[^1]);

    /// <summary>Reads <c>table:PATH</c>, resolving a relative path against the context's folder, and the file.</summary>
    public static ScheduleShape Parse(string? args, SpecContext context)
    {
        string path = (args ?? "").Trim();
        if (path.Length == 0) throw context.Error(context.FullSpec, $"table needs the path of a CSV file; {context.Expected}");
        string full = Path.GetFullPath(Path.Combine(context.BaseDirectory, path));
        if (!File.Exists(full))
            throw context.Error(path, $"file \"{full}\" not found (a relative path is read from \"{context.BaseDirectory}\")");
        return new TableShape(path, LearningRateTable.Read(full, path));
    }

    /// <inheritdoc/>
    public override ILearningRateSchedule Bind(double plateauLr, double finalLr)
    {
        RequireLearningRate(plateauLr, nameof(plateauLr), "plateau");
        RequireLearningRate(finalLr, nameof(finalLr), "final");
        double first = Table.Rates[0], last = Table.Rates[^1];
        if (!Same(plateauLr, first) || !Same(finalLr, last))
            throw new ScheduleException($"schedule \"{Spec}\"",
                $"the table fixes its own learning rates, {SpecText.Number(first)} (first row) to {SpecText.Number(last)} (last row), "
                + $"but the run asks for plateau {SpecText.Number(plateauLr)} and final {SpecText.Number(finalLr)}; set the plateau and final LR to the table's");
        return base.Bind(first, last);
    }

    /// <inheritdoc/>
    internal override IEnumerable<SchedulePhase> Phases(double plateauLr, double finalLr)
    {
        double[] x = Table.Positions, lr = Table.Rates;
        for (int i = 0; i + 1 < x.Length; i++)
            yield return new SchedulePhase(new LinearProfile(lr[i], lr[i + 1]), x[i + 1] - x[i], Table.InSteps);
    }

    /// <inheritdoc/>
    internal override string Describe(double plateauLr, double finalLr)
        => $"table {path}: {Table.Rates.Length} rows from {SpecText.Brief(plateauLr)} to {SpecText.Brief(finalLr)} "
           + $"over {SpecText.Length(new Duration(Table.Positions[^1], Table.InSteps), Phases(plateauLr, finalLr))}";

    private static bool Same(double a, double b) => Math.Abs(a - b) <= SameLearningRate * Math.Max(a, b);
}
