using System.Text;
using FokkerPlanck.Core.Spectral.Lanczos;

namespace FokkerPlanck.Core.Spectral.Dense;

/// <summary>
/// Reference <see cref="IEigenSolver"/> for small problems: forms A densely (n products with unit
/// vectors), decomposes it completely with <see cref="DenseSymmetricEigen"/> and returns the
/// <see cref="EigenOptions.Count"/> eigenpairs nearest <see cref="EigenOptions.Shift"/>.
/// </summary>
/// <remarks>
/// The shifted-solver factory and the Krylov options are ignored; known vectors are not deflated
/// (they are eigenvectors and are found like any other), but their number still counts towards
/// <see cref="EigenOptions.Count"/>, so the same options give the same pairs as
/// <see cref="ThickRestartLanczos"/>. Intended for tests and tiny 1D problems.
/// </remarks>
public sealed class DenseEigenSolver : IEigenSolver
{
    /// <summary>Largest n accepted: O(n²) memory (128 MB at 4000) and about 10·n³ flops (tridiagonalization, accumulation, QR rotations).</summary>
    public const int MaxSize = 4000;

    /// <inheritdoc/>
    public EigenResult Solve(EigenProblem problem, EigenOptions options)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int n = problem.Matrix.Size;
        if (n > MaxSize) throw new ArgumentException($"Dense solver limited to n ≤ {MaxSize}, got {n}.", nameof(problem));
        if (options.Count > n) throw new ArgumentException($"Count ({options.Count}) exceeds n ({n}).", nameof(options));

        var eig = DenseSymmetricEigen.Compute(problem.Matrix);
        var order = new int[n];
        var distance = new double[n];
        for (int j = 0; j < n; j++) { order[j] = j; distance[j] = Math.Abs(eig.Values[j] - options.Shift); }
        Array.Sort(distance, order);

        double normA = problem.NormEstimate ?? Math.Max(Math.Abs(eig.Values[0]), Math.Abs(eig.Values[n - 1]));
        var assembler = new EigenpairAssembler(problem.Matrix, normA);
        var pairs = new List<(double, double[], double)>(options.Count);
        bool converged = eig.Converged;
        for (int j = 0; j < options.Count; j++)
        {
            var u = eig.Vector(order[j]).ToArray();
            var (lambda, residual) = assembler.Evaluate(u);
            converged &= residual <= options.Tolerance * assembler.Scale(lambda);
            pairs.Add((lambda, u, residual));
        }
        var messages = new StringBuilder(eig.Converged ? "" : "Dense QR iteration hit its step cap. ");
        var noKnown = problem with { KnownVectors = [], KnownValues = [] };
        var status = !eig.Converged ? EigenStatus.NumericalIssue : converged ? EigenStatus.Converged : EigenStatus.NotConverged;
        return assembler.Build(noKnown, options, status,
            pairs, 1, n, n, messages);
    }
}
