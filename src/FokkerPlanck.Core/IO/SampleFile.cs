using System.Globalization;
using CsvHelper;

namespace FokkerPlanck.Core.IO;

/// <summary>
/// Reads particle samples (positions at chosen times, e.g. from a user's own SGD or Langevin runs) from
/// a CSV or a <c>.npy</c> file.
/// </summary>
/// <remarks>
/// <para><b>CSV</b> (any extension but <c>.npy</c>): comma-separated with a header naming the columns
/// <c>t</c> (time, t = steps × η) or <c>step</c> (SGD steps), exactly one of them; <c>x</c> (may be
/// absent for one-dimensional scenarios); <c>y</c>; optional <c>run</c> (an integer run id, e.g. the
/// seed). Any order, names case-insensitive, no other columns; one sample per row; empty lines are
/// skipped.</para>
/// <para><b>.npy</b>: a float64 array of shape <c>(n, k)</c>, one sample per row, its columns named by
/// <see cref="SampleFileOptions.NpyColumns"/> or, by default, by k: <c>t, y</c> (2), <c>t, x, y</c>
/// (3), <c>t, x, y, run</c> (4). Messages count rows from 1.</para>
/// <para><b>Values</b>: every value a finite number; t and step ≥ 0; run a whole number. Every error
/// is a <see cref="SampleFileException"/> that names the file, the line (or row) and the column.</para>
/// </remarks>
public static class SampleFile
{
    /// <summary>Reads and checks a sample file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Label, column names of a .npy, whether x is required.</param>
    /// <exception cref="SampleFileException">The file is missing, unreadable or malformed.</exception>
    public static SampleSet Read(string path, SampleFileOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new SampleFileOptions();
        string label = options.Label ?? path;
        if (!File.Exists(path)) throw new SampleFileException(label, $"file \"{Path.GetFullPath(path)}\" not found");
        var set = path.EndsWith(".npy", StringComparison.OrdinalIgnoreCase) ? ReadNpy(path, label, options) : ReadCsv(path, label);
        if (options.RequireX && set.X is null)
            throw new SampleFileException($"{label} {(set.LineWord == "row" ? "columns" : "line 1")}, column \"x\"",
                "missing; the scenario is two-dimensional, so every sample needs x");
        return set;
    }

    private static SampleSet ReadCsv(string path, string label)
    {
        var options = CsvReaderOptions.Default with
        {
            Separator = ',', HasHeader = true, TrimWhitespace = true, SkipEmptyLines = true,
            TrackLineNumbers = true, MalformedData = CsvMalformedDataHandling.Throw,
        };
        try
        {
            using var csv = CsvReader.FromFile(path, options);
            csv.ReadHeader();
            var header = csv.Headers.ToArray();
            if (header.Length == 0 || header.All(string.IsNullOrWhiteSpace))
                throw new SampleFileException($"{label} line 1", $"the file is empty; a sample file needs a header with {SampleColumns.Expected}, then one sample per row");
            long headerLine = Math.Max(csv.LineNumber, 1);
            var columns = SampleColumns.Parse(header, name => $"{label} line {headerLine}, column \"{name}\"");
            var rows = new SampleRows(columns, label, "line");
            var values = new double[columns.Count];
            while (csv.Read())
            {
                int line = checked((int)csv.LineNumber);
                if (csv.FieldCount > columns.Count)
                    throw new SampleFileException($"{label} line {line}, column {columns.Count + 1}", $"{csv.FieldCount} values, but the header names {columns.Count} columns ({string.Join(",", columns.Names)})");
                for (int c = 0; c < columns.Count; c++)
                {
                    if (c >= csv.FieldCount)
                        throw new SampleFileException($"{label} line {line}, column \"{columns.Names[c]}\"", $"missing value; the row has {csv.FieldCount} values, the header names {columns.Count} columns ({string.Join(",", columns.Names)})");
                    values[c] = Number(csv.GetString(c), $"{label} line {line}, column \"{columns.Names[c]}\"");
                }
                rows.Add(values, line);
            }
            return rows.Build(headerLine);
        }
        catch (CsvFormatException e)
        {
            throw new SampleFileException($"{label} line {e.LineNumber}", "malformed CSV (check the quotes on this line)", e);
        }
        catch (IOException e)
        {
            throw new SampleFileException(label, $"the file could not be read: {e.Message}", e);
        }
    }

    private static SampleSet ReadNpy(string path, string label, SampleFileOptions options)
    {
        NpyArray array;
        try { array = NpyReader.Read(path); }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or UnauthorizedAccessException)
        {
            throw new SampleFileException(label, $"{e.Message} A sample .npy is a float64 array of shape (n, k), one sample per row.", e);
        }
        if (array.Rank != 2)
            throw new SampleFileException(label, $"the array has shape ({string.Join(", ", array.Shape)}); a sample .npy is a float64 array of shape (n, k), one sample per row");
        int n = array.Shape[0], k = array.Shape[1];
        var names = options.NpyColumns?.ToArray() ?? SampleColumns.DefaultNpyNames(k)
            ?? throw new SampleFileException($"{label} columns", $"{k} columns have no default names (2: t,y; 3: t,x,y; 4: t,x,y,run); name them (the CLI's --npy-columns)");
        if (names.Length != k)
            throw new SampleFileException($"{label} columns", $"{names.Length} column names ({string.Join(",", names)}) for an array of {k} columns");
        var columns = SampleColumns.Parse(names, name => $"{label} columns, column \"{name}\"");
        var rows = new SampleRows(columns, label, "row");
        var values = new double[k];
        for (int r = 0; r < n; r++)
        {
            for (int c = 0; c < k; c++)
            {
                values[c] = array.Data[r * k + c];
                if (!double.IsFinite(values[c]))
                    throw new SampleFileException($"{label} row {r + 1}, column \"{columns.Names[c]}\"", $"{values[c]} is not a finite number");
            }
            rows.Add(values, r + 1);
        }
        return rows.Build(0);
    }

    /// <summary>The finite number in a CSV field.</summary>
    private static double Number(string? field, string at)
    {
        string text = (field ?? "").Trim();
        if (text.Length == 0) throw new SampleFileException(at, "empty value; every sample needs a number in each column");
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            throw new SampleFileException(at, $"\"{text}\" is not a number");
        if (!double.IsFinite(value)) throw new SampleFileException(at, $"\"{text}\" is not a finite number");
        return value;
    }
}
