using FokkerPlanck.Core.Analysis.Statistics;

namespace FokkerPlanck.Core.Langevin.Comparison;

/// <summary>What a <see cref="ParticleDensityComparer"/> compares besides the marginals and the loss.</summary>
public sealed record ParticleComparerOptions
{
    /// <summary><c>E_π[L]</c> of the final equilibrium (the zero of the excess loss); null: compare raw mean losses.</summary>
    public double? EquilibriumLoss { get; init; }

    /// <summary>Left eigenvectors <c>v_k</c> over the cells whose amplitudes are compared (e.g. v₂ … v_K at the final LR); none by default.</summary>
    public IReadOnlyList<double[]> LeftVectors { get; init; } = [];

    /// <summary>The mode number of the first of <see cref="LeftVectors"/> (2: the slowest relaxation mode, λ₁ = 0 being the equilibrium).</summary>
    public int FirstMode { get; init; } = 2;

    /// <summary>The level α of the tests and of the Holm-corrected verdict; the loss interval is at confidence 1 − α.</summary>
    public double Level { get; init; } = Significance.DefaultLevel;

    /// <summary>Throws for settings that cannot work on a grid of <paramref name="cells"/> cells.</summary>
    /// <exception cref="ArgumentException">A left vector has the wrong length, the level is out of (0, 1), or <see cref="EquilibriumLoss"/> is not finite.</exception>
    public void Validate(int cells)
    {
        Significance.CheckLevel(Level);
        ArgumentNullException.ThrowIfNull(LeftVectors);
        for (int k = 0; k < LeftVectors.Count; k++)
            if (LeftVectors[k] is null || LeftVectors[k].Length != cells)
                throw new ArgumentException($"left vector {k} has {LeftVectors[k]?.Length ?? 0} entries, the grid {cells} cells.");
        if (EquilibriumLoss is { } e && !double.IsFinite(e)) throw new ArgumentException($"E_π[L] must be finite, got {e}.");
    }
}
