using FokkerPlanck.Reporting.Validation;

namespace FokkerPlanck.Validation;

/// <summary>
/// One literate validation case: a problem with an oracle that does not depend on our own code, a
/// stated tolerance, and a table of measured results (style.md §5 "the examples are the validation
/// suite", §10 conventions 19–22).
/// </summary>
internal interface IValidationCase
{
    /// <summary>Short identifier used by <c>--case</c> and as the output sub-folder, e.g. <c>free-diffusion</c>.</summary>
    string Name { get; }

    /// <summary>Human-readable title for the report.</summary>
    string Title { get; }

    /// <summary>Which kind of evidence the case gives (exact spectra, convergence order, dense vs sparse, time stepper vs exact OU, Langevin vs FP, 1D vs 2D), for the report's table.</summary>
    string Kind { get; }

    /// <summary>What the case is checked against, in a few words, for the report's table.</summary>
    string Oracle { get; }

    /// <summary>Markdown paragraph: equation, parameters, reference, oracle and tolerance.</summary>
    string Description { get; }

    /// <summary>Runs the case, writing plots and CSVs under <paramref name="outputDirectory"/> (which exists).</summary>
    CaseResult Run(string outputDirectory);
}
