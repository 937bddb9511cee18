using ConnectingCommunities.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace ConnectingCommunities.Web.Features.Account;

public sealed record TokenRequest(string? Email, string? Password, string? TwoFactorCode);

public static class AuthApi
{
    public static void MapAuthApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", async (TokenRequest request, SignInHandler handler, SignInManager<AppUser> signIn) =>
            {
                var (outcome, user) = await handler.CheckPasswordAsync(request.Email, request.Password);
                switch (outcome)
                {
                    case SignInOutcome.LockedOut:
                        return Results.Problem(title: "Account locked", detail: SignInHandler.LockedOutMessage, statusCode: StatusCodes.Status401Unauthorized);
                    case SignInOutcome.Failed:
                        return Results.Problem(title: "Sign-in failed", detail: "The email address or password is not correct.", statusCode: StatusCodes.Status401Unauthorized);
                    case SignInOutcome.TwoFactorSetUpRequired:
                        return Results.Problem(title: "Two-factor authentication required",
                            detail: "Commissioners must set up two-factor authentication in the web service (Your account) before using the API.",
                            statusCode: StatusCodes.Status403Forbidden);
                    case SignInOutcome.TwoFactorRequired when !await handler.VerifyTwoFactorCodeAsync(user!, request.TwoFactorCode):
                        return Results.ValidationProblem(
                            new Dictionary<string, string[]> { ["twoFactorCode"] = ["Enter the 6-digit code from your authenticator app"] },
                            title: "Two-factor code required", statusCode: StatusCodes.Status401Unauthorized);
                    default:
                        break;
                }

                var principal = await signIn.CreateUserPrincipalAsync(user!);
                // The bearer handler writes {"tokenType":"Bearer","accessToken","expiresIn","refreshToken"}.
                return Results.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
            })
            .AllowAnonymous()
            .RequireRateLimiting(WebApp.SignInRateLimit)
            .WithTags("Authentication")
            .WithSummary("Exchange an email address and password (and a two-factor code if set up) for a bearer token")
            .Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
    }
}
