using FokkerPlanck.Core.Grids;

namespace FokkerPlanck.Core.FiniteLr;

/// <summary>
/// Bilinear interpolation of cell-centred functions (left eigenvectors) on a source grid to the cell
/// centres of a target grid, constant beyond the source's outermost centres: how modes computed on one
/// grid meet masses computed on another (second order, like the finite-volume discretization). The
/// brackets (neighbouring source centres and weights) are found once per pair of grids, by target column
/// and target row, and serve every function interpolated between them.
/// </summary>
public sealed class CellInterpolation
{
    private readonly TensorGrid _source;
    private readonly TensorGrid _target;
    private readonly Bracket[] _columns;
    private readonly Bracket[] _rows;

    private CellInterpolation(TensorGrid source, TensorGrid target)
    {
        _source = source;
        _target = target;
        // a 1D grid's single x cell sits at x = 0; a 1D source is read along y only
        _columns = source.IsOneDimensional ? [] : [.. Enumerable.Range(0, target.Nx).Select(i => Find(source.X.Centres, target.IsOneDimensional ? 0 : target.X.Centres[i]))];
        _rows = [.. Enumerable.Range(0, target.Ny).Select(j => Find(source.Y.Centres, target.Y.Centres[j]))];
    }

    /// <summary>The interpolation from the centres of <paramref name="source"/> to those of <paramref name="target"/>.</summary>
    /// <exception cref="ArgumentNullException">A grid is null.</exception>
    public static CellInterpolation Between(TensorGrid source, TensorGrid target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        return new CellInterpolation(source, target);
    }

    /// <summary>The source grid the functions live on.</summary>
    public TensorGrid Source => _source;

    /// <summary>The target grid whose centres are interpolated to.</summary>
    public TensorGrid Target => _target;

    /// <summary>The value of <paramref name="values"/> (on the source grid) at the centre of target cell <paramref name="k"/>.</summary>
    public double At(ReadOnlySpan<double> values, int k)
    {
        var (j0, j1, wy) = _rows[k / _target.Nx];
        if (_source.IsOneDimensional) return (1 - wy) * values[j0] + wy * values[j1];
        var (i0, i1, wx) = _columns[k % _target.Nx];
        double lo = (1 - wx) * values[_source.Index(i0, j0)] + wx * values[_source.Index(i1, j0)];
        double hi = (1 - wx) * values[_source.Index(i0, j1)] + wx * values[_source.Index(i1, j1)];
        return (1 - wy) * lo + wy * hi;
    }

    /// <summary><c>Σ_J m_J f(centre_J)</c>: the function <paramref name="values"/> (on the source grid) paired with masses on the target grid.</summary>
    /// <exception cref="ArgumentException">A length does not match its grid.</exception>
    public double Pair(ReadOnlySpan<double> values, ReadOnlySpan<double> masses)
    {
        if (values.Length != _source.CellCount) throw new ArgumentException($"{values.Length} values for a source grid of {_source.CellCount} cells.", nameof(values));
        if (masses.Length != _target.CellCount) throw new ArgumentException($"{masses.Length} masses for a target grid of {_target.CellCount} cells.", nameof(masses));
        double s = 0;
        for (int k = 0; k < masses.Length; k++) s += masses[k] * At(values, k);
        return s;
    }

    /// <summary>Neighbouring centres below and above a coordinate and the weight of the upper one.</summary>
    private readonly record struct Bracket(int Lo, int Hi, double Weight);

    private static Bracket Find(ReadOnlySpan<double> centres, double z)
    {
        if (z <= centres[0]) return new(0, 0, 0);
        if (z >= centres[^1]) return new(centres.Length - 1, centres.Length - 1, 0);
        int k = centres.BinarySearch(z);
        if (k >= 0) return new(k, k, 0);
        int hi = ~k, lo = hi - 1;
        return new(lo, hi, (z - centres[lo]) / (centres[hi] - centres[lo]));
    }
}
