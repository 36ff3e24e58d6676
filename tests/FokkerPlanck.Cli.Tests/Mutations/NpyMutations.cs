using System.Buffers.Binary;
using System.Text;

namespace FokkerPlanck.Cli.Tests.Mutations;

/// <summary>
/// Mutations of a <c>.npy</c> input (sample array, initial density): headers with other dtypes, byte
/// orders, Fortran order, shapes of the wrong rank, transposed, too large for the data or for memory;
/// damaged magic, version and header length; cuts in the header and in the data; NaN, infinite,
/// negative and zero values; text instead of an array. A refusal must name the file.
/// </summary>
internal static class NpyMutations
{
    /// <summary>All mutations of the float64 array <paramref name="data"/> of shape (<paramref name="rows"/>, <paramref name="columns"/>).</summary>
    public static IEnumerable<Mutation> Of(double[] data, int rows, int columns, string fileName)
    {
        string[] names = [fileName];
        string shape = $"({rows}, {columns})";
        byte[] valid = Build("<f8", "False", shape, data);
        yield return new Mutation("dtype: float32", Build("<f4", "False", shape, data), names);
        yield return new Mutation("dtype: int64", Build("<i8", "False", shape, data), names);
        yield return new Mutation("dtype: big-endian float64", Build(">f8", "False", shape, data), names);
        yield return new Mutation("dtype: object", Build("|O", "False", shape, data), names);
        yield return new Mutation("order: Fortran", Build("<f8", "True", shape, data), names);
        yield return new Mutation("shape: flat", Build("<f8", "False", $"({rows * columns},)", data), names);
        yield return new Mutation("shape: transposed", Build("<f8", "False", $"({columns}, {rows})", data), names);
        yield return new Mutation("shape: rank 3", Build("<f8", "False", $"({rows}, {columns}, 1)", data), names);
        yield return new Mutation("shape: scalar", Build("<f8", "False", "()", data[..1]), names);
        yield return new Mutation("shape: more rows than data", Build("<f8", "False", $"({rows + 1}, {columns})", data), names);
        yield return new Mutation("shape: fewer rows than data", Build("<f8", "False", $"({rows - 1}, {columns})", data), names);
        yield return new Mutation("shape: billions of rows", Build("<f8", "False", $"(2000000000, {columns})", data), names);
        yield return new Mutation("shape: beyond int", Build("<f8", "False", $"(99999999999, {columns})", data), names);
        yield return new Mutation("shape: negative", Build("<f8", "False", $"(-1, {columns})", data), names);
        yield return new Mutation("shape: zero rows", Build("<f8", "False", $"(0, {columns})", []), names);
        yield return new Mutation("header: no descr", Replace(valid, "'descr'", "'descX'"), names);
        yield return new Mutation("header: no shape", Replace(valid, "'shape'", "'shapX'"), names);
        var magic = (byte[])valid.Clone(); magic[1] = (byte)'X';
        yield return new Mutation("header: bad magic", magic, names);
        var version = (byte[])valid.Clone(); version[6] = 9;
        yield return new Mutation("header: version 9", version, names);
        var length = (byte[])valid.Clone(); BinaryPrimitives.WriteUInt16LittleEndian(length.AsSpan(8), ushort.MaxValue);
        yield return new Mutation("header: length past the end", length, names);
        var v2 = (byte[])valid.Clone(); v2[6] = 2;
        yield return new Mutation("header: version 2 with a huge length", [.. v2[..8], 0xFF, 0xFF, 0xFF, 0xFF, .. v2[10..]], names);
        int headerEnd = valid.Length - data.Length * sizeof(double);
        foreach (int at in new[] { 3, 9, headerEnd / 2, headerEnd - 1, headerEnd + 4, valid.Length - 1 })
            yield return new Mutation($"truncated: cut at byte {at} of {valid.Length}", valid[..at], names);
        foreach (var (name, value) in new[] { ("NaN", double.NaN), ("infinity", double.PositiveInfinity), ("negative", -1.0) })
        {
            var changed = (double[])data.Clone(); changed[data.Length / 2] = value;
            yield return new Mutation($"value: {name}", Build("<f8", "False", shape, changed), names);
        }
        yield return new Mutation("value: all zero", Build("<f8", "False", shape, new double[data.Length]), names);
        yield return new Mutation("not npy: CSV text", "t,x,y\n1,0,0\n"u8.ToArray(), names);
        yield return new Mutation("not npy: empty", [], names);
    }

    /// <summary>A version-1.0 file with the given header fields and the data as little-endian float64.</summary>
    private static byte[] Build(string descr, string fortran, string shape, double[] data)
    {
        string dict = $"{{'descr': '{descr}', 'fortran_order': {fortran}, 'shape': {shape}, }}";
        int padded = (10 + dict.Length + 1 + 63) / 64 * 64 - 10;
        string header = dict.PadRight(padded - 1) + "\n";
        var bytes = new byte[10 + header.Length + data.Length * sizeof(double)];
        bytes[0] = 0x93; "NUMPY"u8.CopyTo(bytes.AsSpan(1)); bytes[6] = 1; bytes[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)header.Length);
        Encoding.ASCII.GetBytes(header).CopyTo(bytes, 10);
        for (int k = 0; k < data.Length; k++) BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(10 + header.Length + 8 * k), data[k]);
        return bytes;
    }

    private static byte[] Replace(byte[] file, string from, string to)
        => Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(file).Replace(from, to, StringComparison.Ordinal));
}
