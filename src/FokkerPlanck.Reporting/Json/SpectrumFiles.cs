using System.Text.Json.Nodes;
using FokkerPlanck.Core.IO;
using FokkerPlanck.Core.Numerics;
using FokkerPlanck.Core.Scenarios;
using FokkerPlanck.Core.Spectral.Relaxation;

namespace FokkerPlanck.Reporting;

/// <summary>The files of a spectrum: spectrum.json and the right and left eigenvectors as NumPy arrays.</summary>
public static class SpectrumFiles
{
    /// <summary>spectrum.json (rates, residuals, status, stage timings, the vectors' layout) and the vectors as .npy.</summary>
    /// <param name="dir">The output folder.</param>
    /// <param name="scenario">The scenario.</param>
    /// <param name="eta">The learning rate.</param>
    /// <param name="s">The spectrum.</param>
    /// <param name="startupSeconds">Seconds from the process's start to the solver's first stage (<c>timings_seconds.startup</c>), when the caller measured them.</param>
    public static void Write(string dir, Scenario scenario, double eta, RelaxationSpectrum s, double? startupSeconds = null)
    {
        var g = s.Operator.Grid;
        var right = Enumerable.Range(0, s.Count).Select(s.RightDensity).ToArray();
        // the two large files at once: each waits on its own flush to disk
        Parallel.Invoke(Parallelism.Options,
            () => NpyWriter.WriteRows(Path.Combine(dir, "right_eigenvectors.npy"), right),
            () => NpyWriter.WriteRows(Path.Combine(dir, "left_eigenvectors.npy"), s.LeftVectors));
        NpyWriter.Write(Path.Combine(dir, "x_centres.npy"), g.X.Centres);
        NpyWriter.Write(Path.Combine(dir, "y_centres.npy"), g.Y.Centres);
        var t = s.Timings;
        JsonOutput.Write(Path.Combine(dir, "spectrum.json"), new JsonObject
        {
            ["scenario"] = scenario.Name,
            ["lr"] = eta,
            ["temperature"] = s.Temperature,
            ["kappa"] = scenario.Kappa,
            ["grid"] = new JsonObject { ["nx"] = g.Nx, ["ny"] = g.Ny, ["one_dimensional"] = g.IsOneDimensional },
            ["flux"] = s.Operator.Flux.Name,
            ["eigenvalues"] = JsonOutput.Numbers(s.Eigenvalues),
            ["residuals"] = JsonOutput.Numbers(s.Residuals),
            ["left_residuals"] = JsonOutput.Numbers(s.LeftResiduals),
            ["status"] = s.Status.ToString(),
            ["missed_eigenvalues"] = s.MissedEigenvalues,
            ["iterations"] = s.Iterations,
            ["solves"] = s.Solves,
            ["coarse_start_vectors"] = s.StartVectors,
            ["shift"] = s.Shift,
            ["messages"] = s.Messages,
            ["timings_seconds"] = new JsonObject
            {
                ["startup"] = startupSeconds,
                ["assembly"] = t.Assembly, ["ordering"] = t.Ordering, ["factorization"] = t.Factorization,
                ["coarse_start"] = t.CoarseStart, ["iteration"] = t.Iteration, ["verification"] = t.Verification, ["left_vectors"] = t.LeftVectors, ["total"] = t.Total,
            },
            ["vectors"] = new JsonObject
            {
                ["right"] = "right_eigenvectors.npy: shape (modes, nx*ny), densities u_k / cell area; cell index i + nx*j (reshape to (ny, nx))",
                ["left"] = "left_eigenvectors.npy: shape (modes, nx*ny), observables v_k",
                ["x_centres"] = "x_centres.npy", ["y_centres"] = "y_centres.npy",
                ["normalization"] = "<v_j, u_k> = delta_jk (sum over cells of v_j times the cell mass of u_k); E_pi[v_k^2] = 1",
                ["sign_rule"] = MpembaJson.SignRule,
            },
        });
    }
}
