using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.SetUp.Users;

public sealed class NewUserForm
{
    public string? Email { get; set; }
    public string? DisplayName { get; set; }
    public string? Role { get; set; }
    public List<string> Lots { get; set; } = [];
    public string? Password { get; set; }
    public string? Reason { get; set; }
}

public sealed class NewModel(UserHandler handler) : PageModel
{
    [BindProperty]
    public NewUserForm Form { get; set; } = new();

    public IReadOnlyList<Choice> RoleChoices => UserChoices.Roles;

    public IReadOnlyList<Choice> LotChoices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        LotChoices = await UserChoices.LotsAsync(handler, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // A password typed into the form is never written back into the page.
        ModelState.Remove(nameof(NewUserForm.Password));
        var result = await handler.CreateAsync(new NewUserInput
        {
            Email = Form.Email,
            DisplayName = Form.DisplayName,
            Role = Form.Role,
            Lots = Form.Lots,
            Password = Form.Password,
            Reason = Form.Reason,
        }, cancellationToken);

        if (!result.Succeeded)
        {
            ModelState.AddResult(new FieldErrors(), result);
            LotChoices = await UserChoices.LotsAsync(handler, cancellationToken);
            return Page();
        }

        var user = result.Value!;
        if (user.TemporaryPassword is { } password)
        {
            TempData[DetailsModel.TemporaryPasswordKey] = password;
            TempData[DetailsModel.TemporaryPasswordHeadingKey] = $"{user.DisplayName} added";
        }
        else
        {
            TempData["Success"] = $"{user.DisplayName} added";
        }

        return Redirect($"/setup/users/{user.Id}");
    }
}
