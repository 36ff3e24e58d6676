using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace FokkerPlanck.Core.IO;

/// <summary>
/// Writes float64 arrays as NumPy <c>.npy</c> files (format version 1.0, C order, little-endian
/// <c>&lt;f8</c>), readable with <c>numpy.load</c>. Files are written atomically (<see cref="AtomicFile"/>).
/// </summary>
/// <remarks>
/// The header follows NEP 1: magic <c>\x93NUMPY</c>, version <c>1 0</c>, a little-endian 2-byte
/// header length, then a Python dict literal padded with spaces and a newline; the padding makes the
/// data start at a multiple of 64 bytes. A 2D array with shape <c>(rows, columns)</c> is stored
/// row after row (C order): element <c>(r, c)</c> is at flat index <c>r * columns + c</c>.
/// An eigenvector matrix stored one vector after another (length <c>n</c> each) is therefore the
/// array of shape <c>(count, n)</c>, and <c>numpy.load(...)[k]</c> is eigenvector <c>k</c>.
/// </remarks>
public static class NpyWriter
{
    /// <summary>Writes a 1D array of shape <c>(data.Length,)</c>.</summary>
    /// <param name="path">Destination file (conventionally ending in <c>.npy</c>).</param>
    /// <param name="data">Values.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="DirectoryNotFoundException">The destination folder does not exist.</exception>
    public static void Write(string path, ReadOnlySpan<double> data)
    {
        double[] copy = data.ToArray();
        AtomicFile.Write(path, stream => Write(stream, copy, [copy.Length]));
    }

    /// <summary>Writes a 2D array of shape <c>(rows, columns)</c> from row-major (C order) flat data.</summary>
    /// <param name="path">Destination file (conventionally ending in <c>.npy</c>).</param>
    /// <param name="data">Values, length <c>rows * columns</c>, element <c>(r, c)</c> at <c>r * columns + c</c>.</param>
    /// <param name="rows">Number of rows (first axis).</param>
    /// <param name="columns">Number of columns (second axis, fastest varying).</param>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative.</exception>
    /// <exception cref="ArgumentException">The data length is not <c>rows * columns</c>.</exception>
    /// <exception cref="DirectoryNotFoundException">The destination folder does not exist.</exception>
    public static void Write(string path, ReadOnlySpan<double> data, int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        double[] copy = data.ToArray();
        CheckLength(copy.Length, [rows, columns]);
        AtomicFile.Write(path, stream => Write(stream, copy, [rows, columns]));
    }

    /// <summary>
    /// Writes a 2D array of shape <c>(rows.Count, columns)</c> whose rows are the given arrays, each
    /// streamed as it is (no flat copy of the whole array is made).
    /// </summary>
    /// <param name="path">Destination file (conventionally ending in <c>.npy</c>).</param>
    /// <param name="rows">The rows, all of one length.</param>
    /// <exception cref="ArgumentException">The rows differ in length.</exception>
    /// <exception cref="DirectoryNotFoundException">The destination folder does not exist.</exception>
    public static void WriteRows(string path, IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int columns = rows.Count == 0 ? 0 : rows[0].Length;
        if (rows.Any(r => r is null || r.Length != columns)) throw new ArgumentException($"Every row must have {columns} values.", nameof(rows));
        AtomicFile.Write(path, stream =>
        {
            stream.Write(NpyFormat.BuildHeader([rows.Count, columns]));
            foreach (var row in rows) WriteValues(stream, row);
        });
    }

    /// <summary>
    /// Writes a 2D array of shape <c>(rows, columns)</c> whose rows <paramref name="fillRow"/> makes one at a
    /// time into one buffer of <paramref name="columns"/> values (only one row is ever held).
    /// </summary>
    /// <param name="path">Destination file (conventionally ending in <c>.npy</c>).</param>
    /// <param name="rows">Number of rows.</param>
    /// <param name="columns">Values per row.</param>
    /// <param name="fillRow">Writes row r (every value) into the buffer it is given.</param>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative.</exception>
    /// <exception cref="DirectoryNotFoundException">The destination folder does not exist.</exception>
    public static void WriteRows(string path, int rows, int columns, Action<int, double[]> fillRow)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        ArgumentNullException.ThrowIfNull(fillRow);
        var row = GC.AllocateUninitializedArray<double>(columns);
        AtomicFile.Write(path, stream =>
        {
            stream.Write(NpyFormat.BuildHeader([rows, columns]));
            for (int r = 0; r < rows; r++)
            {
                fillRow(r, row);
                WriteValues(stream, row);
            }
        });
    }

    /// <summary>Writes a 2D array with the shape of <paramref name="data"/>.</summary>
    /// <param name="path">Destination file (conventionally ending in <c>.npy</c>).</param>
    /// <param name="data">Values; <c>data[r, c]</c> becomes element <c>(r, c)</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="DirectoryNotFoundException">The destination folder does not exist.</exception>
    public static void Write(string path, double[,] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int rows = data.GetLength(0), columns = data.GetLength(1);
        var flat = new double[rows * columns];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
                flat[r * columns + c] = data[r, c];
        AtomicFile.Write(path, stream => Write(stream, flat, [rows, columns]));
    }

    /// <summary>Writes an array of any rank to a stream (header and data, nothing else).</summary>
    /// <param name="stream">Writable stream; left open.</param>
    /// <param name="data">Values in C order; length must equal the product of <paramref name="shape"/>.</param>
    /// <param name="shape">Dimensions, outermost first; empty for a scalar.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException">The shape has a negative entry or does not match the data length.</exception>
    public static void Write(Stream stream, ReadOnlySpan<double> data, ReadOnlySpan<int> shape)
    {
        ArgumentNullException.ThrowIfNull(stream);
        CheckLength(data.Length, shape);
        stream.Write(NpyFormat.BuildHeader(shape));
        WriteValues(stream, data);
    }

    /// <summary>The values as little-endian doubles: their own bytes on a little-endian machine, else through a fixed buffer.</summary>
    private static void WriteValues(Stream stream, ReadOnlySpan<double> data)
    {
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(MemoryMarshal.AsBytes(data));
            return;
        }
        const int chunkElements = 8192;
        Span<byte> buffer = new byte[chunkElements * sizeof(double)];
        for (int start = 0; start < data.Length; start += chunkElements)
        {
            int count = Math.Min(chunkElements, data.Length - start);
            for (int k = 0; k < count; k++)
                BinaryPrimitives.WriteDoubleLittleEndian(buffer.Slice(k * sizeof(double)), data[start + k]);
            stream.Write(buffer[..(count * sizeof(double))]);
        }
    }

    private static void CheckLength(int length, ReadOnlySpan<int> shape)
    {
        long product = 1;
        foreach (int d in shape)
        {
            if (d < 0)
                throw new ArgumentException($"Shape entries must be non-negative, got {NpyFormat.FormatShape(shape)}.", nameof(shape));
            product *= d;
        }
        if (product != length)
            throw new ArgumentException($"The shape {NpyFormat.FormatShape(shape)} holds {product} elements but the data has {length}.", nameof(shape));
    }
}
