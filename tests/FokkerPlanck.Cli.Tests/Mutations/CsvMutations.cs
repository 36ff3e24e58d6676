using System.Text;

namespace FokkerPlanck.Cli.Tests.Mutations;

/// <summary>
/// Mutations of a CSV input (learning-rate table, sample file): every cell replaced by text, an empty value,
/// NaN, infinity, a negative and a huge number; every row with a value missing or one too many; every
/// header name removed, renamed or repeated; then the whole-file mutations of <see cref="FileMutations"/>.
/// A refusal of a header or row mutation must name a line (and the column, where it has one); of the file, the file.
/// </summary>
internal static class CsvMutations
{
    private static readonly (string Name, string Text)[] Cells =
        [("text", "abc"), ("empty", ""), ("NaN", "NaN"), ("infinity", "inf"), ("negative", "-1"), ("huge", "1e308"), ("zero", "0")];

    /// <summary>All mutations of <paramref name="csv"/> (lines separated by <c>\n</c>, header first).</summary>
    public static IEnumerable<Mutation> Of(string csv, string fileName)
    {
        var lines = csv.TrimEnd('\n').Split('\n').Select(l => l.Split(',')).ToArray();
        string[] header = lines[0];
        for (int c = 0; c < header.Length; c++)
        {
            string column = header[c];
            yield return Make($"header: column \"{column}\" removed", lines, 0, Without(header, c), ["line "]);
            yield return Make($"header: column \"{column}\" renamed", lines, 0, With(header, c, "zz"), ["line "]);
            yield return Make($"header: column \"{column}\" repeated", lines, 0, [.. header, column], ["line "]);
        }
        yield return Make("header: extra column", lines, 0, [.. header, "extra"], ["line "]);
        for (int r = 1; r < lines.Length; r++)
        {
            // a changed value may surface on a neighbouring line (a time left with one sample): any line and column
            string[] at = ["line "];
            for (int c = 0; c < header.Length; c++)
                foreach (var (name, text) in Cells)
                    yield return Make($"cell: line {r + 1} {header[c]} = {name}", lines, r, With(lines[r], c, text), at);
            yield return Make($"row: line {r + 1} missing a value", lines, r, lines[r][..^1], at);
            yield return Make($"row: line {r + 1} extra value", lines, r, [.. lines[r], "1"], at);
        }
        yield return Make("rows: header only", lines[..1], 0, header, [fileName, "line 1"]);
        foreach (var m in FileMutations.Of(Encoding.UTF8.GetBytes(csv), fileName)) yield return m;
    }

    private static string[] Without(string[] row, int c) => [.. row[..c], .. row[(c + 1)..]];

    private static string[] With(string[] row, int c, string value) { var copy = (string[])row.Clone(); copy[c] = value; return copy; }

    private static Mutation Make(string name, string[][] lines, int r, string[] row, string[] names)
    {
        var text = new StringBuilder();
        for (int k = 0; k < lines.Length; k++) text.Append(string.Join(',', k == r ? row : lines[k])).Append('\n');
        return new Mutation(name, Encoding.UTF8.GetBytes(text.ToString()), names);
    }
}
