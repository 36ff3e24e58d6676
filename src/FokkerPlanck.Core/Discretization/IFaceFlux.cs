namespace FokkerPlanck.Core.Discretization;

/// <summary>
/// A two-point finite-volume flux for <c>J = −(p ∇U + T ∇p)</c> across one face, expressed through
/// its log-conductance <c>ℓ</c>.
/// </summary>
/// <remarks>
/// Every flux here has the detailed-balance form: the rate from cell i to its neighbour j (on cell
/// masses) is <c>k_ij = e^{ℓ + (U_i − U_j)/(2T)} / |V_i|</c>, so that
/// <c>k_ij e^{−U_i/T}|V_i| = k_ji e^{−U_j/T}|V_j|</c> holds exactly, and the symmetrized operator has
/// off-diagonal <c>e^{ℓ}/√(|V_i||V_j|)</c>, computed without ever forming <c>e^{±U/T}</c>.
/// </remarks>
public interface IFaceFlux
{
    /// <summary>Short name used in scenario files ("sg", "sqra").</summary>
    string Name { get; }

    /// <summary>Log-conductance of the face between cells i and j.</summary>
    /// <param name="f">Potential samples and geometry of the face.</param>
    /// <param name="temperature">T &gt; 0.</param>
    double LogConductance(in FaceSample f, double temperature);

    /// <summary>
    /// True when the conductance is proportional to T on every face (<c>ℓ(T) = ℓ(1) + ln T</c>): the
    /// assembly then evaluates ℓ once per face at T = 1 and adds ln T at every temperature
    /// (<see cref="GeneratorFamily"/> keeps the T = 1 values across refills).
    /// </summary>
    bool ConductanceProportionalToTemperature => false;
}
