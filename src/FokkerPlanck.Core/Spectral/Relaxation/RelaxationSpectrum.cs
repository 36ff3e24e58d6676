using FokkerPlanck.Core.Discretization;
using FokkerPlanck.Core.Numerics;

namespace FokkerPlanck.Core.Spectral.Relaxation;

/// <summary>
/// The slowest relaxation modes of a Fokker–Planck operator at one temperature: eigenvalues
/// <c>0 = λ₁ &lt; λ₂ ≤ …</c>, right eigenvectors (densities) and left eigenvectors (observables),
/// biorthonormal (docs/physics.md §3).
/// </summary>
/// <remarks>
/// <para>With <c>φ_k</c> the unit eigenvectors of the symmetrized operator <c>A</c>:
/// right <c>u_k = Π^{1/2} φ_k</c> (cell masses), left <c>v_k = Π^{−1/2} φ_k</c>, so that
/// <c>⟨v_j, u_k⟩ = δ_jk</c> and <c>Σ π v_k² = 1</c>. <c>u_k</c> is formed in log space; <c>v_k</c>
/// comes from the backward operator (<see cref="LeftEigenvectorRefinement"/>) where dividing by
/// <c>√π</c> would amplify round-off.</para>
/// <para>Sign rule: <c>E_π[v_k U] = Σ_i u_{k,i} U_i ≥ 0</c> — the mode carries excess loss with a
/// plus sign.</para>
/// </remarks>
public sealed class RelaxationSpectrum
{
    internal RelaxationSpectrum(FokkerPlanckOperator op, double[] values, double[][] symmetricModes, double[][] leftVectors,
        double[] residuals, double[] leftResiduals, EigenStatus status, int iterations, long solves, int? missed,
        StageTimings timings, string messages, double shift)
    {
        Operator = op; Eigenvalues = values; SymmetricModes = symmetricModes; LeftVectors = leftVectors;
        Residuals = residuals; LeftResiduals = leftResiduals; Status = status; Iterations = iterations;
        Solves = solves; MissedEigenvalues = missed; Timings = timings; Messages = messages; Shift = shift;
    }

    /// <summary>The operator (grid, landscape, temperature).</summary>
    public FokkerPlanckOperator Operator { get; }

    /// <summary>Temperature.</summary>
    public double Temperature => Operator.Temperature;

    /// <summary>Number of modes (λ₁ = 0 included).</summary>
    public int Count => Eigenvalues.Length;

    /// <summary>Eigenvalues, ascending, <c>λ₁ = 0</c> first.</summary>
    public double[] Eigenvalues { get; }

    /// <summary>Unit eigenvectors φ_k of the symmetrized operator (sign fixed by the rule above).</summary>
    public double[][] SymmetricModes { get; }

    /// <summary>Left eigenvectors v_k (observables); <c>v₁ ≡ 1</c>.</summary>
    public double[][] LeftVectors { get; }

    /// <summary>Relative residuals <c>‖Aφ − λφ‖ / max(|λ|, ‖A‖)</c> of the symmetric pairs, ‖A‖ being the estimate the Lanczos stopping rule uses (so a converged pair reports ≤ the tolerance).</summary>
    public double[] Residuals { get; }

    /// <summary>Relative residuals of the left vectors on the backward operator, <c>max_i |(G v − λ v)_i| / max_i Σ_j |G_ij v_j|</c>.</summary>
    public double[] LeftResiduals { get; }

    /// <summary>Convergence status of the iteration.</summary>
    public EigenStatus Status { get; }

    /// <summary>Lanczos restarts.</summary>
    public int Iterations { get; }

    /// <summary>Right-hand sides solved with the factorization.</summary>
    public long Solves { get; }

    /// <summary>Lanczos block size of the final run (after any repeat with a larger block).</summary>
    public int BlockSize { get; init; }

    /// <summary>Start vectors the Lanczos run began from that came from the coarse level (<see cref="CoarseGridStart"/>); 0 for a random start.</summary>
    public int StartVectors { get; init; }

    /// <summary>Eigenvalues below the largest computed one that were missed (0 = proven complete); null when not verified.</summary>
    public int? MissedEigenvalues { get; }

    /// <summary>Stage timings.</summary>
    public StageTimings Timings { get; }

    /// <summary>Diagnostics of the iteration.</summary>
    public string Messages { get; }

    /// <summary>The shift σ used for shift-invert.</summary>
    public double Shift { get; }

    /// <summary>Right eigenvector <c>u_k</c> as cell masses (computed in log space).</summary>
    public double[] RightVector(int k) => RightValues(Operator, SymmetricModes[k], perVolume: false);

    /// <summary>Right eigenvector as a density (mass / cell volume).</summary>
    public double[] RightDensity(int k) => RightValues(Operator, SymmetricModes[k], perVolume: true);

    /// <summary>Cells per parallel work item of <see cref="RightValues(FokkerPlanckOperator, double[], bool, double[])"/>; every cell is computed on its own, so the result does not depend on the schedule.</summary>
    private const int CellChunk = 1 << 15;

    /// <summary><c>u = φ √π</c> of <paramref name="op"/>'s equilibrium, cell by cell in log space (divided by the cell volume for a density), into a new array.</summary>
    internal static double[] RightValues(FokkerPlanckOperator op, double[] phi, bool perVolume)
    {
        var u = GC.AllocateUninitializedArray<double>(phi.Length);
        RightValues(op, phi, perVolume, u);
        return u;
    }

    /// <summary>As <see cref="RightValues(FokkerPlanckOperator, double[], bool)"/>, into <paramref name="u"/>, over chunks of cells in parallel.</summary>
    internal static void RightValues(FokkerPlanckOperator op, double[] phi, bool perVolume, double[] u)
    {
        int n = phi.Length;
        ChunkLoop.For(ChunkLoop.Count(n, CellChunk), true, c =>
        {
            var lp = op.LogEquilibrium;
            var volume = op.Volumes;
            var (start, end) = ChunkLoop.Range(c, n, CellChunk);
            for (int i = start; i < end; i++)
            {
                u[i] = phi[i] == 0 ? 0 : Math.Sign(phi[i]) * Math.Exp(Math.Log(Math.Abs(phi[i])) + 0.5 * lp[i]);
                if (perVolume) u[i] /= volume[i];
            }
        });
    }

    /// <summary>
    /// Overlap <c>a_k = ⟨v_k, p⟩ = Σ_i v_{k,i} p_i</c> of a distribution of cell masses given as
    /// <c>ln p_i</c> (so hot equilibria that underflow elsewhere stay exact).
    /// </summary>
    public double Overlap(int k, ReadOnlySpan<double> logMasses)
    {
        var v = LeftVectors[k];
        double s = 0.0;
        for (int i = 0; i < v.Length; i++) s += v[i] * Math.Exp(logMasses[i]);
        return s;
    }

    /// <summary>The overlaps <c>a_k = ⟨v_k, p⟩</c> of modes 2…K with the cell masses <paramref name="masses"/>, into <paramref name="destination"/> (length K − 1).</summary>
    public void OverlapsOfMasses(ReadOnlySpan<double> masses, Span<double> destination)
    {
        if (destination.Length != Count - 1) throw new ArgumentException($"{destination.Length} overlaps asked for {Count} modes (K − 1 expected).", nameof(destination));
        for (int k = 1; k < Count; k++) destination[k - 1] = VectorOps.Dot(LeftVectors[k], masses);
    }
}
