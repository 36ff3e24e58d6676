using System.Text.Json;
using System.Text.Json.Serialization;
using FokkerPlanck.Core.IO;
using FokkerPlanck.Core.Langevin.Propagation;

namespace FokkerPlanck.Core.Langevin;

/// <summary>
/// A validation run saved at a comparison time: the particles (positions, step, time and the
/// Leimkuhler–Matthews wall carry) and everything measured so far, so that a resumed run continues to
/// the same numbers as one that was never stopped (the noise is a function of seed, step and particle).
/// Two files: <see cref="StateFile"/> (NumPy, shape (4, n): x, y, carry bits, and the step first in the last
/// row) written first, then <see cref="MetaFile"/>, which names the step it belongs to; both atomically, so a
/// run killed between them leaves a pair that is refused rather than mixed.
/// </summary>
public sealed class EnsembleCheckpoint
{
    /// <summary>The particles.</summary>
    public const string StateFile = "checkpoint.npy";

    /// <summary>The settings fingerprint and the results so far.</summary>
    public const string MetaFile = "checkpoint.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        IncludeFields = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private EnsembleCheckpoint(string fingerprint, ParticleState state, EnsembleValidationResult result)
        => (Fingerprint, State, Result) = (fingerprint, state, result);

    /// <summary>The settings of the run that wrote it (a resumed run must have the same).</summary>
    public string Fingerprint { get; }

    /// <summary>The particles at the last comparison time.</summary>
    public ParticleState State { get; }

    /// <summary>What was measured up to it.</summary>
    public EnsembleValidationResult Result { get; }

    /// <summary>Saves <paramref name="state"/> and <paramref name="result"/> under <paramref name="dir"/>.</summary>
    public static void Save(string dir, string fingerprint, ulong seed, ParticleState state, EnsembleValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(result);
        int n = state.Count;
        var data = new double[4 * n];
        state.X.CopyTo(data, 0);
        state.Y.CopyTo(data, n);
        if (ReflectionCarry.Export(state, seed) is { } bits)
            for (int i = 0; i < n; i++) data[2 * n + i] = bits[i];
        data[3 * n] = state.NextStep;
        NpyWriter.Write(Path.Combine(dir, StateFile), data, 4, n);
        var meta = new Meta(fingerprint, state.NextStep, state.Time, n, result.Times, result.Loss, result.ParticleSteps, result.PropagationSeconds,
            result.TimeStep, result.MaxCurvature, result.Histogram is { } h ? new Histogram(h.Time, h.Counts, h.Masses) : null);
        AtomicFile.WriteAllText(Path.Combine(dir, MetaFile), JsonSerializer.Serialize(meta, Json));
    }

    /// <summary>The checkpoint under <paramref name="dir"/>, or null when there is none.</summary>
    /// <exception cref="InvalidDataException">The files are unreadable or do not belong together.</exception>
    public static EnsembleCheckpoint? Load(string dir, ulong seed)
    {
        string statePath = Path.Combine(dir, StateFile), metaPath = Path.Combine(dir, MetaFile);
        if (!File.Exists(metaPath) && !File.Exists(statePath)) return null;
        Meta meta;
        NpyArray array;
        try
        {
            meta = JsonSerializer.Deserialize<Meta>(File.ReadAllText(metaPath), Json) ?? throw new InvalidDataException("empty");
            array = NpyReader.Read(statePath);
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidDataException or NotSupportedException)
        {
            throw new InvalidDataException($"the checkpoint in {dir} cannot be read ({e.Message}); delete {StateFile} and {MetaFile} to start over.", e);
        }
        int n = meta.Particles;
        if (array.Shape is not [4, var columns] || columns != n || array.Data[3 * n] != meta.NextStep)
            throw new InvalidDataException($"{StateFile} and {MetaFile} in {dir} do not belong together (a run stopped between writing them); delete both to start over.");
        var state = new ParticleState(array.Data[..n], array.Data[n..(2 * n)]) { NextStep = meta.NextStep, Time = meta.Time };
        var bits = new byte[n];
        for (int i = 0; i < n; i++) bits[i] = (byte)array.Data[2 * n + i];
        ReflectionCarry.Import(state, seed, bits);
        var result = new EnsembleValidationResult
        {
            ParticleSteps = meta.ParticleSteps, PropagationSeconds = meta.PropagationSeconds, TimeStep = meta.TimeStep, MaxCurvature = meta.MaxCurvature,
            Histogram = meta.Histogram is { } h ? (h.Time, h.Counts, h.Masses) : null,
        };
        result.Times.AddRange(meta.Times);
        result.Loss.AddRange(meta.Loss);
        return new EnsembleCheckpoint(meta.Fingerprint, state, result);
    }

    /// <summary>Removes the checkpoint files (a finished run needs none).</summary>
    public static void Delete(string dir)
    {
        File.Delete(Path.Combine(dir, MetaFile));
        File.Delete(Path.Combine(dir, StateFile));
    }

    private sealed record Histogram(double Time, long[] Counts, double[] Masses);

    private sealed record Meta(string Fingerprint, long NextStep, double Time, int Particles, List<ValidationTime> Times, List<LossPoint> Loss,
        long ParticleSteps, double PropagationSeconds, double TimeStep, double MaxCurvature, Histogram? Histogram);
}
