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
    /// <param name="early">The vector files started while the solver ran (<see cref="EarlyVectorFiles"/>): waited for, and written again only if they are not <paramref name="s"/>'s.</param>
    public static void Write(string dir, Scenario scenario, double eta, RelaxationSpectrum s, double? startupSeconds = null, EarlyVectorFiles? early = null)
    {
        var g = s.Operator.Grid;
        if (early is null || !early.WroteThoseOf(s)) WriteVectors(dir, new FinalVectors(s.Operator, s.SymmetricModes, s.LeftVectors));
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

    /// <summary>right_eigenvectors.npy (densities, made one mode at a time) and left_eigenvectors.npy, the two at once: each waits on its own flush to disk.</summary>
    internal static void WriteVectors(string dir, FinalVectors v)
    {
        int n = v.Operator.Size;
        Parallel.Invoke(Parallelism.Options,
            () => NpyWriter.WriteRows(Path.Combine(dir, "right_eigenvectors.npy"), v.SymmetricModes.Length, n, v.RightDensity),
            () => NpyWriter.WriteRows(Path.Combine(dir, "left_eigenvectors.npy"), v.LeftVectors));
    }
}

/// <summary>
/// A spectrum's vector files written as soon as the solver hands the vectors over
/// (<see cref="SpectrumOptions.VectorsFinal"/>), beside its inertia count; <see cref="SpectrumFiles.Write"/>
/// then waits for them instead of writing them again. Files are written atomically, so a write that a
/// repeated solve supersedes, or one cut short, never leaves half a file.
/// </summary>
public sealed class EarlyVectorFiles : IDisposable
{
    private readonly string _dir;
    private Task? _writing;
    private FinalVectors? _vectors;

    /// <param name="dir">The output folder (it exists).</param>
    public EarlyVectorFiles(string dir)
    {
        ArgumentException.ThrowIfNullOrEmpty(dir);
        _dir = dir;
    }

    /// <summary>Starts writing <paramref name="vectors"/> on the thread pool and returns: the solver's <see cref="SpectrumOptions.VectorsFinal"/>. A second call (a repeated solve) first waits for the first write.</summary>
    public void Begin(FinalVectors vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        _writing?.GetAwaiter().GetResult();
        _vectors = vectors;
        _writing = Task.Run(() => SpectrumFiles.WriteVectors(_dir, vectors));
    }

    /// <summary>Waits for the write (its failure is thrown here); whether the files hold <paramref name="s"/>'s vectors.</summary>
    public bool WroteThoseOf(RelaxationSpectrum s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (_writing is null) return false;
        _writing.GetAwaiter().GetResult();
        return _vectors!.AreThoseOf(s);
    }

    /// <summary>Waits for a write still running (when the solve failed after handing the vectors over); its failure was the caller's to see through <see cref="WroteThoseOf"/>.</summary>
    public void Dispose()
    {
        try { _writing?.Wait(); }
        catch (AggregateException) { /* reported by WroteThoseOf where the command got that far */ }
    }
}
