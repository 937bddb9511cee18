using System.Globalization;
using System.Security.Cryptography;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;

namespace ConnectingCommunities.Web.Features.HelpRequests;

/// <summary>
/// Spam protection for the public form that needs no JavaScript: a honeypot field that people
/// never see, and the time the form was shown, protected in a hidden field so that it cannot be
/// forged. A form sent back with the honeypot filled, or faster than a person can fill it in,
/// was sent by a program.
/// </summary>
public sealed class HelpRequestFormGuard(IDataProtectionProvider protection, TimeProvider clock, SecurityOptions security)
{
    /// <summary>The honeypot's name: one a browser's autofill does not recognise, so people's browsers leave it empty.</summary>
    public const string HoneypotField = "organisationWebsite";

    public const string StartedField = "formStarted";

    /// <summary>A form older than this is refused as stale; the person sees the form again and sends it once more.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private readonly IDataProtector protector = protection.CreateProtector("ConnectingCommunities.HelpRequests.FormStarted");

    /// <summary>The hidden field's value for a form shown now.</summary>
    public string Issue() =>
        protector.Protect(clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    /// <summary>Whether the form was sent back by a person: honeypot empty, a genuine start time, not too fast, not stale.</summary>
    public bool LooksHuman(string? honeypot, string? started)
    {
        if (!string.IsNullOrEmpty(honeypot) || string.IsNullOrEmpty(started))
        {
            return false;
        }

        long milliseconds;
        try
        {
            var text = protector.Unprotect(started);
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out milliseconds))
            {
                return false;
            }
        }
        catch (CryptographicException)
        {
            return false;
        }

        var elapsed = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        return elapsed >= TimeSpan.FromSeconds(Math.Max(0, security.HelpRequestMinimumSeconds)) && elapsed <= Lifetime;
    }
}
