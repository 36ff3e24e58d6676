namespace FokkerPlanck.Core.LinearAlgebra.Factorization;

/// <summary>Argument checks shared by the factorizations' <c>Create</c> methods.</summary>
internal static class FactorizationInput
{
    /// <summary>Throws for a null or non-square matrix, or one whose pattern differs from <paramref name="symbolic"/>.</summary>
    public static void Validate(CsrMatrix a, SymbolicFactorization? symbolic)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.RowCount != a.ColumnCount)
            throw new ArgumentException($"Matrix must be square, got {a.RowCount}×{a.ColumnCount}.", nameof(a));
        if (symbolic != null && !symbolic.Matches(a))
            throw new ArgumentException("The matrix pattern differs from the one the symbolic factorization was built for.", nameof(symbolic));
    }

    /// <summary>Largest absolute stored value.</summary>
    public static double MaxAbs(CsrMatrix a)
    {
        double m = 0;
        foreach (double v in a.Values) m = Math.Max(m, Math.Abs(v));
        return m;
    }
}
