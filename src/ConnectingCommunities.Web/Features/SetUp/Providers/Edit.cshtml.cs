using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.SetUp.Providers;

public sealed class ProviderForm
{
    public string? Name { get; set; }
    public string? OrganisationType { get; set; }
    public int? Version { get; set; }
    public string? Reason { get; set; }
}

public sealed class EditModel(ProviderHandler handler) : PageModel
{
    [BindProperty]
    public ProviderForm Form { get; set; } = new();

    public Guid? Id { get; private set; }

    public bool IsNew => Id is null;

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is { } providerId)
        {
            if (await handler.FindAsync(providerId, cancellationToken) is not { } provider)
            {
                return NotFound();
            }

            Form = new ProviderForm { Name = provider.Name, OrganisationType = provider.OrganisationType, Version = provider.Version };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        var input = new ProviderInput { Name = Form.Name, OrganisationType = Form.OrganisationType, Version = Form.Version, Reason = Form.Reason };
        var result = id is { } providerId
            ? await handler.UpdateAsync(providerId, input, cancellationToken)
            : await handler.CreateAsync(input, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResult(new FieldErrors(), result);
            return Page();
        }

        TempData["Success"] = $"{result.Value!.Name} saved";
        return Redirect("/setup/providers");
    }
}
