using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Features.Claims;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Exports;

namespace ConnectingCommunities.Web.Features.Reconciliation;

/// <summary>The reconciliation as one table, a row per item with its category, for CSV and XLSX.</summary>
public static class ReconciliationExport
{
    public const string Matched = "Matched";
    public const string Unclaimed = "Unclaimed outcome";
    public const string ClaimedWithoutMi = "Claimed but not in MI";
    public const string Mismatched = "Mismatched";

    public static ExportTable Table(ReconciliationView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        IEnumerable<(string Category, ReconciliationItem Item)> rows =
        [
            .. view.Mismatched.Select(i => (Mismatched, i)),
            .. view.ClaimedWithoutMi.Select(i => (ClaimedWithoutMi, i)),
            .. view.Unclaimed.Select(i => (Unclaimed, i)),
            .. view.MatchedLines.Select(i => (Matched, i)),
        ];
        return new ExportTable(
            $"Reconciliation of MI and claims, {view.LotCode} {view.Period}",
            [
                new ExportColumn("Category"), new ExportColumn("Participant reference"), new ExportColumn("Milestone"),
                new ExportColumn("MI date", ColumnKind.Date), new ExportColumn("Claim date", ColumnKind.Date),
                new ExportColumn("Days apart", ColumnKind.Number), new ExportColumn("MI cohort"), new ExportColumn("Claim cohort"),
                new ExportColumn("Claim"), new ExportColumn("Claim line id"), new ExportColumn("Line status"),
                new ExportColumn("Amount", ColumnKind.Money), new ExportColumn("MI source"), new ExportColumn("External id"),
                new ExportColumn("Why"),
            ],
            [
                .. rows.Select(r => (IReadOnlyList<object?>)
                [
                    r.Category, r.Item.ParticipantReference, r.Item.Milestone.DisplayName(), r.Item.MiDate, r.Item.ClaimDate, r.Item.DaysApart,
                    r.Item.MiCohort?.DisplayName(), r.Item.ClaimCohort?.DisplayName(), r.Item.ClaimReference, r.Item.ClaimLineId?.ToString(),
                    r.Item.ClaimLineStatus is { } status ? ClaimHandler.StatusText(status) : null, r.Item.Amount, r.Item.MiSource, r.Item.ExternalId,
                    r.Item.Explanation,
                ]),
            ])
        {
            Description = $"{view.LotName} ({view.LotCode}), claims for {Formatting.Date(view.PeriodStart)} to {Formatting.Date(view.PeriodEnd)}, "
                + $"date tolerance {view.ToleranceDays} days",
        };
    }

    public static string FileName(ReconciliationView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return $"reconciliation-{view.LotCode}-{view.Period}";
    }
}
