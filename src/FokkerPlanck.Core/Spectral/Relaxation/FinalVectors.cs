using FokkerPlanck.Core.Discretization;

namespace FokkerPlanck.Core.Spectral.Relaxation;

/// <summary>
/// The right and left vectors of a spectrum once they are final, handed to
/// <see cref="SpectrumOptions.VectorsFinal"/> before the inertia count: the arrays are those the
/// <see cref="RelaxationSpectrum"/> will hold (read them, do not change them), unless the count finds a
/// missed eigenvalue and the solve is repeated, which hands over new ones.
/// </summary>
/// <param name="Operator">The operator.</param>
/// <param name="SymmetricModes">φ₁…φ_K, unit eigenvectors of the symmetrized operator (the spectrum's <see cref="RelaxationSpectrum.SymmetricModes"/>).</param>
/// <param name="LeftVectors">v₁…v_K (the spectrum's <see cref="RelaxationSpectrum.LeftVectors"/>).</param>
public sealed record FinalVectors(FokkerPlanckOperator Operator, double[][] SymmetricModes, double[][] LeftVectors)
{
    /// <summary>Whether <paramref name="spectrum"/> holds these very vectors (the solve was not repeated after they were handed over).</summary>
    public bool AreThoseOf(RelaxationSpectrum spectrum)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        return ReferenceEquals(spectrum.SymmetricModes, SymmetricModes) && ReferenceEquals(spectrum.LeftVectors, LeftVectors);
    }

    /// <summary>Right eigenvector k as a density (mass / cell volume) into <paramref name="destination"/>, as <see cref="RelaxationSpectrum.RightDensity"/>.</summary>
    public void RightDensity(int k, double[] destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (destination.Length != Operator.Size) throw new ArgumentException($"The destination has {destination.Length} cells, the operator {Operator.Size}.", nameof(destination));
        RelaxationSpectrum.RightValues(Operator, SymmetricModes[k], perVolume: true, destination);
    }
}
