namespace FokkerPlanck.Core.IO;

/// <summary>Collects checked rows of a sample file (t or step ≥ 0, run a whole number) into a <see cref="SampleSet"/>.</summary>
internal sealed class SampleRows(SampleColumns columns, string label, string lineWord)
{
    private readonly List<double> _positions = [], _x = [], _y = [];
    private readonly List<long> _runs = [];
    private readonly List<int> _lines = [];

    /// <summary>Adds one row (finite values, by column) read from <paramref name="line"/>.</summary>
    /// <exception cref="SampleFileException">A time or step is negative, or a run is not a whole number.</exception>
    public void Add(ReadOnlySpan<double> values, int line)
    {
        double position = values[columns.Position];
        if (position < 0)
        {
            string what = columns.InSteps ? "a step count" : "a time";
            throw new SampleFileException($"{label} {lineWord} {line}, column \"{columns.Names[columns.Position]}\"", $"{position} is negative; {what} is ≥ 0 (the run starts at 0)");
        }
        _positions.Add(position);
        if (columns.X is { } x) _x.Add(values[x]);
        _y.Add(values[columns.Y]);
        if (columns.Run is { } r)
        {
            double run = values[r];
            if (run != Math.Round(run) || Math.Abs(run) > long.MaxValue / 2)
                throw new SampleFileException($"{label} {lineWord} {line}, column \"{columns.Names[r]}\"", $"{run} is not a whole number; run ids are integers (e.g. the seed)");
            _runs.Add((long)run);
        }
        _lines.Add(line);
    }

    /// <summary>The set; refuses a file without samples.</summary>
    /// <param name="headerLine">The header's line (CSV) for the message, 0 for .npy.</param>
    /// <exception cref="SampleFileException">No rows.</exception>
    public SampleSet Build(long headerLine)
    {
        if (_y.Count == 0)
            throw new SampleFileException(headerLine > 0 ? $"{label} line {headerLine}" : label, "no samples; the file needs at least one row after the header");
        return new SampleSet(label, columns, [.. _positions], columns.X is null ? null : [.. _x], [.. _y], columns.Run is null ? null : [.. _runs], [.. _lines], lineWord);
    }
}
