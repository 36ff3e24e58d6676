namespace FokkerPlanck.Core.Analysis.Mpemba;

/// <summary>
/// The family of initial states reached at the end of a plateau at learning rate η_h, as log cell
/// masses on the grid of the final-LR operator (docs/physics.md §4: <c>p₀ = π_{T_h}</c>).
/// </summary>
public interface IPlateauStateFamily
{
    /// <summary>Writes <c>ln p_i</c> (normalized, <c>Σ p_i = 1</c>) for plateau learning rate <paramref name="lr"/>.</summary>
    void LogMasses(double lr, Span<double> destination);

    /// <summary>
    /// Writes the masses <c>p_i</c> themselves (those below the smallest double are zero), using
    /// <paramref name="scratch"/> (the grid's size) as work space; by default from <see cref="LogMasses"/>.
    /// </summary>
    void Masses(double lr, Span<double> scratch, Span<double> destination)
    {
        LogMasses(lr, scratch);
        for (int i = 0; i < destination.Length; i++) destination[i] = Math.Exp(scratch[i]);
    }
}
