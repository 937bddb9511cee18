using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ConnectingCommunities.Web.Features.HelpRequests;

/// <summary>
/// Limits how often one client address may send the public help form (showing it is never
/// limited). A person over the limit gets the form back, with what they typed, a 429 status and
/// a message to wait a minute, rather than a bare error page.
/// </summary>
public sealed class HelpRequestRateLimitPolicy(int sendsPerMinute) : IRateLimiterPolicy<string>
{
    /// <summary>Set on the request when the limit was reached, for the page to say so.</summary>
    public const string RateLimitedItem = "HelpRequests.RateLimited";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = ShowFormAgainAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!HttpMethods.IsPost(httpContext.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("showing the form");
        }

        var address = httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter("sent from " + address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, sendsPerMinute),
            Window = Window,
            QueueLimit = 0,
        });
    }

    /// <summary>
    /// Runs the form's page for the refused request, flagged as rate limited, so that it renders
    /// the GOV.UK page with the person's answers and nothing is saved.
    /// </summary>
    private static async ValueTask ShowFormAgainAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = ((int)Window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var endpoint = http.GetEndpoint();
        if (endpoint?.RequestDelegate is not { } page || endpoint.Metadata.GetMetadata<PageActionDescriptor>() is null)
        {
            return;
        }

        // Rate limiting runs before authentication, and the form's antiforgery token is tied to the
        // user who was shown it: identify them as the rest of the pipeline would have.
        var signedIn = await http.AuthenticateAsync();
        if (signedIn.Succeeded)
        {
            http.User = signedIn.Principal;
        }

        http.Items[RateLimitedItem] = true;
        await page(http);
        if (!http.Response.HasStarted)
        {
            // The page refused the request before rendering (an antiforgery failure): still too many requests.
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }
    }
}
