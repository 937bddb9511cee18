using ConnectingCommunities.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace ConnectingCommunities.Web.Infrastructure;

/// <summary>
/// Bearer tokens are self-contained, so on their own they outlive a deactivation or a role change.
/// Each API call with a token checks the user is still active and the token's security stamp is
/// current, as the cookie does every few minutes.
/// </summary>
public sealed class BearerTokenRevocationMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, SignInManager<AppUser> signIn)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(signIn);
        var bearer = context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        if (bearer && context.User.Identity?.IsAuthenticated == true)
        {
            var user = await signIn.ValidateSecurityStampAsync(context.User);
            if (user is null || !user.IsActive)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.Response.WriteAsJsonAsync(
                    new
                    {
                        type = "https://tools.ietf.org/html/rfc9110#section-15.5.2",
                        title = "Token no longer valid",
                        status = 401,
                        detail = "The account has been deactivated or its access changed since this token was issued. Request a new token.",
                    },
                    (System.Text.Json.JsonSerializerOptions?)null,
                    "application/problem+json");
                return;
            }
        }

        await next(context);
    }
}
