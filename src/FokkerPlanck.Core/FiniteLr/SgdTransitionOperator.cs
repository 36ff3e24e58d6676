using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.Landscapes;
using FokkerPlanck.Core.LinearAlgebra;
using FokkerPlanck.Core.Numerics;

namespace FokkerPlanck.Core.FiniteLr;

/// <summary>
/// The Markov transition matrix of one SGD step <c>θ ← θ − η∇L(θ) + √(2Tη) ξ</c> (T = κη) on a uniform
/// grid with reflecting walls: <c>P[i, j]</c> is the probability that a step from cell j's centre lands in
/// cell i, so cell masses advance as <c>p ← P p</c> and every column sums to 1.
/// </summary>
/// <remarks>
/// The increment's two coordinates are independent Gaussians, so each column is the outer product of two
/// one-axis kernels (<see cref="GaussianBins"/>: binned, moment-matched, folded at the walls, truncated).
/// This is Ulam's method (S. Ulam, <i>A Collection of Mathematical Problems</i>, 1960; G. Froyland,
/// "Extracting dynamical behaviour via Markov models", 2001) with the source collapsed to the cell centre
/// and the binning's variance given back to the kernel, which makes it consistent with the map's first
/// two moments on any grid that resolves the noise. SGD breaks detailed balance, so P is not symmetrizable.
/// </remarks>
public sealed class SgdTransitionOperator : ILinearOperator
{
    private SgdTransitionOperator(TensorGrid grid, double lr, double temperature, CsrMatrix matrix, CsrMatrix transposed)
    {
        Grid = grid;
        Lr = lr;
        Temperature = temperature;
        Matrix = matrix;
        Transposed = transposed;
    }

    /// <summary>The grid (uniform axes).</summary>
    public TensorGrid Grid { get; }

    /// <summary>The learning rate η (one step).</summary>
    public double Lr { get; }

    /// <summary>The temperature T of the noise.</summary>
    public double Temperature { get; }

    /// <summary>The noise's standard deviation per coordinate, <c>√(2Tη)</c>.</summary>
    public double Noise => Math.Sqrt(2 * Temperature * Lr);

    /// <summary>P (rows: target cells, columns: source cells).</summary>
    public CsrMatrix Matrix { get; }

    /// <summary>Pᵀ: its rows are the kernels of the source cells; it advances observables, <c>f ← Pᵀ f</c>.</summary>
    public CsrMatrix Transposed { get; }

    /// <summary>Probability dropped from each column by the truncation of the Gaussian tails (then restored by renormalizing).</summary>
    public double TruncatedMass => (Grid.IsOneDimensional ? 1 : 2) * GaussianBins.TailMass;

    /// <inheritdoc />
    public int Size => Matrix.RowCount;

    /// <summary><c>y = P x</c>: one step of the cell masses.</summary>
    public void Apply(ReadOnlySpan<double> x, Span<double> y) => Matrix.Multiply(x, y);

    /// <summary><c>y = Pᵀ x</c>: one step of an observable.</summary>
    public void ApplyTransposed(ReadOnlySpan<double> x, Span<double> y) => Transposed.Multiply(x, y);

    /// <summary>The adjoint as an operator (for the left eigenvectors).</summary>
    public ILinearOperator Adjoint => Transposed;

    /// <summary>Builds P for one learning rate.</summary>
    /// <param name="grid">Uniform grid (the second axis only, for a one-dimensional landscape).</param>
    /// <param name="landscape">The loss, whose gradient gives the step's mean.</param>
    /// <param name="lr">η &gt; 0.</param>
    /// <param name="temperature">T &gt; 0 (κη in the model).</param>
    /// <exception cref="ArgumentException">An axis is not uniform, or the noise is narrower than <see cref="GaussianBins.MinNoiseCells"/> cells.</exception>
    public static SgdTransitionOperator Create(TensorGrid grid, ILandscape landscape, double lr, double temperature)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(landscape);
        if (!(lr > 0) || !double.IsFinite(lr)) throw new ArgumentOutOfRangeException(nameof(lr), lr, "The learning rate must be positive and finite.");
        if (!(temperature > 0) || !double.IsFinite(temperature)) throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "The temperature must be positive and finite.");
        var assembly = new KernelAssembly(grid, landscape, lr, Math.Sqrt(2 * temperature * lr));
        var transposed = assembly.Build();
        return new SgdTransitionOperator(grid, lr, temperature, transposed.Transpose(), transposed);
    }

    /// <summary>Assembles Pᵀ row by row (one source cell's kernel per row), in parallel, in two passes (count, fill).</summary>
    private sealed class KernelAssembly
    {
        private readonly TensorGrid _grid;
        private readonly ILandscape _landscape;
        private readonly double _lr, _wx, _wy, _hx, _hy;
        private readonly int _spanX, _spanY;

        public KernelAssembly(TensorGrid grid, ILandscape landscape, double lr, double noise)
        {
            _grid = grid;
            _landscape = landscape;
            _lr = lr;
            _hy = UniformWidth(grid.Y, "y");
            _wy = Width(noise, _hy, "y");
            _spanY = GaussianBins.MaxSpan(noise, _hy, grid.Ny);
            if (grid.IsOneDimensional) return;
            _hx = UniformWidth(grid.X, "x");
            _wx = Width(noise, _hx, "x");
            _spanX = GaussianBins.MaxSpan(noise, _hx, grid.Nx);
        }

        public CsrMatrix Build()
        {
            int n = _grid.CellCount;
            var rowPointers = new int[n + 1];
            Parallel.For(0, n, Parallelism.Options, () => new Scratch(_spanX, _spanY), (j, _, s) =>
            {
                Kernel(j, s);
                rowPointers[j + 1] = s.CountX * s.CountY;
                return s;
            }, _ => { });
            for (int j = 0; j < n; j++) rowPointers[j + 1] += rowPointers[j];
            var columns = new int[rowPointers[n]];
            var values = new double[rowPointers[n]];
            Parallel.For(0, n, Parallelism.Options, () => new Scratch(_spanX, _spanY), (j, _, s) =>
            {
                Kernel(j, s);
                int k = rowPointers[j];
                for (int b = 0; b < s.CountY; b++)
                    for (int a = 0; a < s.CountX; a++, k++)
                    {
                        columns[k] = s.CellsX[a] + _grid.Nx * s.CellsY[b];
                        values[k] = s.WeightsX[a] * s.WeightsY[b];
                    }
                return s;
            }, _ => { });
            return CsrMatrix.FromValidArrays(n, n, rowPointers, columns, values);
        }

        /// <summary>The two one-axis kernels of source cell <paramref name="j"/>.</summary>
        private void Kernel(int j, Scratch s)
        {
            int ix = j % _grid.Nx, iy = j / _grid.Nx;
            double x = _grid.IsOneDimensional ? 0.0 : _grid.X.Centres[ix], y = _grid.Y.Centres[iy];
            var (gx, gy) = _landscape.Gradient(x, y);
            s.CountY = GaussianBins.Fill(y - _lr * gy, _wy, _grid.Y.Min, _hy, _grid.Ny, s.CellsY, s.WeightsY);
            if (_grid.IsOneDimensional)
            {
                s.CellsX[0] = 0;
                s.WeightsX[0] = 1;
                s.CountX = 1;
                return;
            }
            s.CountX = GaussianBins.Fill(x - _lr * gx, _wx, _grid.X.Min, _hx, _grid.Nx, s.CellsX, s.WeightsX);
        }

        private static double UniformWidth(Axis axis, string name)
            => axis.IsUniform ? axis.Length / axis.Count
                : throw new ArgumentException($"The SGD transition operator needs a uniform grid; the {name} axis is not uniform.");

        private static double Width(double noise, double cell, string name)
        {
            double w = GaussianBins.BinnedWidth(noise, cell);
            return double.IsNaN(w)
                ? throw new ArgumentException(
                    $"The SGD noise √(2Tη) = {noise:G3} is {noise / cell:G2} cells of the {name} axis (cell {cell:G3}); it must span at least {GaussianBins.MinNoiseCells} cells: use a finer grid.")
                : w;
        }
    }

    /// <summary>Per-thread buffers of the two one-axis kernels.</summary>
    private sealed class Scratch(int spanX, int spanY)
    {
        public readonly int[] CellsX = new int[Math.Max(1, spanX)], CellsY = new int[spanY];
        public readonly double[] WeightsX = new double[Math.Max(1, spanX)], WeightsY = new double[spanY];
        public int CountX, CountY;
    }
}
