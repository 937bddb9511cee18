using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ConnectingCommunities.Web.Features.Account;

[EnableRateLimiting(WebApp.SignInRateLimit)]
public sealed class SignInModel(SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(Email))
        {
            errors.Add("email", "Enter your email address");
        }

        if (string.IsNullOrEmpty(Password))
        {
            errors.Add("password", "Enter your password");
        }

        if (!errors.Any)
        {
            var user = await users.FindByEmailAsync(Email!.Trim());
            if (user is null || !user.IsActive)
            {
                errors.Add("email", SignInHandler.FailedMessage);
            }
            else
            {
                var result = await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: true);
                if (result.RequiresTwoFactor)
                {
                    return RedirectToPage("/Account/SignInTwoFactor", new { returnUrl = SafeReturnUrl });
                }

                if (result.Succeeded)
                {
                    return LocalRedirect(SafeReturnUrl);
                }

                errors.Add("email", result.IsLockedOut ? SignInHandler.LockedOutMessage : SignInHandler.FailedMessage);
            }
        }

        ModelState.Clear();
        ModelState.AddErrors(errors);
        Password = null;
        return Page();
    }

    private string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
