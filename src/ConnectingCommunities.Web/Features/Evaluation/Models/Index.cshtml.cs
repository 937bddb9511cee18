using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Evaluation.Models;

/// <summary>The three models, each with who is in it and what it explains.</summary>
public sealed class IndexModel : PageModel
{
    public static IReadOnlyList<ModelDefinition> Models => ModelDefinitions.All;

    public void OnGet()
    {
    }
}
