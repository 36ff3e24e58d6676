using FokkerPlanck.Core.Discretization;
using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.Landscapes;
using FokkerPlanck.Core.Spectral.Relaxation;
using FokkerPlanck.Core.Tests.TestSupport;

namespace FokkerPlanck.Core.Tests.Spectral.Relaxation;

/// <summary>
/// The left eigenvectors from the eigen solve's shared LDLᵀ (<see cref="SharedShiftLeftVectors"/>)
/// against the per-mode refinement with one LU of the backward generator per mode
/// (<see cref="LeftEigenvectorRefinement.Refine"/>, the method used before).
/// </summary>
public class SharedShiftLeftVectorsTests
{
    /// <summary>U = (y² − 1)² + 0.25y on [−2, 2]: π at the walls is below 1e-200 of its peak at T = 0.015.</summary>
    private static PotentialLandscape1D TiltedDoubleWell()
        => new(new ScalarField1D("(y^2-1)^2+0.25y", y => Math.Pow(y * y - 1, 2) + 0.25 * y, y => 4 * y * (y * y - 1) + 0.25));

    /// <summary>
    /// The cold double well's v₂ and v₄ stall on the shared shift (the two wells' ladders interleave:
    /// an unwanted mode of the light well lies about as near σ as they do) and are refined per mode;
    /// v₃, accurate where π is below 1e-200, is from the shared factorization. The valley's five are all
    /// shared, with the interior and the safe shift.
    /// </summary>
    public static TheoryData<string, string> Cases => new()
    {
        { "cold double well", "Left vectors v2, v4 refined per mode" },
        { "valley", "" },
        { "valley, safe shift", "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void SharedFactorization_AgreesWithPerModeRefinement(string name, string perModeMessage)
    {
        var (op, options) = name switch
        {
            "cold double well" => (FokkerPlanckOperator.Create(DiscreteLandscape.Sample(TensorGrid.OneDimensional(Axis.Uniform(-2, 2, 400)), TiltedDoubleWell()), 0.015), new SpectrumOptions { Modes = 4 }),
            "valley" => (Valley(), new SpectrumOptions { Modes = 6 }),
            _ => (Valley(), new SpectrumOptions { Modes = 6, CoarseStart = false }),
        };
        var s = new RelaxationSpectrumSolver().Solve(op, options);
        if (perModeMessage.Length > 0) Assert.Contains(perModeMessage, s.Messages, StringComparison.Ordinal);
        else Assert.False(s.Messages.Contains("refined per mode", StringComparison.Ordinal), s.Messages); // the shared path was taken
        Assert.All(s.LeftResiduals, r => Assert.True(r < 1e-12, $"left residual {r}"));
        int m = s.Count - 1;
        var perMode = Enumerable.Range(0, m).Select(_ => new double[op.Size]).ToArray();
        var r = LeftEigenvectorRefinement.Refine(op.Assemble(FokkerPlanckOperator.Form.Backward), null, s.Eigenvalues[1..], s.SymmetricModes[1..], op.LogEquilibrium, perMode);
        Assert.All(r, x => Assert.True(x < 1e-12, $"per-mode residual {x}"));
        int compared = 0;
        for (int k = 0; k < m; k++)
        {
            var shared = s.LeftVectors[k + 1];
            double peak = perMode[k].Max(Math.Abs);
            for (int i = 0; i < op.Size; i++)
            {
                // entries 1e-12 below the mode's peak are round-off for any double-precision method
                if (Math.Abs(perMode[k][i]) < 1e-12 * peak) continue;
                compared++;
                Assert.True(Math.Abs(shared[i] - perMode[k][i]) <= 1e-8 * Math.Abs(perMode[k][i]), $"{name}: v{k + 2}[{i}] = {shared[i]} vs {perMode[k][i]}");
            }
        }
        Assert.True(compared > op.Size, $"only {compared} entries compared");
    }

    [Fact]
    public void EquilibriumRangeBeyondTheScaling_FallsBackToPerModeRefinement()
    {
        // T = 0.005: ln(π_max/π_min) ≈ 9.5/0.005 = 1900 > 2·644, so √π would leave the normal range
        var op = FokkerPlanckOperator.Create(DiscreteLandscape.Sample(TensorGrid.OneDimensional(Axis.Uniform(-2, 2, 400)), TiltedDoubleWell()), 0.005);
        Assert.True(SharedShiftLeftVectors.ScalingUnderflows(op.LogEquilibrium));
        var s = new RelaxationSpectrumSolver().Solve(op, new SpectrumOptions { Modes = 3 });
        Assert.Contains("refined per mode", s.Messages, StringComparison.Ordinal);
        Assert.All(s.LeftResiduals, r => Assert.True(r < 1e-9, $"left residual {r}"));
    }

    private static FokkerPlanckOperator Valley()
        => FokkerPlanckOperator.Create(DiscreteLandscape.Sample(new TensorGrid(Axis.Uniform(-1, 1, 64), Axis.Uniform(-2.5, 2.5, 96)), TestLandscapes.PeerValley()), 0.25);
}
