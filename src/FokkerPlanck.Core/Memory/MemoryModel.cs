using FokkerPlanck.Core.Discretization;
using FokkerPlanck.Core.Scenarios;
using FokkerPlanck.Core.LinearAlgebra.Factorization;
using FokkerPlanck.Core.Spectral;
using FokkerPlanck.Core.Spectral.Relaxation;

namespace FokkerPlanck.Core.Memory;

/// <summary>
/// Peak-memory model of the commands on one grid, from the grid's 5-point pattern and its symbolic
/// analysis (nested-dissection ordering, elimination tree, supernodes): the factor's size is known
/// before a byte of it is allocated. Ordering and analysis cost a small fraction of a factorization
/// (0.1 s at 512², about 2 s at 2048²).
/// </summary>
/// <remarks>
/// <para>Each estimate is a sum of stated terms (<see cref="MemoryEstimate.Terms"/>):</para>
/// <list type="bullet">
/// <item>runtime: the .NET runtime, JIT and libraries, a constant (<see cref="RuntimeBaselineBytes"/>);</item>
/// <item>operator: the CSR matrices held at once (12 bytes per non-zero plus the row pointers) and the
/// per-cell vectors of the landscape and the operator (<see cref="GridVectors"/> doubles per cell);</item>
/// <item>symbolic analysis: its integer arrays (front rows and relative indices, assembly map, orderings);</item>
/// <item>factor: the supernodal factor's stored entries × 8 bytes (native memory), once: the spectrum's
/// shift-invert LDLᵀ is refactored in place for the inertia count; twice where √π underflows and the left
/// vectors take an LU of the backward generator (L and U, made after the LDLᵀ is released;
/// <see cref="NeedsBackwardLu"/>);</item>
/// <item>fronts: the pooled front and contribution buffers at their peak (<see cref="FrontPoolModel"/>);</item>
/// <item>Krylov basis: n × (m + b) doubles, m = max(2·nev, 20) + 2b (<see cref="Spectral.Lanczos.ThickRestartLanczos"/>);</item>
/// <item>eigenvectors: <see cref="EigenvectorCopies"/> n-vectors per mode (symmetric, right, left, seeds, refinement);</item>
/// <item>ensemble: <see cref="BytesPerParticle"/> per particle.</item>
/// </list>
/// <para>Calibrated against the peak resident set (VmHWM) of <c>fokkerplanck spectrum</c> on the peer
/// valley at 512², 1024² and 2048² (docs/performance.md, "Memory"): within ±25 % there; after the
/// inertia count moved into the LDLᵀ's own storage (one factor instead of two), 1.03–1.18 × the
/// measured peak from 256² to 1024².</para>
/// </remarks>
public sealed class MemoryModel
{
    /// <summary>
    /// Resident set of the runtime, JIT, libraries and the fixed-size work (the coarse-grid start): the
    /// intercept of the fit of the measured peaks of <c>spectrum</c> at 512², 1024² and 2048² against the grid-sized terms.
    /// </summary>
    public const long RuntimeBaselineBytes = 60L << 20;

    /// <summary>
    /// Per-cell doubles held besides the named arrays: the landscape's samples, the operator's face rates,
    /// log π, the stationary mode, the solver's work vectors and the managed garbage not yet collected
    /// (large arrays are collected lazily). Calibrated: with 24 per cell the estimate came out 9 % low at
    /// 1024² and 2048², a shortfall growing with n (218 MiB and 908 MiB: 27–28 doubles per cell both times).
    /// </summary>
    public const int GridVectors = 52;

    /// <summary>CSR matrices alive at once: the symmetric generator, the backward operator and its negated copy in the left-vector refinement.</summary>
    public const int OperatorMatrices = 3;

    /// <summary>n-vectors per mode once the eigenpairs are assembled: Ritz vectors, right, left, seeds and the refinement's block.</summary>
    public const int EigenvectorCopies = 6;

    /// <summary>Bytes per Langevin particle: positions x, y, a carried noise pair and a snapshot slot (4 doubles and change).</summary>
    public const int BytesPerParticle = 48;

    /// <summary>Stepper work vectors per cell of the implicit time stepper (stages, error estimate, density, right-hand sides).</summary>
    public const int StepperVectors = 16;

    private readonly SymbolicFactorization _symbolic;

    private MemoryModel(int nx, int ny, long nonZeros, SymbolicFactorization symbolic)
    {
        Nx = nx;
        Ny = ny;
        NonZeros = nonZeros;
        _symbolic = symbolic;
        LdltPoolBytes = FrontPoolModel.PeakBytes(symbolic, symmetric: true);
        LuPoolBytes = FrontPoolModel.PeakBytes(symbolic, symmetric: false);
    }

    /// <summary>Runs the ordering and symbolic analysis of the 5-point pattern of an <paramref name="nx"/> × <paramref name="ny"/> grid (nx = 1 for 1D).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is not positive or the grid is too large.</exception>
    public static MemoryModel ForGrid(int nx, int ny)
    {
        var pattern = FokkerPlanckOperator.PatternFor(nx, ny);
        return new MemoryModel(nx, ny, pattern.NonZerosCount, RelaxationSpectrumSolver.AnalyzeGrid(pattern, nx, ny));
    }

    /// <summary>The ordering and symbolic analysis the estimate was made from (a solver on this grid can reuse it, <see cref="RelaxationSpectrumSolver"/>).</summary>
    public SymbolicFactorization Symbolic => _symbolic;

    /// <summary>Cells along x (1 for a 1D grid).</summary>
    public int Nx { get; }

    /// <summary>Cells along y.</summary>
    public int Ny { get; }

    /// <summary>Unknowns n.</summary>
    public long Cells => (long)Nx * Ny;

    /// <summary>Non-zeros of the operator.</summary>
    public long NonZeros { get; }

    /// <summary>
    /// Doubles of one LDLᵀ factor's native storage (the LU stores this many in L and again in U): a full
    /// m × k panel per supernode, Σ m·k, which exceeds the trapezoid's entries
    /// (<see cref="SymbolicFactorization.NonZerosInFactor"/>) by Σ k(k−1)/2.
    /// </summary>
    public long FactorEntries
    {
        get
        {
            long stored = 0;
            for (int sn = 0; sn < _symbolic.SupernodeCount; sn++) stored += (long)_symbolic.FrontSize(sn) * _symbolic.Columns(sn);
            return stored;
        }
    }

    /// <summary>Peak bytes of the LDLᵀ factorization's pooled fronts.</summary>
    public long LdltPoolBytes { get; }

    /// <summary>Peak bytes of the LU factorization's pooled fronts.</summary>
    public long LuPoolBytes { get; }

    /// <summary>Bytes of the symbolic analysis's arrays (4-byte integers).</summary>
    public long SymbolicBytes
    {
        get
        {
            long frontRows = _symbolic.RowPointers[^1];
            long assembly = _symbolic.AssemblySource.Length;
            // front rows + relative indices, assembly source + target, three orderings, supernode arrays
            return sizeof(int) * (2 * frontRows + 2 * assembly + 3 * Cells + 8L * _symbolic.SupernodeCount);
        }
    }

    private string GridText => Nx == 1 ? $"{Ny}" : $"{Nx}x{Ny}";

    private long CsrBytes => NonZeros * (sizeof(double) + sizeof(int)) + (Cells + 1) * sizeof(int);

    /// <summary>Peak of an eigen-solve of <paramref name="modes"/> modes (λ₁ = 0 included) with block size <paramref name="blockSize"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 2 modes or a block size below 1.</exception>
    /// <param name="modes">Modes, λ₁ = 0 included.</param>
    /// <param name="blockSize">Lanczos block size.</param>
    /// <param name="backwardLu">Whether the left vectors need the LU of the backward generator (√π underflows: <see cref="NeedsBackwardLu"/>).</param>
    public MemoryEstimate Spectrum(int modes, int blockSize = EigenOptions.DefaultBlockSize, bool backwardLu = false)
        => new(MemoryWorkload.Spectrum, GridText, SpectrumTerms(modes, blockSize, backwardLu));

    /// <summary>Cells per axis at most of the grid on which <see cref="NeedsBackwardLu"/> samples the landscape.</summary>
    public const int BackwardLuCheckCells = 128;

    /// <summary>
    /// Whether the spectrum of <paramref name="scenario"/> at <paramref name="lr"/> (default: its final LR) may take its left vectors from an LU
    /// of the backward generator (L and U: twice an LDLᵀ's storage) because √π would leave the normal
    /// range (<see cref="SharedShiftLeftVectors.ScalingUnderflows"/>): an upper bound since the deep cells
    /// are solved apart (<see cref="Spectral.Relaxation.DeepCellSolve"/>), the LU being the fallback when that
    /// is not possible; judged on the scenario's grid
    /// coarsened to at most <see cref="BackwardLuCheckCells"/> per axis (the landscape's range of values
    /// barely depends on the grid); true when the scenario cannot be sampled (the larger estimate).
    /// </summary>
    public static bool NeedsBackwardLu(Scenario scenario, double? lr = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var g = scenario.Problem.Grid;
        try
        {
            var setup = ScenarioSetup.Create(scenario.WithGrid(scenario.IsOneDimensional ? null : Math.Min(g.Nx, BackwardLuCheckCells), Math.Min(g.Ny, BackwardLuCheckCells)));
            return SharedShiftLeftVectors.ScalingUnderflows(setup.OperatorAt(lr ?? scenario.FinalLr).LogEquilibrium);
        }
        catch (ScenarioException) { return true; }
        catch (ArgumentException) { return true; }
    }

    /// <summary>Peak of <c>evolve</c>: the larger of its eigen-solve and its time stepper (LU factor, fronts, stage vectors) beside the kept eigenvectors.</summary>
    public MemoryEstimate Evolve(int modes)
    {
        // the larger spectrum (the backward generator's LU): the stepper factorizes an operator of the same pattern anyway
        var spectrum = SpectrumTerms(modes, EigenOptions.DefaultBlockSize, backwardLu: true);
        var stepper = StepperTerms(modes);
        var larger = stepper.Sum(t => t.Bytes) > spectrum.Sum(t => t.Bytes) ? stepper : spectrum;
        return new MemoryEstimate(MemoryWorkload.Evolve, GridText, larger);
    }

    /// <summary>Peak of a Langevin run of <paramref name="particles"/> particles beside its Fokker–Planck reference (the time stepper).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one particle.</exception>
    public MemoryEstimate Langevin(long particles, int modes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(particles);
        var terms = StepperTerms(modes);
        terms.Add(new MemoryTerm($"ensemble ({particles:N0} particles × {BytesPerParticle} B)", particles * BytesPerParticle));
        return new MemoryEstimate(MemoryWorkload.Langevin, GridText, terms);
    }

    private List<MemoryTerm> SpectrumTerms(int modes, int blockSize, bool backwardLu = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(modes, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        int nev = modes - 1;
        long krylov = Math.Min(Math.Max(2 * nev, KrylovFloor) + 2L * blockSize + blockSize, Cells);
        var terms = CommonTerms();
        // one factor at a time: the shift-invert LDLᵀ (refactored in place for the inertia count), then,
        // where √π underflows, the backward generator's LU for the left vectors
        terms.Add(backwardLu
            ? new MemoryTerm($"factor (the left vectors' LU: 2 × {FactorEntries:N0} entries)", 2 * FactorEntries * sizeof(double))
            : new MemoryTerm($"factor (LDLᵀ: {FactorEntries:N0} entries)", FactorEntries * sizeof(double)));
        terms.Add(new MemoryTerm("fronts", backwardLu ? Math.Max(LdltPoolBytes, LuPoolBytes) : LdltPoolBytes));
        terms.Add(new MemoryTerm($"Krylov basis ({krylov} vectors)", krylov * Cells * sizeof(double)));
        terms.Add(new MemoryTerm($"eigenvectors ({modes} modes × {EigenvectorCopies})", (long)modes * EigenvectorCopies * Cells * sizeof(double)));
        return terms;
    }

    private List<MemoryTerm> StepperTerms(int modes)
    {
        var terms = CommonTerms();
        terms.Add(new MemoryTerm($"LU factor (2 × {FactorEntries:N0} entries)", 2 * FactorEntries * sizeof(double)));
        terms.Add(new MemoryTerm("fronts", LuPoolBytes));
        terms.Add(new MemoryTerm($"stepper and kept modes ({StepperVectors} + 2 × {modes} vectors)", (StepperVectors + 2L * modes) * Cells * sizeof(double)));
        return terms;
    }

    private List<MemoryTerm> CommonTerms() =>
    [
        new("runtime", RuntimeBaselineBytes, PerProcess: true),
        new($"operator ({OperatorMatrices} CSR + {GridVectors} vectors)", OperatorMatrices * CsrBytes + GridVectors * Cells * sizeof(double)),
        new("symbolic analysis", SymbolicBytes),
    ];

    /// <summary>Floor of the default Krylov dimension (<see cref="Spectral.Lanczos.ThickRestartLanczos"/>: max(2·nev, 20) + 2b).</summary>
    private const int KrylovFloor = 20;
}
