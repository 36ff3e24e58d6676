using System.Text;

namespace FokkerPlanck.Core.IO;

/// <summary>
/// Writes files atomically: the content goes to a temporary file in the destination folder, is
/// flushed to disk, and is then renamed over the destination. An interrupted run therefore leaves
/// either the previous file or the complete new one, never half a file.
/// </summary>
/// <remarks>
/// The temporary file lives in the same folder as the destination so that the final rename stays
/// on one file system, where it is atomic on POSIX systems (and a replace on Windows). Its name is
/// <c>.&lt;file name&gt;.&lt;random&gt;.tmp</c>; it is deleted if writing fails. The destination folder
/// must exist.
/// </remarks>
public static class AtomicFile
{
    /// <summary>Suffix of the temporary files created next to the destination.</summary>
    public const string TemporarySuffix = ".tmp";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the content produced by <paramref name="writeContent"/> to <paramref name="path"/> atomically.</summary>
    /// <param name="path">Destination file; overwritten if it exists.</param>
    /// <param name="writeContent">Writes the whole content into the stream it is given (do not dispose it).</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="writeContent"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or names a folder.</exception>
    /// <exception cref="DirectoryNotFoundException">The destination folder does not exist.</exception>
    public static void Write(string path, Action<Stream> writeContent)
    {
        ArgumentNullException.ThrowIfNull(writeContent);
        string fullPath = ValidatePath(path);
        string tempPath = CreateTemporaryPath(fullPath);
        try
        {
            using (var stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                writeContent(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(tempPath, fullPath, overwrite: true);
        }
        catch
        {
            TryDelete(tempPath);
            throw;
        }
    }

    /// <summary>Writes <paramref name="contents"/> as UTF-8 text (no byte-order mark) to <paramref name="path"/> atomically.</summary>
    /// <param name="path">Destination file; overwritten if it exists.</param>
    /// <param name="contents">Text to write.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="contents"/> is null.</exception>
    /// <exception cref="DirectoryNotFoundException">The destination folder does not exist.</exception>
    public static void WriteAllText(string path, string contents)
    {
        ArgumentNullException.ThrowIfNull(contents);
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8NoBom, bufferSize: -1, leaveOpen: true);
            writer.Write(contents);
        });
    }

    /// <summary>Writes text produced by <paramref name="writeText"/> as UTF-8 (no byte-order mark) to <paramref name="path"/> atomically.</summary>
    /// <param name="path">Destination file; overwritten if it exists.</param>
    /// <param name="writeText">Writes the whole text into the writer it is given (do not dispose it).</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="writeText"/> is null.</exception>
    /// <exception cref="DirectoryNotFoundException">The destination folder does not exist.</exception>
    public static void WriteText(string path, Action<TextWriter> writeText)
    {
        ArgumentNullException.ThrowIfNull(writeText);
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8NoBom, bufferSize: -1, leaveOpen: true);
            writeText(writer);
        });
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically.</summary>
    /// <param name="path">Destination file; overwritten if it exists.</param>
    /// <param name="bytes">Content.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="bytes"/> is null.</exception>
    /// <exception cref="DirectoryNotFoundException">The destination folder does not exist.</exception>
    public static void WriteAllBytes(string path, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Write(path, stream => stream.Write(bytes));
    }

    /// <summary>
    /// Deletes the temporary files that writes into <paramref name="directory"/> (and its sub-folders)
    /// left behind when their process was killed between creating and renaming them; call it only while
    /// no other process writes there (under the folder's lock). Other files are never touched.
    /// </summary>
    /// <returns>The number of files deleted.</returns>
    public static int RemoveLeftovers(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory)) return 0;
        int removed = 0;
        foreach (string path in Directory.EnumerateFiles(directory, "." + "*" + TemporarySuffix, SearchOption.AllDirectories))
        {
            if (!IsTemporaryName(Path.GetFileName(path))) continue;
            TryDelete(path);
            if (!File.Exists(path)) removed++;
        }
        return removed;
    }

    /// <summary>Whether <paramref name="name"/> has the form of this class's temporary files, <c>.&lt;file name&gt;.&lt;12 hex digits&gt;.tmp</c>.</summary>
    public static bool IsTemporaryName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        const int Tag = TemporaryTagLength + 1; // ".<hex>"
        if (name.Length < 2 + Tag + TemporarySuffix.Length || name[0] != '.' || !name.EndsWith(TemporarySuffix, StringComparison.Ordinal)) return false;
        var tag = name.AsSpan(name.Length - TemporarySuffix.Length - Tag, Tag);
        if (tag[0] != '.') return false;
        foreach (char c in tag[1..]) if (!char.IsAsciiHexDigit(c)) return false;
        return true;
    }

    /// <summary>Hex digits of the random tag in a temporary file's name.</summary>
    private const int TemporaryTagLength = 12;

    private static string ValidatePath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string fullPath = Path.GetFullPath(path);
        if (string.IsNullOrEmpty(Path.GetFileName(fullPath)))
            throw new ArgumentException($"The path must name a file, got '{path}'.", nameof(path));
        string directory = Path.GetDirectoryName(fullPath)!;
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"The destination folder '{directory}' does not exist.");
        return fullPath;
    }

    private static string CreateTemporaryPath(string fullPath)
    {
        string directory = Path.GetDirectoryName(fullPath)!;
        string name = "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N")[..TemporaryTagLength] + TemporarySuffix;
        return Path.Combine(directory, name);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the original exception is more informative than a failed clean-up.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
