using FokkerPlanck.Core.Spectral.Lanczos;

namespace FokkerPlanck.Core.Tests.Spectral.Lanczos;

public class BlockKrylovBasisTests
{
    private const int N = 300;

    /// <summary>Orthonormality and the relation W = V C + Q R hold to working precision.</summary>
    private const double Precision = 1e-12;

    [Theory]
    [InlineData(0.0, 4, 3, false)]     // the first column lies in span(V) exactly: breakdown, replaced by a random direction
    [InlineData(1e-14, 4, 3, false)]   // nearly in span(V): the first pass leaves mostly rounding, the fallback pass cleans it
    [InlineData(1e-6, 4, 3, false)]    // a large drop in the first pass, DGKS asks for the second
    [InlineData(1.0, 4, 3, false)]     // a generic block
    [InlineData(1e-6, 13, 3, true)]    // Lanczos-like: large components along the last two blocks only (local step, one full pass)
    [InlineData(1e-6, 13, 3, false)]   // restart-like: large components along old columns too (local step, two full passes)
    [InlineData(1e-14, 13, 3, false)]  // nearly in span(V) with the local step
    [InlineData(0.0, 13, 3, true)]     // in the span of the last blocks exactly
    public void OrthonormalizeBlock_BlockAgainstBasis_OrthonormalAndReconstructs(double offSpan, int start, int b, bool lastBlocksOnly)
        => CheckBlock(N, offSpan, start, b, lastBlocksOnly);

    [Theory]
    [InlineData(1e-6, 13, 3, true)]
    [InlineData(1e-6, 13, 3, false)]
    public void OrthonormalizeBlock_LongVectors_ParallelPanels(double offSpan, int start, int b, bool lastBlocksOnly)
        => CheckBlock(70_000, offSpan, start, b, lastBlocksOnly); // above the serial threshold: panels in parallel

    private static void CheckBlock(int N, double offSpan, int start, int b, bool lastBlocksOnly)
    {
        var rng = new Random(5);
        var basis = new BlockKrylovBasis(N, start + b, null, new StartVectorGenerator(3));
        basis.FillRandom(0, start);
        Assert.True(basis.OrthonormalizeBlock(0, start, new double[start * start], new double[start * start]));
        // block: w0 = V·a + offSpan·random, w1 = random, w2 = w0 + w1 (dependent inside the block)
        var original = new double[b][];
        for (int i = 0; i < b; i++) original[i] = new double[N];
        for (int j = lastBlocksOnly ? Math.Max(0, start - 2 * b) : 0; j < start; j++)
        {
            double a = rng.NextDouble() - 0.5;
            for (int k = 0; k < N; k++) original[0][k] += a * basis.Column(j)[k];
        }
        for (int k = 0; k < N; k++)
        {
            original[0][k] += offSpan * (rng.NextDouble() - 0.5);
            original[1][k] = rng.NextDouble() - 0.5;
            original[2][k] = original[0][k] + original[1][k] + 1e-3 * (rng.NextDouble() - 0.5);
        }
        for (int i = 0; i < b; i++) original[i].CopyTo(basis.Column(start + i));
        var c = new double[start * b];
        var r = new double[b * b];
        Assert.True(basis.OrthonormalizeBlock(start, b, c, r));

        int total = start + b;
        for (int i = 0; i < total; i++)
            for (int j = 0; j <= i; j++)
            {
                double dot = Dot(basis.Column(i), basis.Column(j));
                double expected = i == j && (i < start || r[(i - start) * (b + 1)] != 0.0) ? 1.0 : 0.0;
                if (i == j && expected == 0.0) continue; // a zero column (whole space spanned) is allowed
                Assert.True(Math.Abs(dot - expected) < Precision, $"<v{i}, v{j}> = {dot} (offSpan {offSpan}, start {start})");
            }
        // W = V C + Q R column by column (columns with a zero R diagonal were replaced: only V C + Q R[<i] is checked against them)
        for (int i = 0; i < b; i++)
        {
            double norm = Math.Sqrt(Dot(original[i], original[i]));
            var rebuilt = new double[N];
            for (int j = 0; j < start; j++)
                for (int k = 0; k < N; k++) rebuilt[k] += c[j + i * start] * basis.Column(j)[k];
            for (int q = 0; q <= i; q++)
                for (int k = 0; k < N; k++) rebuilt[k] += r[q + i * b] * basis.Column(start + q)[k];
            double err = 0;
            for (int k = 0; k < N; k++) err = Math.Max(err, Math.Abs(rebuilt[k] - original[i][k]));
            Assert.True(err < Precision * norm, $"column {i}: |W − VC − QR| = {err}, ‖w‖ = {norm} (offSpan {offSpan})");
        }
    }

    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++) s += x[i] * y[i];
        return s;
    }
}
