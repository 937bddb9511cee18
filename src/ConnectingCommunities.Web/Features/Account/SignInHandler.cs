using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace ConnectingCommunities.Web.Features.Account;

public enum SignInOutcome
{
    Succeeded,
    Failed,
    LockedOut,
    TwoFactorRequired,
    TwoFactorSetUpRequired,
}

/// <summary>Checks credentials for the sign-in page and the token endpoint alike, with lockout.</summary>
public sealed class SignInHandler(UserManager<AppUser> users, SignInManager<AppUser> signIn, SecurityOptions security)
{
    public const string FailedMessage = "Enter a correct email address and password";
    public const string LockedOutMessage = "This account is locked after too many failed attempts. Try again in 15 minutes";

    public async Task<(SignInOutcome Outcome, AppUser? User)> CheckPasswordAsync(string? email, string? password)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return (SignInOutcome.Failed, null);
        }

        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || !user.IsActive)
        {
            return (SignInOutcome.Failed, null);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return (SignInOutcome.LockedOut, user);
        }

        if (!result.Succeeded)
        {
            return (SignInOutcome.Failed, user);
        }

        if (user.TwoFactorEnabled)
        {
            return (SignInOutcome.TwoFactorRequired, user);
        }

        if (security.RequireTwoFactorForCommissioners && await users.IsInRoleAsync(user, Roles.Commissioner))
        {
            return (SignInOutcome.TwoFactorSetUpRequired, user);
        }

        return (SignInOutcome.Succeeded, user);
    }

    public async Task<bool> VerifyTwoFactorCodeAsync(AppUser user, string? code)
    {
        ArgumentNullException.ThrowIfNull(user);
        var cleaned = new string((code ?? "").Where(char.IsDigit).ToArray());
        if (cleaned.Length != 6)
        {
            return false;
        }

        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, cleaned);
        if (!valid)
        {
            await users.AccessFailedAsync(user);
        }
        else
        {
            await users.ResetAccessFailedCountAsync(user);
        }

        return valid;
    }
}
