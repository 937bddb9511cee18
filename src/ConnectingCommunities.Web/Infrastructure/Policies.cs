using ConnectingCommunities.Data.Entities;
using Microsoft.AspNetCore.Authorization;

namespace ConnectingCommunities.Web.Infrastructure;

public static class Policies
{
    /// <summary>Programme set-up: lots, providers, contracts, tariffs, targets, areas and users.</summary>
    public const string SetUp = nameof(SetUp);

    public const string SignedIn = nameof(SignedIn);

    /// <summary>Reading participants' records: advisors and managers of their lots, commissioners of all. Never evaluators.</summary>
    public const string Casework = nameof(Casework);

    /// <summary>Registering participants and recording their support: the provider's advisors and managers.</summary>
    public const string CaseworkWrite = nameof(CaseworkWrite);

    /// <summary>Managing a lot's caseload: reassigning, overriding eligibility. Provider managers only.</summary>
    public const string CaseloadManagement = nameof(CaseloadManagement);

    /// <summary>Reading claims and payments: provider managers of their lots, commissioners of all.</summary>
    public const string Claims = nameof(Claims);

    /// <summary>Making and submitting a lot's claims: provider managers only.</summary>
    public const string ClaimMaking = nameof(ClaimMaking);

    /// <summary>Validating claims, deciding lines, making payment runs and recoveries: commissioners only.</summary>
    public const string ClaimValidation = nameof(ClaimValidation);

    /// <summary>Performance against profile: provider managers for their lots, commissioners for the programme.</summary>
    public const string Performance = nameof(Performance);

    /// <summary>The evaluation: aggregates, models and the pseudonymised extract. Evaluators and commissioners; never names.</summary>
    public const string Evaluation = nameof(Evaluation);

    /// <summary>Uploading and applying a lot's management-information imports: provider managers only.</summary>
    public const string Imports = nameof(Imports);

    /// <summary>Subject access and erasure: provider managers for their lots' participants, commissioners for all.</summary>
    public const string RecordsManagement = nameof(RecordsManagement);

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(SetUp, p => p.RequireAuthenticatedUser().RequireRole(Roles.Commissioner));
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Casework, p => p.RequireAuthenticatedUser().RequireRole(Roles.Advisor, Roles.ProviderManager, Roles.Commissioner));
        options.AddPolicy(CaseworkWrite, p => p.RequireAuthenticatedUser().RequireRole(Roles.Advisor, Roles.ProviderManager));
        options.AddPolicy(CaseloadManagement, p => p.RequireAuthenticatedUser().RequireRole(Roles.ProviderManager));
        options.AddPolicy(Claims, p => p.RequireAuthenticatedUser().RequireRole(Roles.ProviderManager, Roles.Commissioner));
        options.AddPolicy(ClaimMaking, p => p.RequireAuthenticatedUser().RequireRole(Roles.ProviderManager));
        options.AddPolicy(ClaimValidation, p => p.RequireAuthenticatedUser().RequireRole(Roles.Commissioner));
        options.AddPolicy(Performance, p => p.RequireAuthenticatedUser().RequireRole(Roles.ProviderManager, Roles.Commissioner));
        options.AddPolicy(Evaluation, p => p.RequireAuthenticatedUser().RequireRole(Roles.Evaluator, Roles.Commissioner));
        options.AddPolicy(Imports, p => p.RequireAuthenticatedUser().RequireRole(Roles.ProviderManager));
        options.AddPolicy(RecordsManagement, p => p.RequireAuthenticatedUser().RequireRole(Roles.ProviderManager, Roles.Commissioner));
    }
}
