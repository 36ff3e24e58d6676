using System.Globalization;
using FokkerPlanck.Core.Schedules;
using FokkerPlanck.Core.Tests.IO;

namespace FokkerPlanck.Core.Tests.Schedules;

/// <summary>
/// The catalog's example specs bound to the test LRs, with the folder that holds the example table
/// (<c>lr.csv</c>: t = 0, 2, 5, 10 with lr 0.58, 0.5, 0.3, 0.145).
/// </summary>
public sealed class ScheduleTestCases : IDisposable
{
    /// <summary>η_h of the examples.</summary>
    public const double Plateau = 0.58;

    /// <summary>η_c of the examples.</summary>
    public const double Final = 0.145;

    private readonly TempDirectory _folder = new();

    public ScheduleTestCases()
    {
        File.WriteAllText(_folder.File("lr.csv"), "t,lr\n0,0.58\n2,0.5\n5,0.3\n10,0.145\n");
    }

    /// <summary>Folder that relative table paths are read from.</summary>
    public string Folder => _folder.Path;

    /// <summary>Every example spec of every kind in the catalog.</summary>
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var kind in ScheduleCatalog.Kinds)
            foreach (string spec in kind.Examples) data.Add(spec);
        return data;
    }

    /// <summary>The spec parsed here and bound to (0.58, 0.145), or to the LRs a table fixes.</summary>
    public ILearningRateSchedule Bind(string spec)
    {
        var shape = ScheduleCatalog.Parse(spec, Folder);
        var (plateau, final) = shape.FixedLearningRates ?? (Plateau, Final);
        return shape.Bind(plateau, final);
    }

    /// <summary>A time range that covers every breakpoint and, for asymptotic shapes, a good part of the approach.</summary>
    public static double Horizon(ILearningRateSchedule s)
        => double.IsFinite(s.SettleTime) ? 1.25 * s.SettleTime + 1 : (s.Breakpoints.Count > 0 ? s.Breakpoints[^1] : 0) + 40;

    /// <summary>Writes a CSV file in the folder and returns its name.</summary>
    public string WriteTable(string name, string content)
    {
        File.WriteAllText(_folder.File(name), content);
        return name;
    }

    /// <summary>Shortest round-trip text of a number, as specs write them.</summary>
    public static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public void Dispose() => _folder.Dispose();
}
