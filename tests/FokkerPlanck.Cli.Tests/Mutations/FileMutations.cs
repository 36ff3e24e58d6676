using System.Text;

namespace FokkerPlanck.Cli.Tests.Mutations;

/// <summary>
/// Mutations of a file as bytes, for every kind of input: empty, cut at several offsets, invalid UTF-8
/// bytes, UTF-16 with and without a byte-order mark, binary junk. A refusal must name the file.
/// </summary>
internal static class FileMutations
{
    /// <summary>Offsets (as fractions of the length) where the file is cut, plus the cut of its last byte.</summary>
    private static readonly double[] CutFractions = [0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95];

    /// <summary>Bytes that are never valid UTF-8 (a lone continuation byte, an overlong lead, 0xFF).</summary>
    private static readonly byte[] InvalidUtf8 = [0x80, 0xC0, 0xFF];

    /// <summary>The whole-file mutations of <paramref name="valid"/>; refusals must name <paramref name="fileName"/>.</summary>
    public static IEnumerable<Mutation> Of(byte[] valid, string fileName)
    {
        string[] names = [fileName];
        yield return new Mutation("empty: no bytes", [], names);
        yield return new Mutation("empty: whitespace only", " \n\n  \n"u8.ToArray(), names);
        foreach (double f in CutFractions)
        {
            int at = (int)(f * valid.Length);
            yield return new Mutation($"truncated: cut at byte {at} of {valid.Length}", valid[..at], names);
        }
        yield return new Mutation($"truncated: last byte cut", valid[..^1], names);
        yield return new Mutation("encoding: invalid UTF-8 at the start", [.. InvalidUtf8, .. valid], names);
        yield return new Mutation("encoding: invalid UTF-8 in the middle", [.. valid[..(valid.Length / 2)], .. InvalidUtf8, .. valid[(valid.Length / 2)..]], names);
        string text = Encoding.UTF8.GetString(valid);
        yield return new Mutation("encoding: UTF-16 with BOM", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)], names);
        yield return new Mutation("encoding: UTF-16 without BOM", Encoding.Unicode.GetBytes(text), names);
        yield return new Mutation("encoding: UTF-8 with BOM", [.. Encoding.UTF8.GetPreamble(), .. valid], names);
        var random = new Random(18);
        foreach (int length in new[] { 1, 64, 4096 })
        {
            var junk = new byte[length];
            random.NextBytes(junk);
            yield return new Mutation($"binary junk: {length} random bytes", junk, names);
        }
        yield return new Mutation("binary junk: NUL bytes", new byte[256], names);
    }
}
