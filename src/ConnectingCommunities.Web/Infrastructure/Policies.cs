using ConnectingCommunities.Data.Entities;
using Microsoft.AspNetCore.Authorization;

namespace ConnectingCommunities.Web.Infrastructure;

public static class Policies
{
    /// <summary>Programme set-up: lots, providers, contracts, tariffs, targets, areas and users.</summary>
    public const string SetUp = nameof(SetUp);

    public const string SignedIn = nameof(SignedIn);

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(SetUp, p => p.RequireAuthenticatedUser().RequireRole(Roles.Commissioner));
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
    }
}
