namespace FokkerPlanck.Core.LinearAlgebra.Factorization;

/// <summary>
/// A numeric factorization met a pivot that is exactly zero or not finite (the matrix is
/// singular, or not suited to factorization without pivoting, or contains NaN/∞).
/// </summary>
public sealed class FactorizationException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public FactorizationException() : base("Zero or non-finite pivot.") { }

    /// <summary>Creates the exception with a message.</summary>
    public FactorizationException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public FactorizationException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception for the pivot of original column <paramref name="column"/>.</summary>
    /// <param name="message">Description of the failure.</param>
    /// <param name="column">Column of the original (unpermuted) matrix whose pivot failed.</param>
    /// <param name="pivot">The offending pivot value (0, NaN or ±∞).</param>
    public FactorizationException(string message, int column, double pivot) : base(message)
    {
        Column = column;
        Pivot = pivot;
    }

    /// <summary>Column of the original matrix whose pivot failed; −1 when unknown.</summary>
    public int Column { get; } = -1;

    /// <summary>The offending pivot value.</summary>
    public double Pivot { get; } = double.NaN;
}
