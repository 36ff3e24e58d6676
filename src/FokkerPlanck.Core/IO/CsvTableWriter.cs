using System.Globalization;

namespace FokkerPlanck.Core.IO;

/// <summary>
/// Writes tables as CSV (RFC 4180 quoting, comma separator, <c>\n</c> line ends, UTF-8 without
/// byte-order mark), culture-invariant, with doubles in shortest round-trippable form.
/// Files are written atomically (<see cref="AtomicFile"/>).
/// </summary>
/// <remarks>
/// Cell formatting: <see cref="double"/> and <see cref="float"/> use <see cref="FormatDouble"/>
/// (<c>"R"</c>: parsing the text gives back the same bits; NaN and infinities are written as
/// <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>, which Python's <c>float</c> and .NET parse);
/// other <see cref="IFormattable"/> values use the invariant culture; <see langword="null"/> is an
/// empty cell; anything else uses <see cref="object.ToString"/>. A field is quoted when it contains
/// a comma, a double quote, a line break, or leading/trailing white space; quotes inside are doubled.
/// </remarks>
public static class CsvTableWriter
{
    /// <summary>Writes a header line and rows of cells to <paramref name="path"/>.</summary>
    /// <param name="path">Destination file.</param>
    /// <param name="header">Column names.</param>
    /// <param name="rows">Rows; each must have <c>header.Count</c> cells.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A row has the wrong number of cells (the file is then not written).</exception>
    /// <exception cref="DirectoryNotFoundException">The destination folder does not exist.</exception>
    public static void Write(string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        AtomicFile.WriteText(path, writer => Write(writer, header, rows));
    }

    /// <summary>Writes a header line and rows of cells to a text writer.</summary>
    /// <param name="writer">Destination; not disposed.</param>
    /// <param name="header">Column names.</param>
    /// <param name="rows">Rows; each must have <c>header.Count</c> cells.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A row has the wrong number of cells.</exception>
    public static void Write(TextWriter writer, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        WriteLine(writer, header);
        int index = 0;
        foreach (var row in rows)
        {
            ArgumentNullException.ThrowIfNull(row, nameof(rows));
            if (row.Count != header.Count)
                throw new ArgumentException($"Row {index} has {row.Count} cells but the header has {header.Count} columns.", nameof(rows));
            WriteLine(writer, row);
            index++;
        }
    }

    /// <summary>Writes equally long numeric columns (one CSV column each) to <paramref name="path"/>.</summary>
    /// <param name="path">Destination file.</param>
    /// <param name="header">Column names, one per column.</param>
    /// <param name="columns">Column data, all of the same length.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The header and column counts differ, or the columns differ in length.</exception>
    /// <exception cref="DirectoryNotFoundException">The destination folder does not exist.</exception>
    public static void WriteColumns(string path, IReadOnlyList<string> header, params IReadOnlyList<double>[] columns)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(columns);
        if (header.Count != columns.Length)
            throw new ArgumentException($"The header has {header.Count} names but {columns.Length} columns were given.", nameof(header));
        int length = columns.Length == 0 ? 0 : columns[0].Count;
        for (int c = 0; c < columns.Length; c++)
        {
            ArgumentNullException.ThrowIfNull(columns[c], nameof(columns));
            if (columns[c].Count != length)
                throw new ArgumentException($"Column {c} ('{header[c]}') has {columns[c].Count} values, column 0 has {length}.", nameof(columns));
        }
        AtomicFile.WriteText(path, writer =>
        {
            WriteLine(writer, header);
            var cells = new string[columns.Length];
            for (int r = 0; r < length; r++)
            {
                for (int c = 0; c < columns.Length; c++)
                    cells[c] = FormatDouble(columns[c][r]);
                WriteLine(writer, cells);
            }
        });
    }

    /// <summary>Formats a double so that <see cref="double.Parse(string, IFormatProvider)"/> with the invariant culture returns the same value.</summary>
    /// <param name="value">Value to format.</param>
    /// <returns>Shortest round-trippable invariant text, e.g. <c>0.1</c>, <c>1E-300</c>, <c>NaN</c>, <c>-Infinity</c>.</returns>
    public static string FormatDouble(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Formats one cell value (before quoting) as described in the type remarks.</summary>
    /// <param name="value">Cell value.</param>
    /// <returns>The unquoted text.</returns>
    public static string FormatCell(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        double d => FormatDouble(d),
        float f => FormatDouble(f),
        bool b => b ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Quotes a field if RFC 4180 requires it (or if it has leading/trailing white space).</summary>
    /// <param name="field">Unquoted field text.</param>
    /// <returns>The field, quoted with inner quotes doubled when needed, else unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="field"/> is null.</exception>
    public static string Quote(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        bool needsQuotes = field.AsSpan().IndexOfAny(",\"\r\n") >= 0
            || (field.Length > 0 && (char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1])));
        return needsQuotes ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }

    private static void WriteLine<T>(TextWriter writer, IReadOnlyList<T> cells)
    {
        for (int c = 0; c < cells.Count; c++)
        {
            if (c > 0)
                writer.Write(',');
            writer.Write(Quote(FormatCell(cells[c])));
        }
        writer.Write('\n');
    }
}
