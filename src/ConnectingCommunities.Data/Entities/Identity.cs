using Microsoft.AspNetCore.Identity;

namespace ConnectingCommunities.Data.Entities;

public static class Roles
{
    public const string Commissioner = nameof(Commissioner);
    public const string ProviderManager = nameof(ProviderManager);
    public const string Advisor = nameof(Advisor);
    public const string Evaluator = nameof(Evaluator);

    public static readonly IReadOnlyList<string> All = [Commissioner, ProviderManager, Advisor, Evaluator];

    /// <summary>Roles whose users see only the lots they are assigned to.</summary>
    public static bool IsLotScoped(string role) => role is ProviderManager or Advisor;

    public static string DisplayName(string role) => role switch
    {
        Commissioner => "Commissioner",
        ProviderManager => "Provider manager",
        Advisor => "Advisor",
        Evaluator => "Evaluator",
        _ => role,
    };
}

public sealed class AppUser : IdentityUser<Guid>
{
    public AppUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public string DisplayName { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public List<UserLot> Lots { get; } = [];
}

public sealed class UserLot
{
    public Guid UserId { get; set; }
    public Guid LotId { get; set; }
    public Lot? Lot { get; set; }
}
