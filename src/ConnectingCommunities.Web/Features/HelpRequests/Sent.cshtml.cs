using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.HelpRequests;

/// <summary>The confirmation after a request was saved: its reference and what happens next.</summary>
public sealed class SentModel : PageModel
{
    public string Reference { get; private set; } = "";

    public string LotName { get; private set; } = "";

    /// <summary>"by email", "by phone" or "by text message", as the resident chose.</summary>
    public string How { get; private set; } = "";

    public IActionResult OnGet()
    {
        // Peeked rather than read, so that reloading the confirmation still shows it.
        if (TempData.Peek(GetHelpModel.ReferenceKey) is not string reference || TempData.Peek(GetHelpModel.LotNameKey) is not string lot)
        {
            return Redirect("/get-help");
        }

        Reference = reference;
        LotName = lot;
        How = (TempData.Peek(GetHelpModel.PreferenceKey) as string) switch
        {
            nameof(ContactPreference.Email) => "by email",
            nameof(ContactPreference.Telephone) => "by phone",
            nameof(ContactPreference.TextMessage) => "by text message",
            _ => "",
        };
        return Page();
    }
}
