using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Reference;
using ConnectingCommunities.Domain.Support;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Authorization;
using System.Security.Claims;

namespace ConnectingCommunities.Web.Features.Participants.Plan;

/// <summary>How barriers and plans are shown: tag colours, words and the choices forms offer.</summary>
public static class PlanDisplay
{
    public static IReadOnlyList<Choice> BarrierChoices { get; } =
        Barriers.All.Select(b => new Choice(b.Code, b.DisplayName, b.Hint.Length == 0 ? null : b.Hint)).ToList();

    public static IReadOnlyList<Choice> SeverityChoices { get; } =
        Enum.GetValues<BarrierSeverity>().Reverse().Select(s => new Choice(s.ToString(), s.DisplayName())).ToList();

    public static IReadOnlyList<Choice> YesNo { get; } = [new("true", "Yes"), new("false", "No")];

    /// <summary>The catalogue's actions by activity type, for a select with one group per type.</summary>
    public static IReadOnlyList<(ActivityType Type, IReadOnlyList<Choice> Actions)> ActionGroups { get; } =
        ActivityTypes.All.Select(t => (t, (IReadOnlyList<Choice>)ActionCatalogue.For(t).Select(a => new Choice(a.Code, a.DisplayName)).ToList())).ToList();

    public static IReadOnlyList<Choice> StatusChoices(IEnumerable<ActionStatus> statuses) =>
        statuses.Select(s => new Choice(s.ToString(), s.DisplayName(), StatusHint(s))).ToList();

    public static string SeverityTag(BarrierSeverity severity) => severity switch
    {
        BarrierSeverity.High => "govuk-tag govuk-tag--red",
        BarrierSeverity.Medium => "govuk-tag govuk-tag--orange",
        _ => "govuk-tag govuk-tag--blue",
    };

    public static string StatusTag(ActionStatus status) => status switch
    {
        ActionStatus.Identified => "govuk-tag govuk-tag--grey",
        ActionStatus.Agreed => "govuk-tag govuk-tag--blue",
        ActionStatus.Completed => "govuk-tag govuk-tag--green",
        _ => "govuk-tag govuk-tag--yellow",
    };

    public static string KindText(BarrierReviewKind kind) => kind switch
    {
        BarrierReviewKind.Identified => "Identified",
        BarrierReviewKind.Resolved => "Resolved",
        BarrierReviewKind.Reopened => "Identified again",
        _ => "Reviewed",
    };

    /// <summary>"1 day" or "12 days", for how long an action has been overdue.</summary>
    public static string Days(int days) => days == 1 ? "1 day" : $"{Formatting.Number(days)} days";

    /// <summary>Whether the signed-in user may change plans: the pages hide what they may not do.</summary>
    public static async Task<bool> CanChangeAsync(IAuthorizationService authorization, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        return (await authorization.AuthorizeAsync(user, Policies.CaseworkWrite)).Succeeded;
    }

    private static string? StatusHint(ActionStatus status) => status switch
    {
        ActionStatus.Identified => "Suggested but not yet agreed with the participant",
        ActionStatus.Agreed => "The participant has agreed to do it",
        ActionStatus.Completed => "Done",
        ActionStatus.NotDone => "Will not be done: say why",
        _ => null,
    };
}
