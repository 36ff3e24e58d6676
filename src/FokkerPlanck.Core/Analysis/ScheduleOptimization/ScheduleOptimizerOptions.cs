namespace FokkerPlanck.Core.Analysis.ScheduleOptimization;

/// <summary>Where a budgeted run starts from.</summary>
public enum StartKind
{
    /// <summary>The equilibrium at <see cref="ScheduleOptimizerOptions.InitialLr"/> (default: the hottest plateau of the scenario's range).</summary>
    Equilibrium,

    /// <summary>A density the caller gives (e.g. <c>--initial FILE.npy</c>).</summary>
    Given,
}

/// <summary>What the schedule optimizer searches (issue 19, item 3): a budget of SGD steps, the decay shapes, the grids.</summary>
public sealed record ScheduleOptimizerOptions
{
    /// <summary>
    /// The default shapes: every decay kind of the catalog that one duration fixes (<c>constant</c>: the drop,
    /// then the rest at η_c; <c>inverse</c> with τ tied to the duration, <see cref="BudgetSchedules.InverseRemainingGap"/>).
    /// <c>power</c> is left out: its exponent would be a third parameter.
    /// </summary>
    public static readonly string[] DefaultKinds = BudgetSchedules.SearchableKinds;

    /// <summary>
    /// Default plateau points of the coarse grid (log-spaced over the plateau range): over the default range 0.15–2.0 a
    /// ratio of 1.54 between neighbours, fine enough to start the local search in the optimum's basin.
    /// </summary>
    public const int DefaultPlateauPoints = 7;

    /// <summary>Default decay-fraction points of the coarse grid (log-spaced over [<see cref="MinimumDecayFraction"/>, 1]: 0.01, 0.032, 0.1, 0.32, 1, so WSD's 10 % and cosine over the whole budget lie on it).</summary>
    public const int DefaultFractionPoints = 5;

    /// <summary>The shortest decay searched, as a fraction of the budget after warm-up (1 %: shorter is a quench at the budget's end, which the <c>constant</c> shape covers).</summary>
    public const double MinimumDecayFraction = 0.01;

    /// <summary>Default <see cref="Tolerance"/>: an excess loss of 10⁻³ (the loss's units; the default scenario's barrier is ~0.5, its excess at η_c ~ T_c = 0.145).</summary>
    public const double DefaultTolerance = 1e-3;

    /// <summary>The total budget N of SGD steps (warm-up + stable + decay).</summary>
    public required int BudgetSteps { get; init; }

    /// <summary>Warm-up steps W (linear from η_c to η_h, the wsd default), part of the budget; 0: none.</summary>
    public int WarmupSteps { get; init; }

    /// <summary>Decay shapes searched (catalog kinds, see <see cref="BudgetSchedules.SearchableKinds"/>).</summary>
    public IReadOnlyList<string> Kinds { get; init; } = DefaultKinds;

    /// <summary>Plateau points of the coarse grid.</summary>
    public int PlateauPoints { get; init; } = DefaultPlateauPoints;

    /// <summary>Decay-fraction points of the coarse grid.</summary>
    public int FractionPoints { get; init; } = DefaultFractionPoints;

    /// <summary>Lowest plateau searched; null: the scenario's plateau range minimum.</summary>
    public double? PlateauMin { get; init; }

    /// <summary>Highest plateau searched; null: the scenario's plateau range maximum.</summary>
    public double? PlateauMax { get; init; }

    /// <summary>The start: the equilibrium at <see cref="InitialLr"/>, or a given density.</summary>
    public StartKind Start { get; init; } = StartKind.Equilibrium;

    /// <summary>LR whose equilibrium the runs start from (<see cref="StartKind.Equilibrium"/>); null: the top of the plateau range, a broad, hot start far from π(η_c).</summary>
    public double? InitialLr { get; init; }

    /// <summary>|excess loss| that "steps to tolerance" waits for (the second figure of merit).</summary>
    public double Tolerance { get; init; } = DefaultTolerance;

    /// <summary>What is minimized (default the signed final excess, as before this option existed).</summary>
    public BudgetGoal Goal { get; init; } = BudgetGoal.FinalExcess;

    /// <summary>
    /// Most objective evaluations of one shape's local search (Nelder–Mead in two coordinates). 24, two thirds of
    /// the default grid's 35 runs: the search starts one grid cell wide at the grid's best point, so it refines
    /// within about a cell; a limit reached is reported (<see cref="LocalSearchOutcome.EvaluationLimit"/>), the best run kept.
    /// </summary>
    public int LocalEvaluations { get; init; } = 24;

    /// <summary>Most objective evaluations of one recipe's plateau search (Nelder–Mead in one coordinate).</summary>
    public int RecipeEvaluations { get; init; } = 12;

    /// <summary>
    /// Nelder–Mead stops when the simplex's values agree to this fraction of the coarse grid's range of values
    /// (<see cref="BoundedSimplex.Minimize"/>). 10⁻³: finer than the grid resolves by far, and well above the runs'
    /// own error (at the default rtol 10⁻⁴ excess losses agree with rtol 10⁻⁸ runs to 4·10⁻⁵ relative,
    /// <see cref="Evolution.EvolutionOptions.DefaultRelativeTolerance"/>).
    /// </summary>
    public double SimplexTolerance { get; init; } = 1e-5;

    /// <summary>Output points of each run, equally spaced in steps (the excess-loss curve and the steps to tolerance, to N/points).</summary>
    public int OutputPoints { get; init; } = 200;

    /// <summary>Throws for settings that cannot work (the budget's size is checked against the fractions here too).</summary>
    /// <exception cref="ArgumentException">A setting is out of range (<see cref="ArgumentException.ParamName"/> names it) or a kind cannot be searched.</exception>
    public void Validate()
    {
        if (BudgetSteps <= 0) throw new ArgumentException($"the budget must be a positive number of SGD steps, got {BudgetSteps}.", nameof(BudgetSteps));
        if (WarmupSteps < 0 || WarmupSteps >= BudgetSteps)
            throw new ArgumentException($"the warm-up must be ≥ 0 and shorter than the budget ({BudgetSteps} steps), got {WarmupSteps}.", nameof(WarmupSteps));
        if ((BudgetSteps - WarmupSteps) * MinimumDecayFraction < 1)
            throw new ArgumentException($"a budget of {BudgetSteps} steps (warm-up {WarmupSteps}) is too small to hold a decay: the shortest decay searched, {MinimumDecayFraction:P0} of the steps after warm-up, must be at least one SGD step; give at least {(int)Math.Ceiling(1 / MinimumDecayFraction) + WarmupSteps} steps.", nameof(BudgetSteps));
        if (Kinds.Count == 0) throw new ArgumentException("no decay shapes to search; give at least one (e.g. linear).", nameof(Kinds));
        foreach (string k in Kinds)
        {
            try { BudgetSchedules.RequireSearchable(k); }
            catch (ArgumentException e) { throw new ArgumentException(ScheduleOptimizer.Problem(e), nameof(Kinds), e); }
        }
        if (PlateauPoints < 2 || FractionPoints < 2) throw new ArgumentException($"the coarse grid needs at least 2×2 points, got {PlateauPoints}×{FractionPoints}.", nameof(PlateauPoints));
        if (PlateauMin is { } lo && !(lo > 0)) throw new ArgumentException($"the lowest plateau must be positive, got {lo}.", nameof(PlateauMin));
        if (PlateauMax is { } hi && !(hi > 0 && double.IsFinite(hi))) throw new ArgumentException($"the highest plateau must be positive and finite, got {hi}.", nameof(PlateauMax));
        if (InitialLr is { } l && !(l > 0 && double.IsFinite(l))) throw new ArgumentException($"the initial LR must be positive and finite, got {l}.", nameof(InitialLr));
        if (!(Tolerance > 0 && double.IsFinite(Tolerance))) throw new ArgumentException($"the tolerance must be positive and finite, got {Tolerance}.", nameof(Tolerance));
        if (LocalEvaluations < 3 || RecipeEvaluations < 2) throw new ArgumentException("the local searches need at least 3 (a recipe's 2) evaluations.", nameof(LocalEvaluations));
        if (!(SimplexTolerance > 0 && SimplexTolerance < 1)) throw new ArgumentException($"the simplex tolerance must lie in (0, 1), got {SimplexTolerance}.", nameof(SimplexTolerance));
        if (OutputPoints < 2) throw new ArgumentException($"at least 2 output points, got {OutputPoints}.", nameof(OutputPoints));
    }
}
