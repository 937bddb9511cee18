using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Evaluation.Tables;

/// <summary>The list of descriptive tables, grouped.</summary>
public sealed class IndexModel(EvaluationTables tables) : PageModel
{
    public const string Path = "/evaluation/tables";

    public bool Suppressed { get; private set; }

    public IEnumerable<IGrouping<string, TableSummary>> Groups => EvaluationTables.All.GroupBy(t => t.Group);

    public void OnGet() => Suppressed = tables.MustSuppress(asEvaluator: false);
}
