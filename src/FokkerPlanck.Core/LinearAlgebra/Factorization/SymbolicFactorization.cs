using FokkerPlanck.Core.LinearAlgebra.Ordering;
using FokkerPlanck.Core.Numerics;

namespace FokkerPlanck.Core.LinearAlgebra.Factorization;

/// <summary>
/// Symbolic analysis of a square matrix with (structurally) symmetric pattern: fill-reducing
/// ordering, elimination tree, relaxed supernodes, front structures and the assembly map.
/// Computed once per pattern and reused by every numeric factorization
/// (<see cref="SparseLdlt"/>, <see cref="SparseLu"/>) of a matrix with that exact pattern,
/// e.g. the refactorizations of an implicit time stepper with changing values.
/// </summary>
/// <remarks>
/// Davis, <i>Direct Methods for Sparse Linear Systems</i>, SIAM 2006, ch. 4 (elimination tree,
/// postorder, column counts) and the multifrontal method of Duff and Reid (ACM TOMS 9, 1983),
/// Liu ("The multifrontal method for sparse matrix solution", SIAM Review 34, 1992). The
/// pattern used is that of <c>A + Aᵀ</c>, so a nonsymmetric pattern is accepted (its
/// structural transpose is added as explicit zeros). The given ordering is composed with a
/// postorder of its elimination tree (same fill) so that every supernode's subtree is a
/// contiguous range of supernodes, which the parallel factorization relies on.
/// </remarks>
public sealed partial class SymbolicFactorization
{
    /// <summary>Largest front dimension accepted: a front is one dense <c>m × m</c> array of at most 2³¹ entries.</summary>
    private const int MaxFrontSize = 46340;

    private readonly int[] _patternRowPointers;
    private readonly int[] _patternColumns;

    /// <summary>Dimension n of the matrix.</summary>
    public int Size { get; }

    /// <summary>The final (postordered) fill-reducing ordering: the factorized matrix is <c>P A Pᵀ</c>.</summary>
    public Permutation Ordering { get; }

    /// <summary>Number of supernodes (fronts).</summary>
    public int SupernodeCount => SupernodeFirst.Length - 1;

    /// <summary>Largest front dimension (rows of the biggest dense frontal matrix).</summary>
    public int MaxFrontDimension { get; }

    /// <summary>Entries of the lower factor as stored (dense supernodal trapezoids, diagonal included).</summary>
    public long NonZerosInFactor { get; }

    /// <summary>Floating-point operations of the supernodal LDLᵀ factorization.</summary>
    public double LdltFlops { get; }

    /// <summary>Floating-point operations of the supernodal LU factorization.</summary>
    public double LuFlops { get; }

    internal int[] SupernodeFirst { get; }
    internal int[] RowPointers { get; }
    internal int[] Rows { get; }
    internal int[] Relative { get; }
    internal int[] Parent { get; }
    internal int[] ChildPointers { get; }
    internal int[] Children { get; }
    internal int[] SubtreeFirst { get; }
    internal double[] SubtreeLdltFlops { get; }
    internal double[] SubtreeLuFlops { get; }
    internal int[] AssemblyPointers { get; }
    internal int[] AssemblySource { get; }
    internal int[] AssemblyTarget { get; }

    /// <summary>Parallel schedule, the same for every thread count (computed on first use).</summary>
    internal TreeSchedule Schedule => _schedule.Value;

    private readonly Lazy<TreeSchedule> _schedule;

    /// <summary>Pivot count (columns) of supernode <paramref name="s"/>.</summary>
    internal int Columns(int s) => SupernodeFirst[s + 1] - SupernodeFirst[s];

    /// <summary>Front dimension (rows) of supernode <paramref name="s"/>.</summary>
    internal int FrontSize(int s) => RowPointers[s + 1] - RowPointers[s];

    /// <summary>
    /// Analyzes the pattern of <paramref name="a"/> under <paramref name="ordering"/>
    /// (default: <see cref="NestedDissection.ForPattern"/>; for tensor grids pass
    /// <see cref="NestedDissection.ForGrid"/>).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <exception cref="ArgumentException">The matrix is not square, or the ordering has the wrong size.</exception>
    public static SymbolicFactorization Analyze(CsrMatrix a, Permutation? ordering = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.RowCount != a.ColumnCount)
            throw new ArgumentException($"Matrix must be square, got {a.RowCount}×{a.ColumnCount}.", nameof(a));
        ordering ??= NestedDissection.ForPattern(a);
        if (ordering.Size != a.RowCount)
            throw new ArgumentException($"Ordering has size {ordering.Size}, matrix {a.RowCount}.", nameof(ordering));
        var graph = AdjacencyGraph.FromPattern(a);
        var pattern = PermutedPattern.Create(graph, ordering);
        var parent = EliminationTree.Parents(pattern);
        if (!EliminationTree.IsPostordered(parent))
        {
            var postPerm = Permutation.FromNewToOld(EliminationTree.Postorder(parent));
            ordering = ordering.Then(postPerm);
            pattern = PermutedPattern.Create(graph, ordering);
            parent = EliminationTree.Parents(pattern);
        }
        // the tree is postordered here (the ordering was composed with a postorder if it was not)
        var counts = EliminationTree.ColumnCounts(pattern, parent, postordered: true);
        var first = SupernodePartition.Compute(parent, counts);
        return new SymbolicFactorization(a, ordering, pattern, parent, first, graph.SymmetricSource);
    }

    /// <summary>True when <paramref name="a"/> has exactly the pattern this analysis was built for.</summary>
    public bool Matches(CsrMatrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.RowCount != Size || a.ColumnCount != Size) return false;
        // matrices assembled on one pattern share its arrays (a CsrMatrix never modifies them)
        var rp = a.RowPointerArray; var ci = a.ColumnIndexArray;
        return (ReferenceEquals(rp, _patternRowPointers) || rp.AsSpan().SequenceEqual(_patternRowPointers))
            && (ReferenceEquals(ci, _patternColumns) || ci.AsSpan().SequenceEqual(_patternColumns));
    }

    private SymbolicFactorization(CsrMatrix a, Permutation ordering, PermutedPattern pattern, int[] parent, int[] first, bool symmetricPattern)
    {
        int n = a.RowCount;
        Size = n;
        _schedule = new Lazy<TreeSchedule>(() => new TreeSchedule(this));
        Ordering = ordering;
        SupernodeFirst = first;
        // kept by reference: a CsrMatrix's arrays are never modified after construction
        _patternRowPointers = a.RowPointerArray;
        _patternColumns = a.ColumnIndexArray;
        int ns = first.Length - 1;
        var snodeOf = new int[n];
        for (int s = 0; s < ns; s++)
            for (int j = first[s]; j < first[s + 1]; j++) snodeOf[j] = s;
        Parent = new int[ns];
        for (int s = 0; s < ns; s++)
        {
            int p = parent[first[s + 1] - 1];
            Parent[s] = p < 0 ? -1 : snodeOf[p];
        }
        (ChildPointers, Children) = BuildChildren(Parent);
        (RowPointers, Rows) = BuildRows(pattern, first, ChildPointers, Children);
        MaxFrontDimension = 0;
        for (int s = 0; s < ns; s++) MaxFrontDimension = Math.Max(MaxFrontDimension, FrontSize(s));
        if (MaxFrontDimension > MaxFrontSize)
            throw new ArgumentException($"Front dimension {MaxFrontDimension} exceeds the supported {MaxFrontSize}.", nameof(a));
        Relative = BuildRelative(n);
        (AssemblyPointers, AssemblySource, AssemblyTarget) = symmetricPattern ? BuildSymmetricAssembly(a) : BuildAssembly(a, snodeOf);
        SubtreeFirst = new int[ns];
        SubtreeLdltFlops = new double[ns];
        SubtreeLuFlops = new double[ns];
        long nnz = 0;
        double ldlt = 0, lu = 0;
        for (int s = 0; s < ns; s++)
        {
            long k = Columns(s), m = FrontSize(s);
            nnz += k * m - k * (k - 1) / 2;
            double fl = 0, fu = 0;
            for (long t = 0; t < k; t++)
            {
                double r = m - t - 1;
                fl += 2 * r + r * (r + 1);
                fu += r + 2 * r * r;
            }
            SubtreeFirst[s] = s;
            SubtreeLdltFlops[s] += fl;
            SubtreeLuFlops[s] += fu;
            ldlt += fl; lu += fu;
            for (int c = ChildPointers[s]; c < ChildPointers[s + 1]; c++)
            {
                int ch = Children[c];
                SubtreeFirst[s] = Math.Min(SubtreeFirst[s], SubtreeFirst[ch]);
                SubtreeLdltFlops[s] += SubtreeLdltFlops[ch];
                SubtreeLuFlops[s] += SubtreeLuFlops[ch];
            }
        }
        NonZerosInFactor = nnz;
        LdltFlops = ldlt;
        LuFlops = lu;
    }
}
