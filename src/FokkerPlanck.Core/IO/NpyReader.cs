using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FokkerPlanck.Core.IO;

/// <summary>
/// Reads NumPy <c>.npy</c> files that hold float64 arrays in C order (what <see cref="NpyWriter"/>
/// and <c>numpy.save</c> write for a C-contiguous <c>float64</c> array).
/// </summary>
/// <remarks>
/// Accepts format versions 1.0 (2-byte header length) and 2.0 / 3.0 (4-byte header length), and
/// the descriptors <c>&lt;f8</c> (little-endian float64). Big-endian data, other dtypes and
/// <c>fortran_order: True</c> are rejected with <see cref="NotSupportedException"/>.
/// </remarks>
public static partial class NpyReader
{
    /// <summary>Reads a <c>.npy</c> file.</summary>
    /// <param name="path">File to read.</param>
    /// <returns>The data and shape.</returns>
    /// <exception cref="InvalidDataException">The file is not a valid <c>.npy</c> file or is truncated.</exception>
    /// <exception cref="NotSupportedException">The dtype or order is not float64 little-endian C order.</exception>
    public static NpyArray Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <summary>Reads one <c>.npy</c> array from a stream positioned at its start.</summary>
    /// <param name="stream">Readable stream; left open.</param>
    /// <returns>The data and shape.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="InvalidDataException">The content is not a valid <c>.npy</c> array or is truncated.</exception>
    /// <exception cref="NotSupportedException">The dtype or order is not float64 little-endian C order.</exception>
    public static NpyArray Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> preamble = stackalloc byte[8];
        ReadExactly(stream, preamble);
        if (!preamble[..6].SequenceEqual(NpyFormat.Magic))
            throw new InvalidDataException("Not a .npy file: the magic bytes \\x93NUMPY are missing.");
        byte major = preamble[6];
        int headerLength;
        if (major == 1)
        {
            Span<byte> len = stackalloc byte[2];
            ReadExactly(stream, len);
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(len);
        }
        else if (major is 2 or 3)
        {
            Span<byte> len = stackalloc byte[4];
            ReadExactly(stream, len);
            uint declared = BinaryPrimitives.ReadUInt32LittleEndian(len);
            if (declared > MaxHeaderLength)
                throw new InvalidDataException($"The .npy header claims {declared} bytes (at most {MaxHeaderLength}); the file is damaged.");
            headerLength = (int)declared;
        }
        else
        {
            throw new NotSupportedException($".npy format version {major}.{preamble[7]} is not supported.");
        }

        var headerBytes = new byte[headerLength];
        ReadExactly(stream, headerBytes);
        string header = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(headerBytes);
        int[] shape = ParseHeader(header);

        // the shape is checked against what the file holds before anything is allocated: a damaged
        // header must not ask for gigabytes (or overflow the element count)
        long count = 1;
        foreach (int d in shape)
            count = count > long.MaxValue / Math.Max(d, 1) ? long.MaxValue : count * d;
        long available = stream.CanSeek ? stream.Length - stream.Position : long.MaxValue;
        if (count > Array.MaxLength / sizeof(double) || count * sizeof(double) > available)
            throw new InvalidDataException($"The .npy file is truncated: its header announces shape ({string.Join(", ", shape)}), "
                + $"{(count > long.MaxValue / sizeof(double) ? "more" : (count * sizeof(double)).ToString(CultureInfo.InvariantCulture))} bytes of data, "
                + $"but {(stream.CanSeek ? available.ToString(CultureInfo.InvariantCulture) : "fewer")} follow the header.");
        var data = new double[count];
        var bytes = new byte[data.Length * sizeof(double)];
        ReadExactly(stream, bytes);
        for (int k = 0; k < data.Length; k++)
            data[k] = BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(k * sizeof(double)));
        return new NpyArray(data, shape);
    }

    /// <summary>Largest header accepted: NumPy's own readers refuse headers over 10⁴ bytes unless told otherwise; 1 MiB leaves room for any real one.</summary>
    private const uint MaxHeaderLength = 1 << 20;

    private static int[] ParseHeader(string header)
    {
        Match descr = DescrPattern().Match(header);
        if (!descr.Success)
            throw new InvalidDataException($"The .npy header has no 'descr' entry: {header.Trim()}");
        if (descr.Groups[1].Value != NpyFormat.Float64Descriptor)
            throw new NotSupportedException($"Only '{NpyFormat.Float64Descriptor}' arrays are supported, got '{descr.Groups[1].Value}'.");

        Match order = FortranPattern().Match(header);
        if (!order.Success)
            throw new InvalidDataException($"The .npy header has no 'fortran_order' entry: {header.Trim()}");
        if (order.Groups[1].Value == "True")
            throw new NotSupportedException("Fortran-ordered .npy arrays are not supported.");

        Match shape = ShapePattern().Match(header);
        if (!shape.Success)
            throw new InvalidDataException($"The .npy header has no 'shape' entry: {header.Trim()}");
        string[] parts = shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var dims = new int[parts.Length];
        for (int k = 0; k < parts.Length; k++)
        {
            if (!int.TryParse(parts[k], NumberStyles.None, CultureInfo.InvariantCulture, out dims[k]))
                throw new InvalidDataException($"Invalid shape entry '{parts[k]}' in the .npy header.");
        }
        return dims;
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer)
    {
        try
        {
            stream.ReadExactly(buffer);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The .npy file is truncated.", e);
        }
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
