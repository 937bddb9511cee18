using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Evaluation;

/// <summary>The evaluation's landing page: tables, models, Theory of Change, report and the extract.</summary>
[Authorize(Policy = Policies.Evaluation)]
public sealed class IndexModel(CurrentUser user) : PageModel
{
    public const string Path = "/evaluation";

    public bool IsCommissioner => user.IsCommissioner;

    public void OnGet()
    {
    }
}
