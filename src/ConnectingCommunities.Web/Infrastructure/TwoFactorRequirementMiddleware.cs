using ConnectingCommunities.Data.Entities;

namespace ConnectingCommunities.Web.Infrastructure;

/// <summary>
/// When commissioners must use two-factor authentication, one who has not set it up yet can only
/// reach the set-up page and sign out; everything else sends them there.
/// </summary>
public sealed class TwoFactorRequirementMiddleware(RequestDelegate next, SecurityOptions security)
{
    public const string TwoFactorClaim = "cc:2fa";

    private static readonly string[] AllowedPaths =
        ["/account/two-factor", "/account/sign-out", "/error", "/accessibility", "/privacy", "/cookies"];

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (security.RequireTwoFactorForCommissioners
            && context.User.IsInRole(Roles.Commissioner)
            && !context.User.HasClaim(TwoFactorClaim, "true")
            && !AllowedPaths.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
            && !context.Request.Path.StartsWithSegments("/assets")
            && !context.Request.Path.StartsWithSegments("/lib")
            && !context.Request.Path.StartsWithSegments("/css")
            && !context.Request.Path.StartsWithSegments("/js"))
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return context.Response.WriteAsJsonAsync(new
                {
                    type = "https://tools.ietf.org/html/rfc9110#section-15.5.4",
                    title = "Two-factor authentication required",
                    status = 403,
                    detail = "Commissioners must set up two-factor authentication at /account/two-factor before using the service.",
                }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
            }

            context.Response.Redirect("/account/two-factor");
            return Task.CompletedTask;
        }

        return next(context);
    }
}
