using FokkerPlanck.Validation.Reporting;
namespace FokkerPlanck.Validation.Cases;
internal sealed class DenseReferenceCase : IValidationCase
{
    public string Name => "DenseReferenceCase";
    public string Title => "";
    public string Description => "";
    public CaseResult Run(string outputDirectory) => throw new InvalidOperationException("todo");
}
