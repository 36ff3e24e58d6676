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
        AssertAgreesWithPerModeRefinement(name, op, s);
    }

    /// <summary>Every left vector against the per-mode refinement's, to <paramref name="tolerance"/> relative wherever the latter is above round-off.</summary>
    private static void AssertAgreesWithPerModeRefinement(string name, FokkerPlanckOperator op, RelaxationSpectrum s, double tolerance = 1e-8, int? minimumCompared = null)
    {
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
                Assert.True(Math.Abs(shared[i] - perMode[k][i]) <= tolerance * Math.Abs(perMode[k][i]), $"{name}: v{k + 2}[{i}] = {shared[i]} vs {perMode[k][i]}");
            }
        }
        Assert.True(compared > (minimumCompared ?? op.Size), $"only {compared} entries compared");
    }

    /// <summary>
    /// Where √π leaves the normal range (the walls, π below 1e-600 of its peak) the sweeps run with the
    /// eigen solve's LDLᵀ and the deep cells are solved apart (<see cref="DeepCellSolve"/>); v₂, whose two
    /// wells' ladders interleave with the shared shift's, stalls and is refined per mode, v₃ is shared.
    /// </summary>
    [Fact]
    public void EquilibriumRangeBeyondTheScaling_DeepCellsSolvedApart_AgreesWithPerModeRefinement()
    {
        // T = 0.005: ln(π_max/π_min) ≈ 9.5/0.005 = 1900 > 2·644, so √π would leave the normal range
        var op = FokkerPlanckOperator.Create(DiscreteLandscape.Sample(TensorGrid.OneDimensional(Axis.Uniform(-2, 2, 400)), TiltedDoubleWell()), 0.005);
        Assert.True(SharedShiftLeftVectors.ScalingUnderflows(op.LogEquilibrium));
        var s = new RelaxationSpectrumSolver().Solve(op, new SpectrumOptions { Modes = 3 });
        Assert.Contains("Left vectors v2 refined per mode (shared-shift residual", s.Messages, StringComparison.Ordinal);
        Assert.True(op.LogEquilibrium.ToArray().Min() - op.LogEquilibrium.ToArray().Max() < 2 * Math.Log(1e-300), "the walls' π is below 1e-600 of the peak");
        // the two agree to 2.4e-7 (measured) where π is 1e-110 of its peak and v₃ is 1e43: both
        // residuals are at round-off (1e-16), so the difference is the vector's own conditioning there
        // (the vectors span 1e-12 … 1e43 of their peaks: 273 of the 800 entries lie above round-off)
        AssertAgreesWithPerModeRefinement("beyond the scaling", op, s, tolerance: 1e-6, minimumCompared: 250);
    }

    /// <summary>
    /// A 2D valley–river landscape whose steep valley walls put π below 1e-1000 of its peak (too cold for
    /// the scaled solve) while the river is a single well: the eigen solve's LDLᵀ with the deep cells
    /// solved apart serves every mode, none is refined per mode.
    /// </summary>
    [Fact]
    public void TwoDimensionalSteepValley_DeepCellsSolvedApart_ServesEveryMode()
    {
        var g = new TensorGrid(Axis.Uniform(-0.5, 0.5, 40), Axis.Uniform(-1, 1, 60));
        var landscape = TestLandscapes.ValleyRiver(y => 0.5 * y * y, y => y, _ => 400.0, _ => 0.0);
        var op = FokkerPlanckOperator.Create(DiscreteLandscape.Sample(g, landscape), 0.01);
        Assert.True(SharedShiftLeftVectors.ScalingUnderflows(op.LogEquilibrium));
        var s = new RelaxationSpectrumSolver().Solve(op, new SpectrumOptions { Modes = 4 });
        Assert.DoesNotContain("refined per mode", s.Messages, StringComparison.Ordinal);
        Assert.All(s.LeftResiduals, r => Assert.True(r < 1e-12, $"left residual {r}; {s.Messages}"));
        AssertAgreesWithPerModeRefinement("steep valley", op, s);
    }

    /// <summary>
    /// The vectors are handed over (<see cref="SpectrumOptions.VectorsFinal"/>) once, before the inertia
    /// count, and they are the spectrum's own arrays, unchanged afterwards; where a column is refined per
    /// mode after the count, nothing is handed over.
    /// </summary>
    [Theory]
    [InlineData("valley", true)]
    [InlineData("cold double well", false)]
    public void VectorsFinal_HandsOverTheSpectrumsOwnVectors_BeforeTheInertiaCount(string name, bool handedOver)
    {
        var events = new List<string>();
        var handed = new List<(FinalVectors Vectors, double[][] Copy)>();
        var (op, modes) = name == "valley" ? (Valley(), 6)
            : (FokkerPlanckOperator.Create(DiscreteLandscape.Sample(TensorGrid.OneDimensional(Axis.Uniform(-2, 2, 400)), TiltedDoubleWell()), 0.015), 4);
        var options = new SpectrumOptions
        {
            Modes = modes,
            VectorsFinal = v => { events.Add("handed over"); handed.Add((v, [.. v.LeftVectors.Select(x => x.ToArray())])); },
        };
        var s = new RelaxationSpectrumSolver().Solve(op, options, new Recorder(events));
        Assert.Equal(handedOver ? 1 : 0, handed.Count);
        if (!handedOver) return;
        Assert.True(events.IndexOf("handed over") < events.IndexOf("verification"), string.Join(", ", events));
        var (vectors, copy) = handed[0];
        Assert.True(vectors.AreThoseOf(s));
        Assert.Same(op, vectors.Operator);
        for (int k = 0; k < s.Count; k++) Assert.Equal(copy[k], s.LeftVectors[k]);
        var density = new double[op.Size];
        for (int k = 0; k < s.Count; k++)
        {
            vectors.RightDensity(k, density);
            Assert.Equal(s.RightDensity(k), density);
        }
    }

    private sealed class Recorder(List<string> events) : IProgress<(string Stage, double Fraction)>
    {
        public void Report((string Stage, double Fraction) value) => events.Add(value.Stage);
    }

    private static FokkerPlanckOperator Valley()
        => FokkerPlanckOperator.Create(DiscreteLandscape.Sample(new TensorGrid(Axis.Uniform(-1, 1, 64), Axis.Uniform(-2.5, 2.5, 96)), TestLandscapes.PeerValley()), 0.25);
}
