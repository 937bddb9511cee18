using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Web.Infrastructure.Govuk;

namespace ConnectingCommunities.Web.Features.Claims;

/// <summary>Words and GOV.UK tag colours for claim and line statuses, shared by the claims pages.</summary>
public static class ClaimDisplay
{
    public static string Name(ClaimStatus status) => status switch
    {
        ClaimStatus.Draft => "Draft",
        ClaimStatus.Submitted => "Submitted",
        ClaimStatus.Completed => "Completed",
        _ => status.ToString(),
    };

    public static string Tag(ClaimStatus status) => status switch
    {
        ClaimStatus.Draft => "govuk-tag--grey",
        ClaimStatus.Submitted => "govuk-tag--blue",
        _ => "govuk-tag--green",
    };

    public static string Name(ClaimLineStatus status) => status switch
    {
        ClaimLineStatus.Returned => "Returned for correction",
        _ => status.ToString(),
    };

    public static string Tag(ClaimLineStatus status) => status switch
    {
        ClaimLineStatus.Draft => "govuk-tag--grey",
        ClaimLineStatus.Held => "govuk-tag--orange",
        ClaimLineStatus.Submitted => "govuk-tag--blue",
        ClaimLineStatus.Returned => "govuk-tag--yellow",
        ClaimLineStatus.Approved => "govuk-tag--green",
        ClaimLineStatus.Rejected => "govuk-tag--red",
        ClaimLineStatus.Paid => "govuk-tag--turquoise",
        _ => "govuk-tag--pink",
    };

    public static string Name(AuditSelectionReason reason) => reason switch
    {
        AuditSelectionReason.FlaggedProvider => "Provider flagged for audit",
        AuditSelectionReason.AboveValue => "Above the audit value",
        _ => "Picked at random",
    };

    public static IReadOnlyList<Choice> ClaimStatuses { get; } =
        [.. Enum.GetValues<ClaimStatus>().Select(s => new Choice(s.ToString(), Name(s)))];

    public static IReadOnlyList<Choice> LineStatuses { get; } =
        [.. Enum.GetValues<ClaimLineStatus>().Select(s => new Choice(s.ToString(), Name(s)))];

    public static IReadOnlyList<Choice> Decisions { get; } =
    [
        new(nameof(ClaimDecision.Approve), "Approve", "The line is paid in the next payment run"),
        new(nameof(ClaimDecision.Reject), "Reject", "Nothing is paid for this line; give the reason"),
        new(nameof(ClaimDecision.Return), "Return for correction", "The provider fixes the line and resubmits it; say what to correct"),
    ];
}
