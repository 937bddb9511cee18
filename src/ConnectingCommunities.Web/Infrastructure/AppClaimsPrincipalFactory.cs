using System.Security.Claims;
using ConnectingCommunities.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ConnectingCommunities.Web.Infrastructure;

/// <summary>Adds the display name and whether two-factor authentication is on to the sign-in.</summary>
public sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(users, roles, options)
{
    public const string DisplayNameClaim = "cc:name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        identity.AddClaim(new Claim(TwoFactorRequirementMiddleware.TwoFactorClaim, user.TwoFactorEnabled ? "true" : "false"));
        return identity;
    }
}
