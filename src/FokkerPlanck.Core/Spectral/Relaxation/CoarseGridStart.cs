using FokkerPlanck.Core.Discretization;
using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.LinearAlgebra.Factorization;
using FokkerPlanck.Core.Spectral.Lanczos;
using FokkerPlanck.Core.Numerics;

namespace FokkerPlanck.Core.Spectral.Relaxation;

/// <summary>
/// Start vectors for the fine-grid Lanczos run: the slow modes of the same landscape on a coarse
/// grid, computed to a loose tolerance and carried to the fine grid (nested iteration).
/// </summary>
/// <remarks>
/// <para><b>Why.</b> From a random start, shift-invert Lanczos spends most of its solves separating
/// the wanted modes from the next ones (the peer's valley case needs 23–24 solves for λ₂…λ₆ at
/// τ = 1e-10). A start block already close to the wanted modes, to the O(h²) discretization
/// difference between the grids (the rates of 128² and 512² differ by 0.07–0.5 %), leaves about
/// 7 of the 10 decades to gain: 16–17 solves. The coarse problem has at most 1/16 of the unknowns
/// (1/64 on large grids), so it costs a few percent of the fine one, and it runs beside the fine
/// ordering.</para>
/// <para><b>Transfer.</b> The symmetric modes are φ = √π·v with v a smooth observable and √π sharp
/// (a Gaussian of width √(T/a) across the valley). Interpolating φ itself would smear the Gaussian;
/// instead v is injected piecewise-constant and multiplied by the fine √π:
/// φ_f(i) = φ_c(C) · exp(½(log π_f(i) − log π_c(C))), C the coarse cell containing i, the exponent
/// clamped so that far tails cannot overflow (a start vector needs no accuracy there).</para>
/// <para><b>Safety.</b> The start vectors change only where the iteration begins: convergence is
/// still judged by true fine-grid residuals and the inertia count still proves that no mode was
/// missed, so a poor coarse level (a valley it cannot resolve, modes in another order) costs solves,
/// never correctness.</para>
/// </remarks>
public static class CoarseGridStart
{
    /// <summary>
    /// Default coarsening per axis on large grids: the coarse level has 1/64 of the unknowns of a 2D
    /// grid. Measured on the valley case with one vector per block (start level → fine solves): 512²
    /// from 32², 64², 128²: 18, 17, 16 solves against 24 from a random start; 1024² from 64², 128²,
    /// 256²: 17, 16, 16.
    /// </summary>
    public const int CoarseningFactor = 8;

    /// <summary>
    /// Fewest cells per axis of the default coarse level. What limits the start vectors is the coarse
    /// level's own discretization error, so a fixed resolution gives a fixed number of fine solves:
    /// with the default block of 2 and the shift placed by <see cref="InteriorShift"/>, 18 solves at
    /// 512² and at 1024² from 128², against 20 at 512² from 64², 80², 96² and 112² and at 1024² from
    /// 96² (22 and 24 with the shift below the spectrum).
    /// </summary>
    public const int MinCoarseCellsPerAxis = 128;

    /// <summary>Smallest coarsening per axis: 4 per axis is the <see cref="MaxCoarseFraction"/> of 1/16 of the unknowns of a square grid.</summary>
    public const int MinCoarseningFactor = 4;

    /// <summary>
    /// Default coarse cells per axis for a grid with <paramref name="fineCellsPerAxis"/> cells along its
    /// longest axis: max(<see cref="MinCoarseCellsPerAxis"/>, N/<see cref="CoarseningFactor"/>), at most
    /// N/<see cref="MinCoarseningFactor"/>.
    /// </summary>
    public static int DefaultCoarseCellsPerAxis(int fineCellsPerAxis)
        => Math.Min(Math.Max(MinCoarseCellsPerAxis, fineCellsPerAxis / CoarseningFactor), fineCellsPerAxis / MinCoarseningFactor);

    /// <summary>
    /// The coarse level is used only when it has at most this fraction of the fine unknowns: it then
    /// costs a few percent of the fine solve (sparse factorization grows faster than linearly) while
    /// saving about a third of the fine solves; on smaller grids the saving does not pay for it.
    /// </summary>
    public const double MaxCoarseFraction = 1.0 / 16.0;

    /// <summary>
    /// Tolerance of the coarse eigenpairs: the start vectors differ from the fine modes by the
    /// discretization difference (≈ 1e-3 for the benchmark), so a tighter coarse solve buys nothing.
    /// </summary>
    public const double CoarseTolerance = 1e-6;

    /// <summary>Overlap with √π above which a returned coarse vector is the (known, deflated) stationary mode: the others are orthogonal to it.</summary>
    private const double StationaryOverlap = 0.5;

    /// <summary>Fine cells per parallel work item of the transfer.</summary>
    private const int TransferChunk = 1 << 14;

    /// <summary>Coarse cells per wanted mode below which no coarse level is built (Lanczos needs a basis of about 2·Count vectors, and a coarse grid that small resolves nothing).</summary>
    public const int MinCoarseCellsPerMode = 8;

    /// <summary>
    /// Restart limit of the coarse run: start vectors need no convergence, and a coarse level too
    /// coarse for the valley must not cost more than it can save (unconverged vectors are still used).
    /// </summary>
    public const int CoarseMaxRestarts = 10;

    /// <summary>Clamp of the √π-ratio exponent in the transfer (e^±300 is finite, and only tails reach it).</summary>
    public const double MaxLogRatio = 300.0;

    /// <summary>
    /// Computes start vectors for the <paramref name="nev"/> slowest non-stationary modes of
    /// <paramref name="fine"/>, with the coarse rates as estimates of theirs, or returns null when the
    /// grid is too small for a coarse level to pay or the coarse solve does not give finite modes.
    /// </summary>
    /// <param name="fine">The fine-grid operator.</param>
    /// <param name="nev">Number of non-stationary modes wanted.</param>
    /// <param name="seed">Seed of the coarse run's random start.</param>
    /// <param name="coarseCellsPerAxis">Cells per axis of the coarse level; null for <see cref="DefaultCoarseCellsPerAxis"/>.</param>
    public static CoarseModes? Compute(FokkerPlanckOperator fine, int nev, ulong seed, int? coarseCellsPerAxis = null)
    {
        ArgumentNullException.ThrowIfNull(fine);
        int cellsPerAxis = coarseCellsPerAxis ?? DefaultCoarseCellsPerAxis(Math.Max(fine.Grid.Nx, fine.Grid.Ny));
        if (cellsPerAxis < 1) return null; // a grid of fewer than MinCoarseningFactor cells per axis has no coarse level
        var coarsening = GridCoarsening.Create(fine.Grid, cellsPerAxis);
        var coarseGrid = coarsening.Coarse;
        if (nev < 1 || coarseGrid.CellCount > MaxCoarseFraction * fine.Size || coarseGrid.CellCount < MinCoarseCellsPerMode * (nev + 1))
            return null;
        DiscreteLandscape landscape;
        try
        {
            landscape = DiscreteLandscape.Sample(coarseGrid, fine.Landscape.Landscape);
        }
        catch (ArgumentException)
        {
            return null; // the potential is not finite at a coarse centre: no coarse level, random start
        }
        var coarse = FokkerPlanckOperator.Create(landscape, fine.Temperature, fine.Flux);
        var a = coarse.Assemble(FokkerPlanckOperator.Form.SymmetricPositive);
        var symbolic = RelaxationSpectrumSolver.AnalyzeGrid(a, coarseGrid.Nx, coarseGrid.Ny);
        var q1 = coarse.StationarySymmetricMode();
        var factors = new List<SparseLdlt>();
        var eig = new ThickRestartLanczos().Solve(new EigenProblem
        {
            Matrix = a,
            ShiftedSolverFactory = sigma =>
            {
                var f = SparseLdlt.Create(a, symbolic, sigma);
                factors.Add(f);
                return f;
            },
            KnownVectors = [q1],
            KnownValues = [0.0],
            NormEstimate = 2 * a.Diagonal().Max(),
        }, new EigenOptions
        {
            Count = nev + 1,
            Shift = RelaxationSpectrumSolver.ShiftFor(coarse),
            Tolerance = CoarseTolerance,
            MaxRestarts = CoarseMaxRestarts,
            BlockSize = 1,
            Seed = seed,
        });
        foreach (var f in factors) f.Dispose();
        if (eig.Status == EigenStatus.NumericalIssue) return null;
        var logCoarse = coarse.LogEquilibrium.ToArray();
        var logFine = fine.LogEquilibrium.ToArray();
        var map = coarsening.FineToCoarse as int[] ?? [.. coarsening.FineToCoarse];
        int n = fine.Size, chunks = n / TransferChunk + 1;
        var ratio = new double[n];
        Parallel.For(0, chunks, Parallelism.Options, c =>
        {
            for (int i = c * TransferChunk, end = Math.Min(n, i + TransferChunk); i < end; i++)
                ratio[i] = Math.Exp(Math.Clamp(0.5 * (logFine[i] - logCoarse[map[i]]), -MaxLogRatio, MaxLogRatio));
        });
        var starts = new List<double[]>(nev);
        var rates = new List<double>(nev);
        for (int k = 0; k < eig.Vectors.Count; k++)
        {
            var phi = eig.Vectors[k];
            if (Math.Abs(VectorOps.Dot(phi, q1)) > StationaryOverlap) continue; // the stationary mode is deflated exactly
            if (!phi.All(double.IsFinite)) return null;
            var f = new double[n];
            Parallel.For(0, chunks, Parallelism.Options, c =>
            {
                for (int i = c * TransferChunk, end = Math.Min(n, i + TransferChunk); i < end; i++) f[i] = phi[map[i]] * ratio[i];
            });
            starts.Add(f);
            rates.Add(eig.Values[k]);
        }
        return starts.Count > 0 ? new CoarseModes([.. starts], [.. rates]) : null;
    }
}
