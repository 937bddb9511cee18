using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ConnectingCommunities.Web.Features.HelpRequests;

public sealed class HelpRequestForm
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? PreferredContact { get; set; }
    public string? Postcode { get; set; }
    public string? Message { get; set; }
}

/// <summary>
/// The public "Get help finding work" page: no sign-in, works without JavaScript. An in-area
/// request goes on the lot's triage list; an out-of-area resident is told at once and nothing is kept.
/// </summary>
[EnableRateLimiting(WebApp.HelpRequestRateLimit)]
public sealed partial class GetHelpModel(HelpRequestHandler handler, HelpRequestFormGuard guard, ILogger<GetHelpModel> logger) : PageModel
{
    public const string ReferenceKey = "HelpRequests.Reference";
    public const string LotNameKey = "HelpRequests.LotName";
    public const string PreferenceKey = "HelpRequests.Preference";

    [BindProperty]
    public HelpRequestForm Form { get; set; } = new();

    /// <summary>The protected time the form was shown, sent back in a hidden field.</summary>
    public string Started { get; private set; } = "";

    /// <summary>Set when the postcode is in no lot's area: the page says so instead of saving.</summary>
    public string? OutOfAreaPostcode { get; private set; }

    public IReadOnlyList<(string Name, string LocalAuthority)> Neighbourhoods { get; private set; } = [];

    public IReadOnlyList<Choice> Preferences { get; } =
    [
        new(nameof(ContactPreference.Email), "Email"),
        new(nameof(ContactPreference.Telephone), "Phone call"),
        new(nameof(ContactPreference.TextMessage), "Text message"),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (HttpContext.Items.ContainsKey(HelpRequestRateLimitPolicy.RateLimitedItem))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddErrors(new FieldErrors().Add("", "You have sent this form too many times in a short time. Your request has not been sent: wait a minute, then send it again."));
            return await ShowAsync(cancellationToken);
        }

        if (!guard.LooksHuman(Request.Form[HelpRequestFormGuard.HoneypotField], Request.Form[HelpRequestFormGuard.StartedField]))
        {
            // Said the same way whatever gave the program away, so that it learns nothing.
            LogAutomated(logger);
            ModelState.AddErrors(new FieldErrors().Add("", "Sorry, there was a problem sending your request. Check your details and send the form again."));
            return await ShowAsync(cancellationToken);
        }

        var result = await handler.SubmitAsync(new HelpRequestInput
        {
            FirstName = Form.FirstName,
            LastName = Form.LastName,
            Email = Form.Email,
            Phone = Form.Phone,
            PreferredContact = Form.PreferredContact,
            Postcode = Form.Postcode,
            Message = Form.Message,
        }, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResult(new FieldErrors(), result);
            return await ShowAsync(cancellationToken);
        }

        var submission = result.Value!;
        if (!submission.InArea)
        {
            OutOfAreaPostcode = submission.Postcode;
            return await ShowAsync(cancellationToken);
        }

        TempData[ReferenceKey] = submission.Reference;
        TempData[LotNameKey] = submission.LotName;
        TempData[PreferenceKey] = Form.PreferredContact;
        return Redirect("/get-help/sent");
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        // A fresh start time every time the form is shown, so that a person correcting a mistake is not refused.
        Started = guard.Issue();
        Neighbourhoods = await handler.NeighbourhoodsAsync(cancellationToken);
        return Page();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A help request was refused as automated (honeypot filled, sent too fast, or a missing or forged start time)")]
    private static partial void LogAutomated(ILogger logger);
}
