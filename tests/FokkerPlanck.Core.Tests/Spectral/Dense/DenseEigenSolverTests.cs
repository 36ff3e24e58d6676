using FokkerPlanck.Core.Spectral;
using FokkerPlanck.Core.Spectral.Dense;
using FokkerPlanck.Core.Spectral.Lanczos;
using FokkerPlanck.Core.Tests.Spectral.Lanczos;

namespace FokkerPlanck.Core.Tests.Spectral.Dense;

/// <summary>Catalog-style check: every <see cref="IEigenSolver"/> gives the same slow modes of the 1D Laplacian.</summary>
public class DenseEigenSolverTests
{
    private const double EigenvalueTolerance = 1e-10;

    public static TheoryData<string> Solvers => new() { nameof(DenseEigenSolver), nameof(ThickRestartLanczos) };

    private static IEigenSolver Create(string name) => name == nameof(DenseEigenSolver) ? new DenseEigenSolver() : new ThickRestartLanczos();

    [Theory]
    [MemberData(nameof(Solvers))]
    public void Solve_NeumannLaplacian1D_AllSolversAgreeWithExactSpectrum(string solver)
    {
        var problem = ThickRestartLanczosTests.Laplacian1DProblem(120, out var exact);
        var result = Create(solver).SolveOrThrow(problem, new EigenOptions { Count = 5, Shift = -1.0 });
        Assert.Equal(5, result.Values.Count);
        for (int j = 0; j < 5; j++)
            Assert.True(Math.Abs(result.Values[j] - exact[j]) <= EigenvalueTolerance * exact[^1], $"{solver}: λ_{j}");
    }
}
