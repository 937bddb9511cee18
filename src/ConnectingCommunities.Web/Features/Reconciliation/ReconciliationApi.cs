using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Exports;

namespace ConnectingCommunities.Web.Features.Reconciliation;

/// <summary>
/// GET /api/v1/reconciliation?lotCode=WH&amp;period=2021-04[&amp;format=csv|xlsx]: the provider's records
/// against the lot's claim lines for the period. Commissioners reconcile every lot, provider managers
/// their own (another lot is 404); advisors and evaluators are refused (403).
/// </summary>
public static class ReconciliationApi
{
    public static void MapReconciliationApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/reconciliation", async (string? lotCode, string? period, string? format, Reconciler reconciler, CancellationToken ct) =>
            {
                if (format is not null && !TableExport.IsFormat(format))
                {
                    return ApiResults.Invalid(new FieldErrors().Add("format", "The format must be csv or xlsx, or left out for JSON"));
                }

                var result = await reconciler.ReconcileAsync(lotCode, period, ct);
                if (!result.Succeeded || format is null)
                {
                    return result.ToApi(TypedResults.Ok);
                }

                var file = TableExport.File(ReconciliationExport.Table(result.Value!), format, ReconciliationExport.FileName(result.Value!));
                return Results.File(file.Content, file.ContentType, file.FileName);
            })
            .WithTags("Reconciliation")
            .RequireAuthorization(Policies.Claims)
            .WithSummary("MI against claims for a lot and claim period: {\"matched\": count, \"matchedLines\", \"unclaimed\", \"claimedWithoutMi\", "
                + "\"mismatched\"}, each item naming the participant reference, milestone, MI date, claim date, claim line id and why. "
                + "?format=csv|xlsx downloads the same as one table");
    }
}
