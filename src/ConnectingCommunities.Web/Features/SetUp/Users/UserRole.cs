using ConnectingCommunities.Data.Entities;

namespace ConnectingCommunities.Web.Features.SetUp.Users;

/// <summary>
/// The four roles as the API writes them ("Commissioner", "ProviderManager", ...). Each maps to
/// one ASP.NET Core Identity role in <see cref="Roles"/>.
/// </summary>
public enum UserRole
{
    Commissioner,
    ProviderManager,
    Advisor,
    Evaluator,
}

public static class UserRoles
{
    /// <summary>The values the API accepts, in the words of the error message.</summary>
    public const string Allowed = "Commissioner, ProviderManager, Advisor or Evaluator";

    public static IReadOnlyList<UserRole> All { get; } = Enum.GetValues<UserRole>();

    /// <summary>The Identity role name, such as "ProviderManager".</summary>
    public static string IdentityName(this UserRole role) => role switch
    {
        UserRole.Commissioner => Roles.Commissioner,
        UserRole.ProviderManager => Roles.ProviderManager,
        UserRole.Advisor => Roles.Advisor,
        UserRole.Evaluator => Roles.Evaluator,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a role"),
    };

    public static UserRole? FromIdentityName(string? name) => name switch
    {
        Roles.Commissioner => UserRole.Commissioner,
        Roles.ProviderManager => UserRole.ProviderManager,
        Roles.Advisor => UserRole.Advisor,
        Roles.Evaluator => UserRole.Evaluator,
        _ => null,
    };

    /// <summary>The JSON spelling, such as "ProviderManager", which the page's radios use too.</summary>
    public static string Value(this UserRole role) => role.ToString();

    public static string DisplayName(this UserRole role) => Roles.DisplayName(role.IdentityName());

    /// <summary>Advisors and provider managers work in one or more lots and see only those.</summary>
    public static bool IsLotScoped(this UserRole role) => Roles.IsLotScoped(role.IdentityName());

    /// <summary>Reads "providerManager", "ProviderManager" or "provider manager" alike.</summary>
    public static UserRole? Parse(string? text)
    {
        var compact = new string((text ?? "").Where(c => !char.IsWhiteSpace(c) && c != '_' && c != '-').ToArray());
        return Enum.TryParse<UserRole>(compact, ignoreCase: true, out var role) && Enum.IsDefined(role) && !compact.Any(char.IsDigit)
            ? role
            : null;
    }
}
