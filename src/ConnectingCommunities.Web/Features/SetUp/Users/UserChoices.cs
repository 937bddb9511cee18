using ConnectingCommunities.Web.Infrastructure.Govuk;

namespace ConnectingCommunities.Web.Features.SetUp.Users;

/// <summary>The options the user pages offer, worded for the people choosing them.</summary>
public static class UserChoices
{
    public static IReadOnlyList<Choice> Roles { get; } =
    [
        new(UserRole.Commissioner.Value(), UserRole.Commissioner.DisplayName(),
            "Combined authority staff: every lot; sets up the programme, validates and pays claims, manages users"),
        new(UserRole.ProviderManager.Value(), UserRole.ProviderManager.DisplayName(),
            "Lead organisation staff: everything in their lots; assigns caseloads and submits claims"),
        new(UserRole.Advisor.Value(), UserRole.Advisor.DisplayName(),
            "Provider staff: the participants of their lots"),
        new(UserRole.Evaluator.Value(), UserRole.Evaluator.DisplayName(),
            "Evaluation team: pseudonymised and aggregated data only"),
    ];

    public static IReadOnlyList<Choice> YesNo { get; } = [new("true", "Yes"), new("false", "No")];

    public static async Task<IReadOnlyList<Choice>> LotsAsync(UserHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return (await handler.LotChoicesAsync(cancellationToken)).Select(l => new Choice(l.Code, $"{l.Name} ({l.Code})")).ToList();
    }
}
