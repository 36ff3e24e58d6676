namespace FokkerPlanck.Core.IO;

/// <summary>A float64 array read from a <c>.npy</c> file: flat C-order data and its shape.</summary>
/// <param name="Data">Values in C order (last axis fastest).</param>
/// <param name="Shape">Dimensions, outermost first; empty for a scalar.</param>
public sealed record NpyArray(double[] Data, int[] Shape)
{
    /// <summary>Number of dimensions.</summary>
    public int Rank => Shape.Length;

    /// <summary>Element <c>(row, column)</c> of a 2D array.</summary>
    /// <exception cref="InvalidOperationException">The array is not 2D.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public double this[int row, int column]
    {
        get
        {
            if (Shape.Length != 2)
                throw new InvalidOperationException($"Two indices need a 2D array; this one has rank {Shape.Length}.");
            if ((uint)row >= (uint)Shape[0])
                throw new ArgumentOutOfRangeException(nameof(row), row, $"Row must be in [0, {Shape[0]}).");
            if ((uint)column >= (uint)Shape[1])
                throw new ArgumentOutOfRangeException(nameof(column), column, $"Column must be in [0, {Shape[1]}).");
            return Data[row * Shape[1] + column];
        }
    }
}
