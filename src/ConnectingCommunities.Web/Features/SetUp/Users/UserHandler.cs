using System.Net.Mail;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.SetUp.Users;

/// <summary>A user as commissioners see them. <see cref="Version"/> is Identity's concurrency stamp.</summary>
public sealed record UserView(
    Guid Id,
    string Email,
    string DisplayName,
    UserRole? Role,
    IReadOnlyList<string> Lots,
    bool IsActive,
    bool TwoFactorEnabled,
    DateTimeOffset? LockedOutUntil,
    string Version)
{
    /// <summary>Set only in the response that created it: it is never stored or shown again.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TemporaryPassword { get; init; }

    public bool IsLockedOut => LockedOutUntil is not null;
}

/// <summary>A new user, from the API's JSON or the page's form.</summary>
public sealed record NewUserInput
{
    public string? Email { get; init; }
    public string? DisplayName { get; init; }

    /// <summary>commissioner, providerManager, advisor or evaluator, in any case.</summary>
    public string? Role { get; init; }

    /// <summary>Lot codes: at least one for provider managers and advisors, none for anyone else.</summary>
    public IReadOnlyList<string>? Lots { get; init; }

    /// <summary>Optional: when absent a temporary password is generated and returned once.</summary>
    public string? Password { get; init; }

    public string? Reason { get; init; }
}

/// <summary>A change to a user's name, role, lots or whether they may sign in.</summary>
public sealed record UserChangeInput
{
    public string? DisplayName { get; init; }
    public string? Role { get; init; }
    public IReadOnlyList<string>? Lots { get; init; }
    public bool? IsActive { get; init; }

    /// <summary>The version read before editing; a stale version is refused as a conflict.</summary>
    public string? Version { get; init; }

    public string? Reason { get; init; }
}

/// <summary>
/// Users and their access, managed by commissioners. Every write goes through Identity's
/// UserManager, and a change touching several tables (user, role, lots) runs in one transaction.
/// </summary>
public sealed class UserHandler(CcDbContext db, UserManager<AppUser> users, CurrentUser currentUser, TimeProvider clock)
{
    public const int MaxEmailLength = 256;
    public const int MaxReasonLength = 1000;
    private const int TemporaryPasswordLength = 16;

    // No 0/O, 1/l/I: the password is read out or copied by hand.
    private const string PasswordAlphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task<Result<PagedList<UserView>>> ListAsync(string? role, int? page, int? pageSize, CancellationToken cancellationToken = default)
    {
        UserRole? filter = null;
        if (!string.IsNullOrWhiteSpace(role))
        {
            filter = UserRoles.Parse(role);
            if (filter is null)
            {
                return Result<PagedList<UserView>>.Invalid("role", $"There is no role called '{role.Trim()}'. Use {UserRoles.Allowed}");
            }
        }

        var (number, size) = Paging.Normalise(page, pageSize);
        var query = db.Users.AsNoTracking();
        if (filter is { } wanted)
        {
            var roleName = wanted.IdentityName();
            var roleIds = db.Roles.Where(r => r.Name == roleName).Select(r => r.Id);
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)));
        }

        var total = await query.CountAsync(cancellationToken);
        var found = await query
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Skip((number - 1) * size).Take(size)
            .ToListAsync(cancellationToken);
        var views = await ToViewsAsync(found, cancellationToken);
        return Result<PagedList<UserView>>.Ok(new PagedList<UserView>(views, total, number, size));
    }

    public async Task<UserView?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        return user is null ? null : (await ToViewsAsync([user], cancellationToken))[0];
    }

    /// <summary>Every lot, for the page's checkboxes: code and name, by name.</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> LotChoicesAsync(CancellationToken cancellationToken = default) =>
        (await db.Lots.OrderBy(l => l.Name).Select(l => new { l.Code, l.Name }).ToListAsync(cancellationToken))
            .Select(l => (l.Code, l.Name)).ToList();

    public async Task<Result<UserView>> CreateAsync(NewUserInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var email = input.Email?.Trim() ?? "";
        await ValidateEmailAsync(email, errors);
        Validation.RequiredText(input.DisplayName, "displayName", "full name", 200, errors);
        var role = ValidateRole(input.Role, errors);
        var lotIds = await ValidateLotsAsync(role, input.Lots, errors, cancellationToken);
        Validation.OptionalText(input.Reason, "reason", "reason", MaxReasonLength, errors);

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = input.DisplayName?.Trim() ?? "" };
        var generated = string.IsNullOrEmpty(input.Password);
        var password = generated ? await GeneratePasswordAsync(user) : input.Password!;
        if (!generated)
        {
            await ValidatePasswordAsync(user, password, errors);
        }

        if (errors.Any)
        {
            return Result<UserView>.Invalid(errors);
        }

        SetReason(input.Reason);
        user.Lots.AddRange(lotIds.Select(lotId => new UserLot { UserId = user.Id, LotId = lotId }));
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var outcome = await users.CreateAsync(user, password);
            if (outcome.Succeeded)
            {
                outcome = await users.AddToRoleAsync(user, role!.Value.IdentityName());
            }

            if (!outcome.Succeeded)
            {
                await transaction.RollbackAsync(cancellationToken);
                return Failure<UserView>(outcome);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var view = (await FindAsync(user.Id, cancellationToken))!;
        return Result<UserView>.Ok(generated ? view with { TemporaryPassword = password } : view);
    }

    public async Task<Result<UserView>> UpdateAsync(Guid id, UserChangeInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = await db.Users.Include(u => u.Lots).FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return Result<UserView>.NotFound();
        }

        if (!string.IsNullOrEmpty(input.Version) && input.Version != user.ConcurrencyStamp)
        {
            return Result<UserView>.Conflict("Someone else changed this user after you opened it. Reload it and make your change again.");
        }

        var errors = new FieldErrors();
        Validation.RequiredText(input.DisplayName, "displayName", "full name", 200, errors);
        var role = ValidateRole(input.Role, errors);
        var lotIds = await ValidateLotsAsync(role, input.Lots, errors, cancellationToken);
        if (input.IsActive is null)
        {
            errors.Add("isActive", "Select yes if the user can sign in");
        }

        Validation.OptionalText(input.Reason, "reason", "reason", MaxReasonLength, errors);
        ProtectOwnAccess(id, role, input.IsActive, errors);
        if (errors.Any)
        {
            return Result<UserView>.Invalid(errors);
        }

        SetReason(input.Reason);
        var roleName = role!.Value.IdentityName();
        var wasActive = user.IsActive;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var currentRoles = await users.GetRolesAsync(user);
            var roleChanged = currentRoles.Count != 1 || currentRoles[0] != roleName;
            user.DisplayName = input.DisplayName!.Trim();
            user.IsActive = input.IsActive!.Value;
            user.Lots.RemoveAll(l => !lotIds.Contains(l.LotId));
            user.Lots.AddRange(lotIds.Where(l => !user.Lots.Exists(existing => existing.LotId == l))
                .Select(l => new UserLot { UserId = user.Id, LotId = l }));

            var outcome = await users.UpdateAsync(user);
            if (outcome.Succeeded && roleChanged)
            {
                outcome = await ChangeRoleAsync(user, currentRoles, roleName);
            }

            // Roles are carried in sign-in cookies and tokens: a new security stamp makes the
            // cookie fail its next check, so a deactivated or demoted user is signed out.
            if (outcome.Succeeded && ((wasActive && !user.IsActive) || roleChanged))
            {
                outcome = await users.UpdateSecurityStampAsync(user);
            }

            if (!outcome.Succeeded)
            {
                await transaction.RollbackAsync(cancellationToken);
                return Failure<UserView>(outcome);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return Result<UserView>.Ok((await FindAsync(id, cancellationToken))!);
    }

    /// <summary>Ends a lockout after too many failed sign-ins and starts the count again.</summary>
    public async Task<Result<UserView>> UnlockAsync(Guid id, string? reason = null, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return Result<UserView>.NotFound();
        }

        SetReason(reason);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var outcome = await users.SetLockoutEndDateAsync(user, null);
            if (outcome.Succeeded)
            {
                outcome = await users.ResetAccessFailedCountAsync(user);
            }

            if (!outcome.Succeeded)
            {
                await transaction.RollbackAsync(cancellationToken);
                return Failure<UserView>(outcome);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return Result<UserView>.Ok((await FindAsync(id, cancellationToken))!);
    }

    /// <summary>
    /// Replaces the password with a generated one, returned once in <see cref="UserView.TemporaryPassword"/>.
    /// Identity renews the security stamp, so sessions signed in with the old password end.
    /// </summary>
    public async Task<Result<UserView>> ResetPasswordAsync(Guid id, string? reason = null, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return Result<UserView>.NotFound();
        }

        SetReason(reason);
        var password = await GeneratePasswordAsync(user);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var outcome = await users.ResetPasswordAsync(user, token, password);
        if (!outcome.Succeeded)
        {
            return Failure<UserView>(outcome);
        }

        var view = (await FindAsync(id, cancellationToken))!;
        return Result<UserView>.Ok(view with { TemporaryPassword = password });
    }

    private void SetReason(string? reason)
    {
        if (!string.IsNullOrWhiteSpace(reason))
        {
            currentUser.Reason = reason.Trim();
        }
    }

    private void ProtectOwnAccess(Guid id, UserRole? role, bool? isActive, FieldErrors errors)
    {
        if (currentUser.UserId != id)
        {
            return;
        }

        if (isActive == false)
        {
            errors.Add("isActive", "You cannot deactivate your own account: ask another commissioner to do it");
        }

        if (role is not null && role != UserRole.Commissioner)
        {
            errors.Add("role", "You cannot remove your own Commissioner role: ask another commissioner to do it");
        }
    }

    private async Task<IdentityResult> ChangeRoleAsync(AppUser user, IList<string> currentRoles, string roleName)
    {
        if (currentRoles.Count > 0)
        {
            var removed = await users.RemoveFromRolesAsync(user, currentRoles);
            if (!removed.Succeeded)
            {
                return removed;
            }
        }

        return await users.AddToRoleAsync(user, roleName);
    }

    private async Task ValidateEmailAsync(string email, FieldErrors errors)
    {
        if (email.Length == 0)
        {
            errors.Add("email", "Enter an email address");
            return;
        }

        if (email.Length > MaxEmailLength)
        {
            errors.Add("email", $"The email address must be {MaxEmailLength} characters or fewer");
            return;
        }

        var allowed = users.Options.User.AllowedUserNameCharacters;
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email
            || !address.Host.Contains('.', StringComparison.Ordinal)
            || (!string.IsNullOrEmpty(allowed) && email.Any(c => !allowed.Contains(c, StringComparison.Ordinal))))
        {
            errors.Add("email", "Enter an email address in the correct format, like name@example.com");
            return;
        }

        if (await users.FindByEmailAsync(email) is not null || await users.FindByNameAsync(email) is not null)
        {
            errors.Add("email", "A user with this email address already exists");
        }
    }

    private static UserRole? ValidateRole(string? text, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("role", $"Select a role: {UserRoles.Allowed}");
            return null;
        }

        var role = UserRoles.Parse(text);
        if (role is null)
        {
            errors.Add("role", $"There is no role called '{text.Trim()}'. Use {UserRoles.Allowed}");
        }

        return role;
    }

    /// <summary>The ids of the lots named, after checking the role may have them.</summary>
    private async Task<HashSet<Guid>> ValidateLotsAsync(UserRole? role, IReadOnlyList<string>? codes, FieldErrors errors, CancellationToken cancellationToken)
    {
        var wanted = (codes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(LotCode.Normalise).Distinct().ToList();
        var lots = await db.Lots.Where(l => wanted.Contains(l.Code)).Select(l => new { l.Id, l.Code }).ToListAsync(cancellationToken);
        var unknown = wanted.Except(lots.Select(l => l.Code)).ToList();
        if (unknown.Count > 0)
        {
            var all = await db.Lots.OrderBy(l => l.Code).Select(l => l.Code).ToListAsync(cancellationToken);
            errors.Add("lots", $"There is no lot with code {string.Join(", ", unknown)}. Use one of: {string.Join(", ", all)}");
        }
        else if (role is { } r && r.IsLotScoped() && wanted.Count == 0)
        {
            errors.Add("lots", $"Select at least one lot: {WithArticle(r)} sees only the participants of their lots");
        }
        else if (role is { } other && !other.IsLotScoped() && wanted.Count > 0)
        {
            errors.Add("lots", $"Do not select any lots: {WithArticle(other)} works across the whole programme");
        }

        return lots.Select(l => l.Id).ToHashSet();
    }

    private static string WithArticle(UserRole role)
    {
        var name = role.DisplayName().ToLowerInvariant();
        return ("aeiou".Contains(name[0], StringComparison.Ordinal) ? "an " : "a ") + name;
    }

    /// <summary>Identity's own password rules and messages, so the page says exactly what sign-in will enforce.</summary>
    private async Task ValidatePasswordAsync(AppUser user, string password, FieldErrors errors)
    {
        var messages = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            messages.AddRange(result.Errors.Select(e => e.Description));
        }

        if (messages.Count > 0)
        {
            errors.Add("password", string.Join(" ", messages.Distinct()));
        }
    }

    /// <summary>A random password that meets the configured policy, for the user to replace.</summary>
    private async Task<string> GeneratePasswordAsync(AppUser user)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var password = new string(RandomNumberGenerator.GetItems<char>(PasswordAlphabet, TemporaryPasswordLength));
            var errors = new FieldErrors();
            await ValidatePasswordAsync(user, password, errors);
            if (!errors.Any)
            {
                return password;
            }
        }

        throw new InvalidOperationException(
            "Could not generate a password that meets the password policy: check the Identity password options.");
    }

    private static Result<T> Failure<T>(IdentityResult outcome)
    {
        if (outcome.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            return Result<T>.Conflict("Someone else changed this user at the same time. Reload it and make your change again.");
        }

        var errors = new FieldErrors();
        foreach (var error in outcome.Errors)
        {
            var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password"
                : error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? "email"
                : error.Code.Contains("Role", StringComparison.Ordinal) ? "role"
                : "";
            errors.Add(field, error.Description);
        }

        return Result<T>.Invalid(errors);
    }

    private async Task<IReadOnlyList<UserView>> ToViewsAsync(IReadOnlyList<AppUser> found, CancellationToken cancellationToken)
    {
        var ids = found.Select(u => u.Id).ToList();
        var roles = await (
                from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                where ids.Contains(userRole.UserId)
                select new { userRole.UserId, role.Name })
            .ToListAsync(cancellationToken);
        var lots = await db.UserLots
            .Where(ul => ids.Contains(ul.UserId))
            .Select(ul => new { ul.UserId, ul.Lot!.Code })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return found.Select(u => new UserView(
                u.Id,
                u.Email ?? u.UserName ?? "",
                u.DisplayName,
                Roles.All.Where(r => roles.Exists(x => x.UserId == u.Id && x.Name == r)).Select(UserRoles.FromIdentityName).FirstOrDefault(),
                lots.Where(l => l.UserId == u.Id).Select(l => l.Code).Order(StringComparer.Ordinal).ToList(),
                u.IsActive,
                u.TwoFactorEnabled,
                u.LockoutEnd is { } end && end > now ? end : null,
                u.ConcurrencyStamp ?? ""))
            .ToList();
    }
}
