using FokkerPlanck.Core.Discretization;
using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.Landscapes;
using FokkerPlanck.Core.Spectral;
using FokkerPlanck.Core.Spectral.Relaxation;

namespace FokkerPlanck.Validation.Support;

/// <summary>Thin wrappers that build an operator and compute its slowest relaxation rates.</summary>
internal static class Spectra
{
    /// <summary>The sparse production path: shift-invert Lanczos with inertia verification.</summary>
    /// <exception cref="InvalidOperationException">The solver did not converge or missed an eigenvalue (a validation failure, not an input error).</exception>
    public static RelaxationSpectrum Sparse(TensorGrid grid, ILandscape landscape, double temperature, int modes, IFaceFlux? flux = null, double tolerance = EigenOptions.DefaultTolerance)
    {
        var op = FokkerPlanckOperator.Create(DiscreteLandscape.Sample(grid, landscape), temperature, flux);
        var s = new RelaxationSpectrumSolver().Solve(op, new SpectrumOptions { Modes = modes, Tolerance = tolerance });
        if (s.Status != EigenStatus.Converged) throw new InvalidOperationException($"Spectrum on {grid} did not converge: {s.Status}. {s.Messages}");
        if (s.MissedEigenvalues is int m && m != 0) throw new InvalidOperationException($"Spectrum on {grid}: the inertia count reports {m} missed eigenvalue(s).");
        return s;
    }

    /// <summary>Relaxation rates λ₁ … λ_modes of the sparse path.</summary>
    public static double[] SparseRates(TensorGrid grid, ILandscape landscape, double temperature, int modes, IFaceFlux? flux = null, double tolerance = EigenOptions.DefaultTolerance)
        => Sparse(grid, landscape, temperature, modes, flux, tolerance).Eigenvalues;
}
