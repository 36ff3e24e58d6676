using FokkerPlanck.Core.Numerics;

namespace FokkerPlanck.Core.LinearAlgebra;

/// <summary>
/// Compressed sparse row storage of a real matrix. Storage only: it multiplies by vectors and hands
/// out read-only views; algorithms live elsewhere (CSparse / MathNet separation of storage and
/// algorithm).
/// </summary>
/// <remarks>
/// Row <c>i</c> holds the entries <c>Values[k]</c> at columns <c>ColumnIndices[k]</c> for
/// <c>RowPointers[i] ≤ k &lt; RowPointers[i+1]</c>. Column indices within a row are strictly
/// increasing (enforced by <see cref="FromTriplets"/>, checked by the constructor).
/// </remarks>
public sealed class CsrMatrix : ILinearOperator
{
    private readonly int[] _rowPointers;
    private readonly int[] _columnIndices;
    private readonly double[] _values;

    /// <summary>Creates a matrix from CSR arrays (taken over, not copied).</summary>
    /// <exception cref="ArgumentException">The arrays are inconsistent or columns are not sorted.</exception>
    public CsrMatrix(int rows, int columns, int[] rowPointers, int[] columnIndices, double[] values)
    {
        ArgumentNullException.ThrowIfNull(rowPointers);
        ArgumentNullException.ThrowIfNull(columnIndices);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if (rowPointers.Length != rows + 1)
            throw new ArgumentException($"rowPointers must have rows + 1 = {rows + 1} entries, got {rowPointers.Length}.", nameof(rowPointers));
        if (rowPointers[0] != 0 || rowPointers[rows] != columnIndices.Length || columnIndices.Length != values.Length)
            throw new ArgumentException($"Inconsistent CSR arrays: rowPointers[0]={rowPointers[0]}, rowPointers[rows]={rowPointers[rows]}, columnIndices={columnIndices.Length}, values={values.Length}.", nameof(rowPointers));
        for (int i = 0; i < rows; i++)
        {
            int prev = -1;
            for (int k = rowPointers[i]; k < rowPointers[i + 1]; k++)
            {
                int c = columnIndices[k];
                if (c <= prev || (uint)c >= (uint)columns)
                    throw new ArgumentException($"Row {i}: column indices must be strictly increasing and in [0, {columns}); found {c} after {prev}.", nameof(columnIndices));
                prev = c;
            }
        }
        RowCount = rows;
        ColumnCount = columns;
        _rowPointers = rowPointers;
        _columnIndices = columnIndices;
        _values = values;
    }

    /// <summary>
    /// Wraps arrays whose structure is valid by construction (strictly increasing, in-range columns
    /// per row): the structure of an existing matrix with new values, or an assembler's output. The
    /// O(nnz) serial check of the public constructor is skipped; only the array lengths are checked.
    /// </summary>
    private CsrMatrix(int rows, int columns, int[] rowPointers, int[] columnIndices, double[] values, bool structureValid)
    {
        if (!structureValid || rowPointers.Length != rows + 1 || rowPointers[rows] != columnIndices.Length || columnIndices.Length != values.Length)
            throw new ArgumentException("Inconsistent CSR arrays.", nameof(rowPointers));
        RowCount = rows;
        ColumnCount = columns;
        _rowPointers = rowPointers;
        _columnIndices = columnIndices;
        _values = values;
    }

    /// <summary>
    /// A matrix from CSR arrays that an assembler in this library built with strictly increasing,
    /// in-range column indices in every row (not re-checked: the check is a serial pass over all
    /// entries, a noticeable share of assembling a million-cell operator).
    /// </summary>
    internal static CsrMatrix FromValidArrays(int rows, int columns, int[] rowPointers, int[] columnIndices, double[] values)
        => new(rows, columns, rowPointers, columnIndices, values, structureValid: true);

    /// <summary>
    /// As <see cref="FromValidArrays"/> for a matrix that is symmetric by construction: its producer
    /// wrote each off-diagonal pair from one computed value, so <c>A_ij</c> and <c>A_ji</c> are the same
    /// double and the factorizations skip their O(nnz) symmetry check.
    /// </summary>
    internal static CsrMatrix FromSymmetricArrays(int n, int[] rowPointers, int[] columnIndices, double[] values)
        => new(n, n, rowPointers, columnIndices, values, structureValid: true) { IsSymmetricByConstruction = true };

    /// <summary>True when the producer guarantees exact symmetry (<see cref="FromSymmetricArrays"/>).</summary>
    internal bool IsSymmetricByConstruction { get; private init; }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>Number of columns.</summary>
    public int ColumnCount { get; }

    /// <summary>Number of stored entries.</summary>
    public int NonZerosCount => _values.Length;

    /// <inheritdoc/>
    public int Size => RowCount == ColumnCount ? RowCount : throw new InvalidOperationException("Size is defined for square matrices only.");

    /// <summary>Row pointers (length <c>RowCount + 1</c>).</summary>
    public ReadOnlySpan<int> RowPointers => _rowPointers;

    /// <summary>The row-pointer array itself, for parallel loops (spans cannot be captured); callers must not write to it.</summary>
    internal int[] RowPointerArray => _rowPointers;

    /// <summary>The column-index array itself, for parallel loops (spans cannot be captured); callers must not write to it.</summary>
    internal int[] ColumnIndexArray => _columnIndices;

    /// <summary>
    /// The value array itself, for in-place refills by this library's assemblers (a time stepper
    /// reassembles its operator at each new temperature into the same pattern). Callers must keep the
    /// structure; a matrix marked symmetric by construction is never refilled.
    /// </summary>
    internal double[] ValueArray => IsSymmetricByConstruction
        ? throw new InvalidOperationException("A matrix that is symmetric by construction is not refilled in place.")
        : _values;

    /// <summary>
    /// The value array of a matrix that is symmetric by construction, for the one assembler that
    /// refills such a matrix in place (<see cref="Discretization.GeneratorFamily"/>, which writes both
    /// entries of each pair from one computed value, so the guarantee holds after the refill).
    /// </summary>
    internal double[] SymmetricValueArray => IsSymmetricByConstruction
        ? _values
        : throw new InvalidOperationException("Only a matrix that is symmetric by construction has a symmetric value array.");

    /// <summary>Column indices of the stored entries.</summary>
    public ReadOnlySpan<int> ColumnIndices => _columnIndices;

    /// <summary>Values of the stored entries.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>Entry <c>(i, j)</c>, zero when not stored (binary search in the row).</summary>
    public double this[int i, int j]
    {
        get
        {
            if ((uint)i >= (uint)RowCount) throw new ArgumentOutOfRangeException(nameof(i));
            if ((uint)j >= (uint)ColumnCount) throw new ArgumentOutOfRangeException(nameof(j));
            int k = Array.BinarySearch(_columnIndices, _rowPointers[i], _rowPointers[i + 1] - _rowPointers[i], j);
            return k >= 0 ? _values[k] : 0.0;
        }
    }

    /// <inheritdoc/>
    public void Apply(ReadOnlySpan<double> x, Span<double> y) => Multiply(x, y);

    /// <summary>Computes <c>y = A x</c>.</summary>
    /// <exception cref="ArgumentException">Vector lengths do not match the matrix.</exception>
    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        if (x.Length != ColumnCount) throw new ArgumentException($"x has length {x.Length}, expected {ColumnCount}.", nameof(x));
        if (y.Length != RowCount) throw new ArgumentException($"y has length {y.Length}, expected {RowCount}.", nameof(y));
        if (_values.Length < ParallelMinimumNonZeros || Parallelism.Threads == 1)
        {
            MultiplyRows(x, y, 0, RowCount);
            return;
        }
        unsafe
        {
            fixed (double* xp0 = x)
            fixed (double* yp0 = y)
            {
                nint xp = (nint)xp0, yp = (nint)yp0;
                int rows = RowCount, chunks = (rows + ParallelRowChunk - 1) / ParallelRowChunk;
                Parallel.For(0, chunks, Parallelism.Options, c =>
                {
                    int r0 = c * ParallelRowChunk, r1 = Math.Min(rows, r0 + ParallelRowChunk);
                    MultiplyRows(new ReadOnlySpan<double>((double*)xp, ColumnCount), new Span<double>((double*)yp, rows), r0, r1);
                });
            }
        }
    }

    /// <summary>
    /// Products with fewer stored entries than this run on one thread: a 5-point operator of 256²
    /// cells (3·10⁵ entries) takes about a millisecond, the order of the cost of starting parallel work.
    /// </summary>
    private const int ParallelMinimumNonZeros = 1 << 18;

    /// <summary>Rows per parallel work item of <see cref="Multiply"/> (each row is computed once, so the result does not depend on the schedule).</summary>
    private const int ParallelRowChunk = 1 << 14;

    /// <summary><c>y[i] = Σ_k A[i,k] x[k]</c> for rows [r0, r1).</summary>
    private void MultiplyRows(ReadOnlySpan<double> x, Span<double> y, int r0, int r1)
    {
        var rp = _rowPointers; var ci = _columnIndices; var v = _values;
        for (int i = r0; i < r1; i++)
        {
            double s = 0.0;
            for (int k = rp[i]; k < rp[i + 1]; k++) s += v[k] * x[ci[k]];
            y[i] = s;
        }
    }

    /// <summary>Computes <c>y = Aᵀ x</c>.</summary>
    /// <exception cref="ArgumentException">Vector lengths do not match the matrix.</exception>
    public void MultiplyTransposed(ReadOnlySpan<double> x, Span<double> y)
    {
        if (x.Length != RowCount) throw new ArgumentException($"x has length {x.Length}, expected {RowCount}.", nameof(x));
        if (y.Length != ColumnCount) throw new ArgumentException($"y has length {y.Length}, expected {ColumnCount}.", nameof(y));
        y.Clear();
        for (int i = 0; i < RowCount; i++)
        {
            double xi = x[i];
            for (int k = _rowPointers[i]; k < _rowPointers[i + 1]; k++) y[_columnIndices[k]] += _values[k] * xi;
        }
    }

    /// <summary>Returns the transpose as a new CSR matrix.</summary>
    public CsrMatrix Transpose()
    {
        var count = new int[ColumnCount + 1];
        for (int k = 0; k < _columnIndices.Length; k++) count[_columnIndices[k] + 1]++;
        for (int j = 0; j < ColumnCount; j++) count[j + 1] += count[j];
        var next = (int[])count.Clone();
        var ci = new int[_values.Length];
        var v = new double[_values.Length];
        for (int i = 0; i < RowCount; i++)
        {
            for (int k = _rowPointers[i]; k < _rowPointers[i + 1]; k++)
            {
                int dst = next[_columnIndices[k]]++;
                ci[dst] = i;
                v[dst] = _values[k];
            }
        }
        return new CsrMatrix(ColumnCount, RowCount, count, ci, v);
    }

    /// <summary>Returns the main diagonal (zeros where not stored).</summary>
    public double[] Diagonal()
    {
        int n = Math.Min(RowCount, ColumnCount);
        var d = new double[n];
        var rp = _rowPointers; var ci = _columnIndices; var v = _values;
        // a row's columns are sorted: a linear scan of its few entries beats a binary search call
        void Chunk(int c)
        {
            int r0 = c * ParallelRowChunk, r1 = Math.Min(n, r0 + ParallelRowChunk);
            for (int i = r0; i < r1; i++)
            {
                double di = 0.0;
                for (int k = rp[i], end = rp[i + 1]; k < end; k++)
                {
                    int j = ci[k];
                    if (j < i) continue;
                    if (j == i) di = v[k];
                    break;
                }
                d[i] = di;
            }
        }
        ChunkLoop.For((n + ParallelRowChunk - 1) / ParallelRowChunk, _values.Length >= ParallelMinimumNonZeros, Chunk);
        return d;
    }

    /// <summary>Returns <c>A + shift·I</c> as a new matrix (the diagonal is added to the pattern if absent; same pattern otherwise, so symbolic factorizations can be reused).</summary>
    public CsrMatrix AddDiagonal(double shift)
    {
        if (RowCount != ColumnCount) throw new InvalidOperationException("AddDiagonal needs a square matrix.");
        var values = GC.AllocateUninitializedArray<double>(_values.Length);
        int rows = RowCount, chunks = (rows + ParallelRowChunk - 1) / ParallelRowChunk;
        int missing = 0;
        var rp = _rowPointers; var ci = _columnIndices; var v = _values;
        void Chunk(int c)
        {
            int r0 = c * ParallelRowChunk, r1 = Math.Min(rows, r0 + ParallelRowChunk);
            Array.Copy(v, rp[r0], values, rp[r0], rp[r1] - rp[r0]);
            for (int i = r0; i < r1; i++)
            {
                int k = Array.BinarySearch(ci, rp[i], rp[i + 1] - rp[i], i);
                if (k < 0) { Interlocked.Exchange(ref missing, 1); return; }
                values[k] += shift;
            }
        }
        ChunkLoop.For(chunks, _values.Length >= ParallelMinimumNonZeros, Chunk);
        if (missing != 0) return AddDiagonalSlow(shift);
        return new CsrMatrix(RowCount, ColumnCount, _rowPointers, _columnIndices, values, structureValid: true);
    }

    private CsrMatrix AddDiagonalSlow(double shift)
    {
        var rows = new List<(int, int, double)>(NonZerosCount + RowCount);
        for (int i = 0; i < RowCount; i++)
        {
            rows.Add((i, i, shift));
            for (int k = _rowPointers[i]; k < _rowPointers[i + 1]; k++) rows.Add((i, _columnIndices[k], _values[k]));
        }
        return FromTriplets(RowCount, ColumnCount, rows);
    }

    /// <summary>Returns <c>α·A</c> (same pattern).</summary>
    public CsrMatrix Scale(double alpha)
    {
        var values = new double[_values.Length];
        for (int k = 0; k < values.Length; k++) values[k] = alpha * _values[k];
        return new CsrMatrix(RowCount, ColumnCount, _rowPointers, _columnIndices, values, structureValid: true);
    }

    /// <summary>Largest <c>|A_ij − A_ji|</c> over stored entries; zero for an exactly symmetric matrix.</summary>
    public double SymmetryDefect()
    {
        double worst = 0.0;
        for (int i = 0; i < RowCount; i++)
            for (int k = _rowPointers[i]; k < _rowPointers[i + 1]; k++)
                worst = Math.Max(worst, Math.Abs(_values[k] - this[_columnIndices[k], i]));
        return worst;
    }

    /// <summary>
    /// Builds a CSR matrix from (row, column, value) triplets; duplicates are summed, columns sorted.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A triplet lies outside the matrix.</exception>
    public static CsrMatrix FromTriplets(int rows, int columns, IEnumerable<(int Row, int Column, double Value)> triplets)
    {
        ArgumentNullException.ThrowIfNull(triplets);
        var list = triplets as IReadOnlyCollection<(int Row, int Column, double Value)> ?? triplets.ToList();
        var count = new int[rows + 1];
        foreach (var (r, c, _) in list)
        {
            if ((uint)r >= (uint)rows) throw new ArgumentOutOfRangeException(nameof(triplets), $"Row {r} outside [0, {rows}).");
            if ((uint)c >= (uint)columns) throw new ArgumentOutOfRangeException(nameof(triplets), $"Column {c} outside [0, {columns}).");
            count[r + 1]++;
        }
        for (int i = 0; i < rows; i++) count[i + 1] += count[i];
        var next = (int[])count.Clone();
        var cols = new int[list.Count];
        var vals = new double[list.Count];
        foreach (var (r, c, v) in list)
        {
            int k = next[r]++;
            cols[k] = c;
            vals[k] = v;
        }
        // sort each row and merge duplicates
        var rp = new int[rows + 1];
        int w = 0;
        for (int i = 0; i < rows; i++)
        {
            int s = count[i], e = count[i + 1];
            Array.Sort(cols, vals, s, e - s);
            rp[i] = w;
            for (int k = s; k < e; k++)
            {
                if (w > rp[i] && cols[w - 1] == cols[k]) vals[w - 1] += vals[k];
                else { cols[w] = cols[k]; vals[w] = vals[k]; w++; }
            }
        }
        rp[rows] = w;
        Array.Resize(ref cols, w);
        Array.Resize(ref vals, w);
        return new CsrMatrix(rows, columns, rp, cols, vals);
    }
}
