using FokkerPlanck.Core.Expressions;
using FokkerPlanck.Core.Expressions.Blocks;

namespace FokkerPlanck.Core.Tests.Expressions.Blocks;

/// <summary>Random test points and the scalar reference (the compiled delegate) for block-program tests.</summary>
internal static class BlockTestPoints
{
    /// <summary>The largest block used by the tests (the Langevin drift's block).</summary>
    public const int Capacity = 256;

    /// <summary>Values that exercise the edges of every operation: signed zeros, ±1, NaN, ±∞, a tiny and a huge number.</summary>
    public static readonly double[] Special = [0.0, -0.0, 1.0, -1.0, 2.0, 0.5, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e-300, -1e300];

    /// <summary>
    /// <paramref name="n"/> values: uniform in [−<paramref name="range"/>, <paramref name="range"/>], every
    /// fourth one log-uniform in magnitude down to 1e-12 with a random sign, and with
    /// <paramref name="specialEvery"/> &gt; 0 every so many a value of <see cref="Special"/>.
    /// </summary>
    public static double[] Random(Random rng, int n, double range, int specialEvery = 0)
    {
        var v = new double[n];
        for (int i = 0; i < n; i++)
        {
            v[i] = specialEvery > 0 && rng.Next(specialEvery) == 0 ? Special[rng.Next(Special.Length)]
                : i % 4 == 3 ? (rng.Next(2) == 0 ? -1 : 1) * range * Math.Exp(-rng.NextDouble() * Math.Log(range * 1e12))
                : range * (2 * rng.NextDouble() - 1);
        }

        return v;
    }

    /// <summary>The scalar compiled formula at every point.</summary>
    public static double[] Scalar(Formula f, double[] x, double[] y)
    {
        var r = new double[y.Length];
        if (f.Variables.Count == 1)
        {
            var g = f.CompileUnary();
            for (int i = 0; i < y.Length; i++) r[i] = g(y[i]);
        }
        else
        {
            var g = f.CompileBinary();
            for (int i = 0; i < y.Length; i++) r[i] = g(x[i], y[i]);
        }

        return r;
    }

    /// <summary>The program (one output) at every point, run in consecutive blocks of <paramref name="block"/> points.</summary>
    public static double[] Vector(BlockProgram p, double[] x, double[] y, int block)
    {
        var r = new double[y.Length];
        for (int start = 0; start < y.Length; start += block)
        {
            int n = Math.Min(block, y.Length - start);
            if (p.VariableCount == 1) p.Evaluate(y.AsSpan(start, n), default, r.AsSpan(start, n));
            else p.Evaluate(x.AsSpan(start, n), y.AsSpan(start, n), r.AsSpan(start, n));
        }

        return r;
    }

    /// <summary>
    /// The same double: equal, or both NaN. +0 and −0 count as equal because the compiled delegate
    /// itself is not consistent about them: with a literal −0 operand, <c>min(y, -0)</c> at y = 0
    /// gives +0 from the compiled delegate but −0 from <see cref="Math.Min(double, double)"/> and the
    /// interpreter (x64 JIT, .NET 10.0.12); the program gives −0.
    /// </summary>
    public static bool SameValue(double a, double b) => a.Equals(b);

    /// <summary>|v − s| / |s| (0 when equal, ∞ when one is NaN or infinite and the other not).</summary>
    public static double RelativeDifference(double v, double s) =>
        v == s || (double.IsNaN(v) && double.IsNaN(s)) ? 0.0
        : !double.IsFinite(v) || !double.IsFinite(s) ? double.PositiveInfinity
        : Math.Abs(v - s) / Math.Abs(s);
}
