using FokkerPlanck.Core.Schedules;

namespace FokkerPlanck.Core.IO;

/// <summary>
/// The rows of a sample file (<see cref="SampleFile"/>), column by column, with the line each came from.
/// </summary>
/// <param name="Label">The file as named in messages.</param>
/// <param name="Columns">The columns.</param>
/// <param name="Positions">t or step of each sample (see <see cref="SampleColumns.InSteps"/>).</param>
/// <param name="X">x of each sample, or null when the file has no x column.</param>
/// <param name="Y">y of each sample.</param>
/// <param name="Runs">run of each sample, or null.</param>
/// <param name="Lines">File line of each sample (for .npy the row, from 1).</param>
/// <param name="LineWord">"line" (CSV) or "row" (.npy), for messages.</param>
public sealed record SampleSet(string Label, SampleColumns Columns, double[] Positions, double[]? X, double[] Y, long[]? Runs, int[] Lines, string LineWord)
{
    /// <summary>Number of samples.</summary>
    public int Count => Y.Length;

    /// <summary>True when positions are SGD steps (a <c>step</c> column).</summary>
    public bool InSteps => Columns.InSteps;

    /// <summary>Where sample <paramref name="index"/>'s <paramref name="column"/> is, e.g. <c>samples.csv line 17, column "y"</c>.</summary>
    public string Where(int index, string column) => $"{Label} {LineWord} {Lines[index]}, column \"{column}\"";

    /// <summary>
    /// The samples grouped by time: samples belong together when their <c>t</c> (or <c>step</c>) values
    /// are exactly equal as written (no tolerance: 1.0 and 1.0000001 are two times). Groups are in
    /// increasing time; a step count becomes a time through <paramref name="schedule"/>
    /// (<see cref="ILearningRateSchedule.TimeAtSteps"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The file speaks in steps and no schedule is given.</exception>
    public IReadOnlyList<SampleGroup> GroupByTime(ILearningRateSchedule? schedule = null)
    {
        if (InSteps && schedule is null) throw new ArgumentException($"{Label} gives SGD steps; converting them to times needs the schedule.", nameof(schedule));
        var groups = new SortedDictionary<double, List<int>>();
        for (int i = 0; i < Count; i++)
        {
            if (!groups.TryGetValue(Positions[i], out var members)) groups[Positions[i]] = members = [];
            members.Add(i);
        }
        var result = new List<SampleGroup>(groups.Count);
        foreach (var (position, members) in groups)
        {
            double time = InSteps ? schedule!.TimeAtSteps(position) : position;
            double[] x = X is null ? [] : [.. members.Select(i => X[i])];
            int runs = Runs is null ? 0 : members.Select(i => Runs[i]).Distinct().Count();
            result.Add(new SampleGroup(time, InSteps ? position : null, x, [.. members.Select(i => Y[i])], runs, Lines[members[0]]));
        }
        return result;
    }

    /// <summary>
    /// Throws unless every sample lies in the box <c>[xMin, xMax] × [yMin, yMax]</c> (x only when
    /// <paramref name="checkX"/>), naming how many lie outside, on which sides, and the first one's line.
    /// </summary>
    /// <exception cref="SampleFileException">Some samples lie outside the box.</exception>
    public void CheckInside(double xMin, double xMax, double yMin, double yMax, bool checkX)
    {
        int[] sides = new int[4];
        int first = -1, outside = 0;
        for (int i = 0; i < Count; i++)
        {
            bool left = checkX && X is not null && X[i] < xMin, right = checkX && X is not null && X[i] > xMax;
            bool below = Y[i] < yMin, above = Y[i] > yMax;
            if (!(left || right || below || above)) continue;
            if (left) sides[0]++;
            if (right) sides[1]++;
            if (below) sides[2]++;
            if (above) sides[3]++;
            if (outside++ == 0) first = i;
        }
        if (outside == 0) return;
        string[] names = [$"x < {xMin:G6}", $"x > {xMax:G6}", $"y < {yMin:G6}", $"y > {yMax:G6}"];
        string where = string.Join(", ", names.Zip(sides).Where(s => s.Second > 0).Select(s => $"{s.Second} with {s.First}"));
        bool yFirst = Y[first] < yMin || Y[first] > yMax;
        string column = yFirst ? SampleColumns.YName : SampleColumns.XName;
        double value = yFirst ? Y[first] : X![first];
        string box = checkX ? $"x ∈ [{xMin:G6}, {xMax:G6}], y ∈ [{yMin:G6}, {yMax:G6}]" : $"y ∈ [{yMin:G6}, {yMax:G6}]";
        throw new SampleFileException(Where(first, column),
            $"{value:G6} lies outside the scenario's domain {box}; {outside} of {Count} samples do ({where}). The Fokker–Planck walls reflect, so a run of this scenario stays inside: check the scenario or the units");
    }
}
