using FokkerPlanck.Core.LinearAlgebra;

namespace FokkerPlanck.Core.Tests.TestSupport;

/// <summary>Test-only solver that returns NaN, as a broken factorization of a singular A − σI would.</summary>
internal sealed class NonFiniteSolver(int size) : ILinearSolver
{
    public int Size { get; } = size;

    public void Solve(ReadOnlySpan<double> b, Span<double> x) => x[..Size].Fill(double.NaN);

    public void Solve(ReadOnlySpan<double> b, Span<double> x, int count) => x[..(Size * count)].Fill(double.NaN);
}
