using CsvHelper;

namespace FokkerPlanck.Core.IO;

/// <summary>
/// How users' CSV files (sample files, learning-rate tables) are read: comma-separated with a header,
/// whitespace trimmed, empty lines skipped, line numbers tracked for messages, malformed quoting refused.
/// </summary>
internal static class UserCsv
{
    /// <summary>The reader settings shared by every user-facing CSV.</summary>
    public static CsvReaderOptions Options { get; } = CsvReaderOptions.Default with
    {
        Separator = ',', HasHeader = true, TrimWhitespace = true, SkipEmptyLines = true,
        TrackLineNumbers = true, MalformedData = CsvMalformedDataHandling.Throw,
    };

    /// <summary>Reads the header; null when the file has none (empty, or blank names only).</summary>
    public static string[]? Header(CsvReader csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        csv.ReadHeader();
        var header = csv.Headers.ToArray();
        return header.Length == 0 || header.All(string.IsNullOrWhiteSpace) ? null : header;
    }
}
