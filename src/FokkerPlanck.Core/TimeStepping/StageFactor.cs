using FokkerPlanck.Core.Discretization;
using FokkerPlanck.Core.LinearAlgebra;
using FokkerPlanck.Core.LinearAlgebra.Factorization;
using FokkerPlanck.Core.Spectral.Relaxation;

namespace FokkerPlanck.Core.TimeStepping;

/// <summary>
/// One factorization of a stage matrix <c>W = I − c·L_T</c> and its inverse: the LDLᵀ of the
/// symmetrized matrix where the equilibrium scaling allows it, else the LU of W
/// (<see cref="StageFactorization"/>). Refactorizations reuse the symbolic analysis and the storage.
/// </summary>
/// <remarks>
/// <para><b>Symmetric path.</b> Detailed balance gives <c>L_T = −S A_T S⁻¹</c> with
/// <c>S = diag(√π_T)</c> and A_T the symmetrized, positive semi-definite generator, so
/// <c>W = S (I + cA_T) S⁻¹</c> and <c>W⁻¹b = S (A_T − σI)⁻¹ S⁻¹ b / c</c> with <c>σ = −1/c</c>.
/// <c>A_T − σI</c> is symmetric positive definite and a Stieltjes matrix, so the LDLᵀ without
/// pivoting is stable (Higham, <i>Accuracy and Stability of Numerical Algorithms</i>, 2nd ed.,
/// §10.1) and its inverse is non-negative, as W's is. Its componentwise backward error does not
/// change under the diagonal scaling (Higham, Thms 9.3 and 8.5; the argument of
/// <see cref="SharedShiftLeftVectors"/>), so the scaled solve is a backward-stable solve with W
/// itself. The factor holds half the entries of the LU and costs about half its flops.</para>
/// <para><b>Range.</b> The scaling <c>s_k = √(π_k/max π)</c> is used only while its smallest entry
/// stays above <c>e^{−644}</c> (<see cref="SharedShiftLeftVectors.MinHalfLogScale"/>, clear of the
/// subnormal range); a colder stage matrix is factorized by LU.</para>
/// </remarks>
internal sealed class StageFactor : IDisposable
{
    private readonly GeneratorFamily _family;
    private readonly SymbolicFactorization _symbolic;
    private readonly StageFactorization _kind;
    private readonly double[] _scale;
    private readonly double[] _inverseScale;
    private readonly double[] _work;
    private CsrMatrix? _symmetric;
    private SparseLdlt? _ldlt;
    private SparseLu? _lu;

    public StageFactor(GeneratorFamily family, SymbolicFactorization symbolic, StageFactorization kind)
    {
        _family = family; _symbolic = symbolic; _kind = kind;
        _scale = new double[family.Size];
        _inverseScale = new double[family.Size];
        _work = new double[family.Size];
    }

    /// <summary>c of the current factor (NaN before the first).</summary>
    public double Coefficient { get; private set; } = double.NaN;

    /// <summary>T of the current factor (NaN before the first).</summary>
    public double Temperature { get; private set; } = double.NaN;

    /// <summary>Whether the current factor is the symmetric one.</summary>
    public bool IsSymmetric { get; private set; }

    /// <summary>Factorizes <c>I − cL_T</c>; <paramref name="forward"/> is <c>L_T</c> (used by the LU path).</summary>
    public void Factorize(double c, double temperature, CsrMatrix forward)
    {
        IsSymmetric = false;
        Coefficient = double.NaN;
        if (_kind == StageFactorization.Symmetric && _family.EquilibriumScaleInto(temperature, _scale) >= SharedShiftLeftVectors.MinHalfLogScale)
        {
            for (int i = 0; i < _scale.Length; i++) _inverseScale[i] = 1 / _scale[i];
            _symmetric ??= _family.CreateSymmetricMatrix();
            _family.AssembleInto(temperature, FokkerPlanckOperator.Form.SymmetricPositive, _symmetric);
            if (_ldlt is null) _ldlt = SparseLdlt.Create(_symmetric, _symbolic, -1 / c);
            else _ldlt.Refactor(_symmetric, -1 / c);
            IsSymmetric = true;
        }
        else
        {
            // W = −c(L − σI) with σ = 1/c
            if (_lu is null) _lu = SparseLu.Create(forward, _symbolic, 1 / c);
            else _lu.Refactor(forward, 1 / c);
        }
        Coefficient = c; Temperature = temperature;
    }

    /// <summary>x = W⁻¹ b (<paramref name="b"/> and <paramref name="x"/> may be the same span).</summary>
    public void Apply(ReadOnlySpan<double> b, Span<double> x)
    {
        if (double.IsNaN(Coefficient)) throw new InvalidOperationException("Factorize before solving.");
        var work = _work.AsSpan();
        if (IsSymmetric)
        {
            // W⁻¹b = S (A − σI)⁻¹ S⁻¹ b / c
            StageKernels.ScaledProduct(b, _inverseScale, 1 / Coefficient, work);
            _ldlt!.Solve(work, x);
            StageKernels.ScaledProduct(x, _scale, 1.0, x);
        }
        else
        {
            // W x = b  ⇔  (L − σI) x = −σ b
            b.CopyTo(work);
            VectorOps.Scale(work, -1 / Coefficient);
            _lu!.Solve(work, x);
        }
    }

    public void Dispose()
    {
        _ldlt?.Dispose();
        _lu?.Dispose();
    }
}
