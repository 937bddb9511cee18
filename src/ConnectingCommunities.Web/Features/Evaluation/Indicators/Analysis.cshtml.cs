using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Evaluation.Indicators;

/// <summary>The change in the Theory of Change indicators between baseline and follow-up, overall and by cohort.</summary>
[Authorize(Policy = Policies.Evaluation)]
public sealed class AnalysisModel(IndicatorAnalysis analysis) : PageModel
{
    public IndicatorAnalysisResult Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await analysis.AnalyseAsync(suppressSmallGroups: User.IsInRole(Roles.Evaluator), cancellationToken);
}
