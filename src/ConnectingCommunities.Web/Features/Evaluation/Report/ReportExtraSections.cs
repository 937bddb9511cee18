namespace ConnectingCommunities.Web.Features.Evaluation.Report;

/// <summary>
/// The report's sections from the evaluation's tables (participants' characteristics and outcomes) and models
/// (the three logistic regressions), in the documents' order between performance and the Theory of Change.
/// </summary>
internal static class ReportExtraSections
{
    public static Task<IReadOnlyList<ReportSection>> BuildAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        _ = cancellationToken;
        return Task.FromResult<IReadOnlyList<ReportSection>>([]);
    }
}
