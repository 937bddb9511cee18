using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.SetUp.Users;

public sealed class UserChangeForm
{
    public string? DisplayName { get; set; }
    public string? Role { get; set; }
    public List<string> Lots { get; set; } = [];
    public string? IsActive { get; set; }
    public string? Version { get; set; }
    public string? Reason { get; set; }
}

public sealed class DetailsModel(UserHandler handler) : PageModel
{
    /// <summary>TempData keys: the password is read once, on the page the redirect lands on.</summary>
    public const string TemporaryPasswordKey = "TemporaryPassword";
    public const string TemporaryPasswordHeadingKey = "TemporaryPasswordHeading";

    [BindProperty]
    public UserChangeForm Form { get; set; } = new();

    public UserView Details { get; private set; } = null!;

    public IReadOnlyList<Choice> RoleChoices => UserChoices.Roles;

    public IReadOnlyList<Choice> YesNo => UserChoices.YesNo;

    public IReadOnlyList<Choice> LotChoices { get; private set; } = [];

    public string? TemporaryPassword { get; private set; }

    public string? TemporaryPasswordHeading { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        TemporaryPassword = TempData[TemporaryPasswordKey] as string;
        TemporaryPasswordHeading = TempData[TemporaryPasswordHeadingKey] as string;
        Form = new UserChangeForm
        {
            DisplayName = Details.DisplayName,
            Role = Details.Role?.Value(),
            Lots = [.. Details.Lots],
            IsActive = Details.IsActive ? "true" : "false",
            Version = Details.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var input = new UserChangeInput
        {
            DisplayName = Form.DisplayName,
            Role = Form.Role,
            Lots = Form.Lots,
            IsActive = FormParsing.YesNo(Form.IsActive, "isActive", "the user can sign in", errors),
            Version = Form.Version,
            Reason = Form.Reason,
        };
        var result = await handler.UpdateAsync(id, input, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResult(errors, result);
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        TempData["Success"] = $"{result.Value!.DisplayName} saved";
        return Redirect($"/setup/users/{id}");
    }

    public async Task<IActionResult> OnPostUnlockAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await handler.UnlockAsync(id, cancellationToken: cancellationToken);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        TempData["Success"] = $"{result.Value!.DisplayName}'s account is unlocked";
        return Redirect($"/setup/users/{id}");
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await handler.ResetPasswordAsync(id, cancellationToken: cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResult(new FieldErrors(), result);
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        TempData[TemporaryPasswordKey] = result.Value!.TemporaryPassword;
        TempData[TemporaryPasswordHeadingKey] = $"{result.Value.DisplayName}'s password is reset";
        return Redirect($"/setup/users/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.FindAsync(id, cancellationToken) is not { } user)
        {
            return false;
        }

        Details = user;
        LotChoices = await UserChoices.LotsAsync(handler, cancellationToken);
        return true;
    }
}
