using System.Globalization;
using CsvHelper;
using FokkerPlanck.Core.IO;

namespace FokkerPlanck.Core.Schedules.Shapes;

/// <summary>
/// The rows of a learning-rate CSV: a header naming <c>t</c> (time) or <c>step</c> (SGD steps), and
/// <c>lr</c>; at least two rows, the first at 0, positions strictly increasing, every lr &gt; 0 and finite.
/// </summary>
/// <param name="Positions">t or step of each row.</param>
/// <param name="Rates">lr of each row.</param>
/// <param name="InSteps">True for a <c>step</c> column.</param>
internal sealed record LearningRateTable(double[] Positions, double[] Rates, bool InSteps)
{
    /// <summary>Largest lr of a row: the temperatures κ·η a scenario accepts end at 10⁸ (ScenarioLoader.MaxTemperature).</summary>
    private const double MaxRate = 1e8;

    private const string TimeColumn = "t", StepColumn = "step", RateColumn = "lr";
    private const string Columns = "the columns \"t\" (time) or \"step\" (SGD steps), and \"lr\"";

    /// <summary>Reads and checks a table; every error names the file (as <paramref name="label"/>), the line and the column.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="label">How the file is named in messages (the path as the spec wrote it).</param>
    /// <exception cref="ScheduleException">The file is malformed.</exception>
    public static LearningRateTable Read(string path, string label)
    {
        try
        {
            using var csv = CsvReader.FromFile(path, UserCsv.Options);
            var header = UserCsv.Header(csv)
                ?? throw new ScheduleException($"{label} line 1", $"the file is empty; a table needs a header with {Columns}, then at least 2 rows");
            var (positionColumn, rateColumn, inSteps) = ReadHeader(header, $"{label} line {Math.Max(csv.LineNumber, 1)}");
            string positionName = inSteps ? StepColumn : TimeColumn;
            var positions = new List<double>();
            var rates = new List<double>();
            long line = 1;
            while (csv.Read())
            {
                line = csv.LineNumber;
                string at = $"{label} line {line}";
                if (csv.FieldCount > 2)
                    throw new ScheduleException($"{at}, column 3", $"{csv.FieldCount} values, but the header has 2 columns; a table has {Columns} only");
                double x = Cell(csv, positionColumn, positionName, at);
                double lr = Cell(csv, rateColumn, RateColumn, at);
                CheckRow(positions, x, lr, positionName, at);
                positions.Add(x);
                rates.Add(lr);
            }
            if (positions.Count < 2)
                throw new ScheduleException($"{label} line {line}", $"{positions.Count} row(s) after the header; a table needs at least 2 rows, the first at {positionName} = 0");
            return new LearningRateTable([.. positions], [.. rates], inSteps);
        }
        catch (CsvFormatException e)
        {
            throw new ScheduleException($"{label} line {e.LineNumber}", "malformed CSV (check the quotes on this line)", e);
        }
        catch (IOException e)
        {
            throw new ScheduleException(label, $"the file could not be read: {e.Message}", e);
        }
    }

    /// <summary>Finds the position and lr columns; refuses unknown, repeated and missing ones.</summary>
    private static (int Position, int Rate, bool InSteps) ReadHeader(string[] header, string at)
    {
        string[] known = [TimeColumn, StepColumn, RateColumn];
        int[] slots = [-1, -1, -1];
        for (int i = 0; i < header.Length; i++)
        {
            string name = header[i].Trim();
            int k = Array.IndexOf(known, name.ToLowerInvariant());
            if (k < 0) throw new ScheduleException($"{at}, column \"{name}\"", $"unknown column; a table has {Columns} only");
            if (slots[k] >= 0) throw new ScheduleException($"{at}, column \"{name}\"", $"the column appears twice; a table has {Columns} once each");
            slots[k] = i;
        }
        int time = slots[0], step = slots[1], rate = slots[2];
        if (time >= 0 && step >= 0)
            throw new ScheduleException($"{at}, column \"{header[Math.Max(time, step)].Trim()}\"", "a table has either \"t\" (time) or \"step\" (SGD steps), not both");
        if (time < 0 && step < 0)
            throw new ScheduleException($"{at}, column \"{TimeColumn}\"", $"missing; the header must name {Columns}");
        if (rate < 0)
            throw new ScheduleException($"{at}, column \"{RateColumn}\"", $"missing; the header must name {Columns}");
        return (Math.Max(time, step), rate, step >= 0);
    }

    /// <summary>The finite number in column <paramref name="index"/> of a row.</summary>
    private static double Cell(CsvReader csv, int index, string name, string at)
    {
        if (index >= csv.FieldCount)
            throw new ScheduleException($"{at}, column \"{name}\"", "missing value; every row needs a value in each of the header's 2 columns");
        string text = (csv.GetString(index) ?? "").Trim();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            throw new ScheduleException($"{at}, column \"{name}\"", $"\"{text}\" is not a number");
        if (!double.IsFinite(value))
            throw new ScheduleException($"{at}, column \"{name}\"", $"\"{text}\" is not a finite number");
        return value;
    }

    /// <summary>lr &gt; 0; the first position 0, then strictly increasing.</summary>
    private static void CheckRow(List<double> positions, double x, double lr, string positionName, string at)
    {
        if (!(lr > 0))
            throw new ScheduleException($"{at}, column \"{RateColumn}\"", $"learning rates must be > 0, got {SpecText.Number(lr)}");
        if (lr > MaxRate)
            throw new ScheduleException($"{at}, column \"{RateColumn}\"", $"learning rates must be at most {SpecText.Number(MaxRate)}, got {SpecText.Number(lr)}");
        if (positions.Count == 0 && x != 0)
            throw new ScheduleException($"{at}, column \"{positionName}\"", $"the first row must be at {positionName} = 0 (the schedule starts there), got {SpecText.Number(x)}");
        if (positions.Count > 0 && !(x > positions[^1]))
            throw new ScheduleException($"{at}, column \"{positionName}\"",
                $"{SpecText.Number(x)} is not greater than the previous row's {SpecText.Number(positions[^1])}; {positionName} must increase strictly from row to row");
    }
}
