using System.Globalization;
using System.Text;

namespace FokkerPlanck.Core.IO;

/// <summary>
/// Constants and header formatting of the NumPy <c>.npy</c> format, version 1.0, shared by
/// <see cref="NpyWriter"/> and <see cref="NpyReader"/>.
/// </summary>
/// <remarks>
/// Layout (NumPy Enhancement Proposal 1, "A simple file format for NumPy arrays"): the magic
/// bytes <c>\x93NUMPY</c>, the version bytes <c>1 0</c>, a little-endian <c>uint16</c> header
/// length <c>HLEN</c>, then <c>HLEN</c> bytes of ASCII: a Python dict literal such as
/// <c>{'descr': '&lt;f8', 'fortran_order': False, 'shape': (2, 3), }</c>, padded with spaces and
/// ended by <c>'\n'</c> so that <c>10 + HLEN</c> is a multiple of 64. The raw data follow.
/// </remarks>
internal static class NpyFormat
{
    /// <summary>The six magic bytes <c>\x93NUMPY</c>.</summary>
    public static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Magic (6) + version (2) + header length (2) bytes for version 1.0.</summary>
    public const int PreambleLength = 10;

    /// <summary>The data start is aligned to this many bytes (NEP 1; NumPy's <c>ARRAY_ALIGN</c>).</summary>
    public const int Alignment = 64;

    /// <summary>Little-endian IEEE-754 float64, NumPy's <c>descr</c> for <c>&lt;f8</c>.</summary>
    public const string Float64Descriptor = "<f8";

    /// <summary>Formats a shape as a Python tuple: <c>()</c>, <c>(3,)</c>, <c>(2, 3)</c>.</summary>
    public static string FormatShape(ReadOnlySpan<int> shape)
    {
        if (shape.Length == 1)
            return "(" + shape[0].ToString(CultureInfo.InvariantCulture) + ",)";
        var sb = new StringBuilder("(");
        for (int k = 0; k < shape.Length; k++)
        {
            if (k > 0)
                sb.Append(", ");
            sb.Append(shape[k].ToString(CultureInfo.InvariantCulture));
        }
        return sb.Append(')').ToString();
    }

    /// <summary>Builds the complete padded header (preamble + dict + spaces + newline).</summary>
    public static byte[] BuildHeader(ReadOnlySpan<int> shape)
    {
        string dict = "{'descr': '" + Float64Descriptor + "', 'fortran_order': False, 'shape': " + FormatShape(shape) + ", }";
        int unpadded = PreambleLength + dict.Length + 1; // + 1 for the terminating newline
        int padding = (Alignment - unpadded % Alignment) % Alignment;
        int headerLength = dict.Length + padding + 1;
        if (headerLength > ushort.MaxValue)
            throw new ArgumentException($"The header of {headerLength} bytes does not fit .npy version 1.0 (at most {ushort.MaxValue}).", nameof(shape));

        var bytes = new byte[PreambleLength + headerLength];
        Magic.CopyTo(bytes);
        bytes[6] = 1; // major version
        bytes[7] = 0; // minor version
        bytes[8] = (byte)(headerLength & 0xFF);
        bytes[9] = (byte)(headerLength >> 8);
        int written = Encoding.ASCII.GetBytes(dict, 0, dict.Length, bytes, PreambleLength);
        bytes.AsSpan(PreambleLength + written, padding).Fill((byte)' ');
        bytes[^1] = (byte)'\n';
        return bytes;
    }
}
