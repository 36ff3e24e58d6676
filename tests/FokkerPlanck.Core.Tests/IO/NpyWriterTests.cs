using System.Text;
using FokkerPlanck.Core.IO;

namespace FokkerPlanck.Core.Tests.IO;

public class NpyWriterTests
{
    /// <summary>The preamble and header a conforming writer produces (NEP 1), written out by hand.</summary>
    private static byte[] ExpectedHeader(string dict, int padding)
    {
        var bytes = new List<byte> { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 };
        int hlen = dict.Length + padding + 1;
        bytes.Add((byte)(hlen & 0xFF));
        bytes.Add((byte)(hlen >> 8));
        bytes.AddRange(Encoding.ASCII.GetBytes(dict + new string(' ', padding) + "\n"));
        return [.. bytes];
    }

    [Fact]
    public void Write_1D_HeaderIsByteExact()
    {
        using var dir = new TempDirectory();
        string path = dir.File("v.npy");
        NpyWriter.Write(path, [1.0, 2.0, 3.0]);
        byte[] file = File.ReadAllBytes(path);

        // 10 + 57 + 60 + 1 = 128 = 2 * 64.
        byte[] header = ExpectedHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", 60);
        Assert.Equal(128, header.Length);
        Assert.Equal(header, file[..128]);
        Assert.Equal(128 + 3 * 8, file.Length);
        Assert.Equal(118, BitConverter.ToUInt16(file, 8));
        Assert.Equal(1.0, BitConverter.ToDouble(file, 128));
        Assert.Equal(2.0, BitConverter.ToDouble(file, 136));
        Assert.Equal(3.0, BitConverter.ToDouble(file, 144));
    }

    [Fact]
    public void Write_2D_HeaderIsByteExactAndDataRowMajor()
    {
        using var dir = new TempDirectory();
        string path = dir.File("m.npy");
        NpyWriter.Write(path, new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        byte[] file = File.ReadAllBytes(path);

        byte[] header = ExpectedHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }", 58);
        Assert.Equal(header, file[..128]);
        for (int k = 0; k < 6; k++)
            Assert.Equal(k + 1.0, BitConverter.ToDouble(file, 128 + 8 * k));
    }

    [Fact]
    public void Write_DataStartIsMultipleOf64_ForManyShapes()
    {
        for (int n = 0; n < 200; n += 7)
        {
            using var stream = new MemoryStream();
            NpyWriter.Write(stream, new double[n * 3], [n, 3]);
            byte[] bytes = stream.ToArray();
            int hlen = BitConverter.ToUInt16(bytes, 8);
            Assert.Equal(0, (10 + hlen) % 64);
            Assert.Equal((byte)'\n', bytes[10 + hlen - 1]);
            Assert.Equal(10 + hlen + n * 3 * 8, bytes.Length);
        }
    }

    [Fact]
    public void WriteRows_FromAFillFunction_EqualsTheFlatWrite_ByteForByte()
    {
        using var dir = new TempDirectory();
        double[] data = [0.1, -1e-300, double.MaxValue, double.NaN, double.NegativeInfinity, 5e-324, 3.0, -0.0];
        NpyWriter.Write(dir.File("flat.npy"), data, rows: 4, columns: 2);
        var rowsSeen = new List<int>();
        NpyWriter.WriteRows(dir.File("rows.npy"), 4, 2, (r, row) => { rowsSeen.Add(r); data.AsSpan(2 * r, 2).CopyTo(row); });
        Assert.Equal([0, 1, 2, 3], rowsSeen);
        Assert.Equal(File.ReadAllBytes(dir.File("flat.npy")), File.ReadAllBytes(dir.File("rows.npy")));
        NpyWriter.WriteRows(dir.File("empty.npy"), 0, 5, (_, _) => throw new InvalidOperationException("no row to fill"));
        Assert.Equal([0, 5], NpyReader.Read(dir.File("empty.npy")).Shape);
    }

    [Fact]
    public void RoundTrip_2DFromFlat_PreservesValuesAndShape()
    {
        using var dir = new TempDirectory();
        string path = dir.File("r.npy");
        double[] data = [0.1, -1e-300, double.MaxValue, double.NaN, double.NegativeInfinity, 5e-324];
        NpyWriter.Write(path, data, rows: 3, columns: 2);

        NpyArray read = NpyReader.Read(path);
        Assert.Equal([3, 2], read.Shape);
        Assert.Equal(2, read.Rank);
        Assert.Equal(data.Length, read.Data.Length);
        for (int k = 0; k < data.Length; k++)
            Assert.Equal(BitConverter.DoubleToInt64Bits(data[k]), BitConverter.DoubleToInt64Bits(read.Data[k]));
        Assert.Equal(data[2 * 2 + 1], read[2, 1]);
    }

    /// <summary>Rows written one array at a time give the same bytes as the flat array of the same shape.</summary>
    [Fact]
    public void WriteRows_MatchesTheFlatWriteByteForByte()
    {
        using var dir = new TempDirectory();
        double[][] rows = [[0.1, -1e-300, double.NaN], [double.MaxValue, 5e-324, -0.0]];
        NpyWriter.WriteRows(dir.File("rows.npy"), rows);
        NpyWriter.Write(dir.File("flat.npy"), [.. rows[0], .. rows[1]], rows: 2, columns: 3);
        Assert.Equal(File.ReadAllBytes(dir.File("flat.npy")), File.ReadAllBytes(dir.File("rows.npy")));
        Assert.Equal([2, 3], NpyReader.Read(dir.File("rows.npy")).Shape);
        Assert.Throws<ArgumentException>(() => NpyWriter.WriteRows(dir.File("ragged.npy"), [[1.0], [1.0, 2.0]]));
        Assert.False(File.Exists(dir.File("ragged.npy")));
    }

    [Fact]
    public void RoundTrip_Empty1D()
    {
        using var dir = new TempDirectory();
        string path = dir.File("e.npy");
        NpyWriter.Write(path, ReadOnlySpan<double>.Empty);
        NpyArray read = NpyReader.Read(path);
        Assert.Equal([0], read.Shape);
        Assert.Empty(read.Data);
    }

    [Fact]
    public void Write_ShapeMismatch_Throws()
    {
        using var dir = new TempDirectory();
        Assert.Throws<ArgumentException>(() => NpyWriter.Write(dir.File("x.npy"), [1.0, 2.0, 3.0], rows: 2, columns: 2));
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Read_NotNpy_ThrowsInvalidData()
    {
        using var stream = new MemoryStream(Encoding.ASCII.GetBytes("hello world, not numpy"));
        Assert.Throws<InvalidDataException>(() => NpyReader.Read(stream));
    }

    [Fact]
    public void Read_FortranOrder_NotSupported()
    {
        string dict = "{'descr': '<f8', 'fortran_order': True, 'shape': (1,), }";
        int padding = 64 - (10 + dict.Length + 1) % 64;
        byte[] header = ExpectedHeader(dict, padding);
        using var stream = new MemoryStream([.. header, .. BitConverter.GetBytes(1.0)]);
        Assert.Throws<NotSupportedException>(() => NpyReader.Read(stream));
    }

    [Fact]
    public void Read_NumpyStyleHeaderWithExtraSpaces_Works()
    {
        // numpy >= 1.x pads with extra spaces so the shape can grow in place; the reader must not care.
        string dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }";
        int padding = 64 + 64 - (10 + dict.Length + 1) % 64;
        byte[] header = ExpectedHeader(dict, padding);
        using var stream = new MemoryStream([.. header, .. BitConverter.GetBytes(7.0), .. BitConverter.GetBytes(8.0)]);
        NpyArray read = NpyReader.Read(stream);
        Assert.Equal([7.0, 8.0], read.Data);
    }
}
