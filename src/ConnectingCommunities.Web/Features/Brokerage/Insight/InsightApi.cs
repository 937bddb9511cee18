using ConnectingCommunities.Web.Infrastructure;

namespace ConnectingCommunities.Web.Features.Brokerage.Insight;

public static class InsightApi
{
    public static void MapBrokerageInsightApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/brokerage/insight", async (string? lotCode, string? from, string? to, InsightHandler handler, CancellationToken ct) =>
                (await handler.GetAsync(lotCode, from, to, ct)).ToApi(TypedResults.Ok))
            .WithTags("Brokerage")
            .RequireAuthorization(Policies.Performance)
            .WithSummary("Referrals and job starts from them by employer (top 20), engagement method and sector, starts by month, match lists reviewed and matching-jobs actions completed; provider managers for their lots, commissioners for all or one (lotCode); from and to are yyyy-MM-dd, the last 12 months by default");
    }
}
