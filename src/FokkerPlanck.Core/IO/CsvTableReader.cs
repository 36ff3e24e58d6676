using System.Text;

namespace FokkerPlanck.Core.IO;

/// <summary>
/// Reads CSV text written by <see cref="CsvTableWriter"/> (or any RFC 4180 CSV): comma separator,
/// optional double-quoted fields with doubled inner quotes, <c>\n</c> or <c>\r\n</c> line ends.
/// </summary>
public static class CsvTableReader
{
    /// <summary>Reads all records of a CSV file; the first record is the header.</summary>
    /// <param name="path">File to read (UTF-8).</param>
    /// <returns>Every record as a list of unquoted fields, header first.</returns>
    /// <exception cref="InvalidDataException">A quoted field is not closed.</exception>
    public static IReadOnlyList<string[]> ReadAll(string path) => Parse(File.ReadAllText(path, Encoding.UTF8));

    /// <summary>Parses CSV text into records.</summary>
    /// <param name="text">CSV text.</param>
    /// <returns>Every record as an array of unquoted fields; a trailing line end adds no empty record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="InvalidDataException">A quoted field is not closed.</exception>
    public static IReadOnlyList<string[]> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int i = 0;
        bool recordOpen = false;
        while (i < text.Length)
        {
            char ch = text[i];
            recordOpen = true;
            if (ch == '"' && field.Length == 0)
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                        throw new InvalidDataException("Unterminated quoted CSV field.");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.Append(text[i++]);
                }
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (ch == '\n' || ch == '\r')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
                recordOpen = false;
                i += ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
            }
            else
            {
                field.Append(ch);
                i++;
            }
        }
        if (recordOpen)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }
        return records;
    }
}
