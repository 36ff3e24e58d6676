namespace FokkerPlanck.Core.IO;

/// <summary>
/// The columns of a sample file, by position: <c>t</c> (time) or <c>step</c> (SGD steps), exactly one
/// of them; <c>y</c>; <c>x</c> (absent for one-dimensional scenarios); optional <c>run</c>. Names are
/// case-insensitive; any order; each at most once; no others.
/// </summary>
/// <param name="Names">The names as given, in file order.</param>
/// <param name="Position">Column of t or step.</param>
/// <param name="InSteps">True for a <c>step</c> column.</param>
/// <param name="X">Column of x, or null.</param>
/// <param name="Y">Column of y.</param>
/// <param name="Run">Column of run, or null.</param>
public sealed record SampleColumns(IReadOnlyList<string> Names, int Position, bool InSteps, int? X, int Y, int? Run)
{
    /// <summary>The time column's name.</summary>
    public const string Time = "t";

    /// <summary>The step column's name.</summary>
    public const string Step = "step";

    /// <summary>The x column's name.</summary>
    public const string XName = "x";

    /// <summary>The y column's name.</summary>
    public const string YName = "y";

    /// <summary>The run column's name.</summary>
    public const string RunName = "run";

    /// <summary>What a header must hold (for messages).</summary>
    public const string Expected = "the columns \"t\" (time) or \"step\" (SGD steps), \"x\" (absent for 1D scenarios), \"y\", and optionally \"run\"";

    /// <summary>Number of columns.</summary>
    public int Count => Names.Count;

    /// <summary>The name of the position column ("t" or "step").</summary>
    public string PositionName => InSteps ? Step : Time;

    /// <summary>Reads a header; <paramref name="at"/> gives the location of column <c>i</c> for messages.</summary>
    /// <exception cref="SampleFileException">An unknown, repeated or missing column, or both t and step.</exception>
    public static SampleColumns Parse(IReadOnlyList<string> names, Func<string, string> at)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(at);
        string[] known = [Time, Step, XName, YName, RunName];
        int[] slots = [-1, -1, -1, -1, -1];
        for (int i = 0; i < names.Count; i++)
        {
            string name = names[i].Trim();
            int k = Array.IndexOf(known, name.ToLowerInvariant());
            if (k < 0) throw new SampleFileException(at(name), $"unknown column; a sample file has {Expected}");
            if (slots[k] >= 0) throw new SampleFileException(at(name), $"the column appears twice; a sample file has {Expected}, each once");
            slots[k] = i;
        }
        int t = slots[0], step = slots[1], x = slots[2], y = slots[3], run = slots[4];
        if (t >= 0 && step >= 0)
            throw new SampleFileException(at(names[Math.Max(t, step)].Trim()), "a sample file has either \"t\" (time) or \"step\" (SGD steps), not both");
        if (t < 0 && step < 0) throw new SampleFileException(at(Time), $"missing; the header must name {Expected}");
        if (y < 0) throw new SampleFileException(at(YName), $"missing; the header must name {Expected}");
        return new SampleColumns([.. names.Select(n => n.Trim())], Math.Max(t, step), step >= 0, x >= 0 ? x : null, y, run >= 0 ? run : null);
    }

    /// <summary>The default names of a <c>.npy</c> array with <paramref name="width"/> columns: t,y (2), t,x,y (3), t,x,y,run (4); null otherwise.</summary>
    public static string[]? DefaultNpyNames(int width) => width switch
    {
        2 => [Time, YName],
        3 => [Time, XName, YName],
        4 => [Time, XName, YName, RunName],
        _ => null,
    };
}
