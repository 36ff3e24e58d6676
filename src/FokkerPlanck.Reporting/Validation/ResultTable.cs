namespace FokkerPlanck.Reporting.Validation;

/// <summary>A table of results (already formatted cells) with a caption; also written as CSV.</summary>
/// <param name="FileStem">File name without extension for the CSV, e.g. <c>errors-1d</c>.</param>
/// <param name="Caption">One-line caption for the report.</param>
/// <param name="Header">Column names.</param>
public sealed record ResultTable(string FileStem, string Caption, IReadOnlyList<string> Header)
{
    private readonly List<IReadOnlyList<object?>> _rows = [];

    /// <summary>Rows of raw cells (doubles are formatted for display, written in full to CSV).</summary>
    public IReadOnlyList<IReadOnlyList<object?>> Rows => _rows;

    /// <summary>Appends a row; it must have one cell per column.</summary>
    /// <exception cref="ArgumentException">Wrong number of cells.</exception>
    public ResultTable Add(params object?[] cells)
    {
        if (cells.Length != Header.Count) throw new ArgumentException($"Table '{FileStem}' has {Header.Count} columns; got a row of {cells.Length}.", nameof(cells));
        _rows.Add(cells);
        return this;
    }
}
