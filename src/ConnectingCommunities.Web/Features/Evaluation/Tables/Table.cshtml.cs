using ConnectingCommunities.Web.Infrastructure.Exports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Evaluation.Tables;

/// <summary>
/// One descriptive table. Evaluators see it suppressed; commissioners see it whole unless they ask for
/// the evaluator's view (?view=evaluator). Downloads (?format=csv|xlsx) are always suppressed: a file can be passed on.
/// </summary>
public sealed class TableModel(EvaluationTables tables) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "table")]
    public string? Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "view")]
    public string? View { get; set; }

    [BindProperty(SupportsGet = true, Name = "format")]
    public string? Format { get; set; }

    public EvaluationTable? Table { get; private set; }

    /// <summary>Whether the user could see the whole table (a commissioner).</summary>
    public bool CanSeeWhole { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is null || EvaluationTables.Find(Id) is null)
        {
            return NotFound();
        }

        CanSeeWhole = !tables.MustSuppress(asEvaluator: false);
        if (Format is not null)
        {
            if (!TableExport.IsFormat(Format))
            {
                return BadRequest();
            }

            var suppressed = await tables.GetAsync(Id, suppress: true, cancellationToken);
            var file = TableExport.File(EvaluationTableExport.ToExport(suppressed!), Format, suppressed!.Id);
            return File(file.Content, file.ContentType, file.FileName);
        }

        Table = await tables.GetAsync(Id, tables.MustSuppress(asEvaluator: View == "evaluator"), cancellationToken);
        return Page();
    }
}
