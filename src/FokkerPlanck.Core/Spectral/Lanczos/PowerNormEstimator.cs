using FokkerPlanck.Core.LinearAlgebra;

namespace FokkerPlanck.Core.Spectral.Lanczos;

/// <summary>Estimates ‖A‖₂ of a symmetric operator by a few power iterations (G&amp;VL 4th ed. §8.2.1).</summary>
/// <remarks>
/// The estimate max‖A x‖/‖x‖ over the iterates is a lower bound of ‖A‖₂; after
/// <see cref="Iterations"/> steps from a random start it is typically within a few tens of percent
/// for discretized diffusion operators, which is all the relative residual criterion needs (it
/// only fixes the scale; an underestimate makes the criterion stricter, never looser).
/// </remarks>
internal static class PowerNormEstimator
{
    /// <summary>Power steps; cheap next to the sparse solves of the shift-invert iteration.</summary>
    public const int Iterations = 20;

    /// <summary>Mixed into the seed so the power-iteration start differs from the Lanczos start block (any odd constant works).</summary>
    private const ulong StreamSalt = 0x5DEECE66DUL;

    /// <summary>Returns the estimate; <paramref name="applications"/> receives the number of products with A.</summary>
    public static double Estimate(ILinearOperator a, ulong seed, out int applications)
    {
        int n = a.Size;
        var x = new double[n];
        var y = new double[n];
        new StartVectorGenerator(seed ^ StreamSalt).Fill(x);
        double best = 0.0;
        applications = 0;
        for (int it = 0; it < Iterations; it++)
        {
            double nx = VectorOps.Norm(x);
            if (nx == 0.0 || !double.IsFinite(nx)) break;
            VectorOps.Scale(x, 1.0 / nx);
            a.Apply(x, y);
            applications++;
            double ny = VectorOps.Norm(y);
            if (!double.IsFinite(ny)) break;
            best = Math.Max(best, ny);
            (x, y) = (y, x);
        }
        return best;
    }
}
