namespace FokkerPlanck.Core.Grids;

/// <summary>
/// A cell-centred tensor-product grid <c>X × Y</c> with zero-flux walls. A one-dimensional problem
/// (a river coordinate <c>y</c> only) is the grid with a single x cell of unit width.
/// </summary>
/// <remarks>
/// Cells are numbered <c>k = i + Nx·j</c> (x fastest), <c>0 ≤ i &lt; Nx</c>, <c>0 ≤ j &lt; Ny</c>.
/// Cell <c>k</c> has area <c>|V_k| = w^x_i · w^y_j</c>. Interior faces between <c>(i, j)</c> and
/// <c>(i+1, j)</c> have length <c>w^y_j</c> and centre distance <c>d^x_{i+½}</c>; likewise in y.
/// The walls carry no flux, so the boundary needs no ghost cells.
/// </remarks>
public sealed class TensorGrid
{
    /// <summary>Creates a 2D grid.</summary>
    public TensorGrid(Axis x, Axis y, bool isOneDimensional = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (isOneDimensional && x.Count != 1) throw new ArgumentException("A one-dimensional grid has exactly one x cell.", nameof(x));
        X = x;
        Y = y;
        IsOneDimensional = isOneDimensional;
    }

    /// <summary>A one-dimensional grid along y (one x cell of unit width at x = 0).</summary>
    public static TensorGrid OneDimensional(Axis y) => new(new Axis([-0.5, 0.5]), y, isOneDimensional: true);

    /// <summary>The valley (x) axis.</summary>
    public Axis X { get; }

    /// <summary>The river (y) axis.</summary>
    public Axis Y { get; }

    /// <summary>True for a 1D problem along y.</summary>
    public bool IsOneDimensional { get; }

    /// <summary>Cells along x.</summary>
    public int Nx => X.Count;

    /// <summary>Cells along y.</summary>
    public int Ny => Y.Count;

    /// <summary>Number of cells (unknowns).</summary>
    public int CellCount => Nx * Ny;

    /// <summary>Flat index of cell (i, j).</summary>
    public int Index(int i, int j) => i + Nx * j;

    /// <summary>Area (length in 1D) of cell <paramref name="k"/>.</summary>
    public double Volume(int k) => X.Widths[k % Nx] * Y.Widths[k / Nx];

    /// <summary>Cell areas, flat.</summary>
    public double[] Volumes()
    {
        var v = new double[CellCount];
        for (int j = 0; j < Ny; j++)
            for (int i = 0; i < Nx; i++) v[i + Nx * j] = X.Widths[i] * Y.Widths[j];
        return v;
    }

    /// <summary>Human-readable size, e.g. <c>256×512</c> or <c>512 (1D)</c>.</summary>
    public override string ToString() => IsOneDimensional ? $"{Ny} (1D)" : $"{Nx}×{Ny}";
}
