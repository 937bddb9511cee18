using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Web.Features.SetUp.Tariffs;
using ConnectingCommunities.Web.Infrastructure;

namespace ConnectingCommunities.Web.Features.Claims;

/// <summary>
/// Claims under /api/v1/claims. Reading needs the Claims policy (provider managers of their lots,
/// commissioners of all); making and submitting need ClaimMaking (managers); deciding and the
/// sampling settings need ClaimValidation (commissioners). Another lot's claim is 404.
/// </summary>
public static class ClaimsApi
{
    public static void MapClaimsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var claims = api.MapGroup("/claims").WithTags("Claims").RequireAuthorization(Policies.Claims);

        claims.MapGet("", async (string? lotCode, string? period, string? status, int? page, int? pageSize, ClaimQueries queries, CancellationToken ct) =>
            {
                var errors = new FieldErrors();
                if (!string.IsNullOrWhiteSpace(period) && !ClaimPeriod.TryParse(period, out _))
                {
                    errors.Add("period", "Enter the period as a year and month in the form yyyy-MM, like 2021-04");
                }

                var chosen = ProgrammeChoices.ReadFilter<ClaimStatus>(status, "status", errors);
                return errors.Any
                    ? (IResult)ApiResults.Invalid(errors)
                    : Results.Ok(await queries.ListAsync(new ClaimQuery(lotCode, period?.Trim(), chosen), page, pageSize, cancellationToken: ct));
            })
            .WithSummary("Claims, latest period first; filter with ?lotCode=WH&period=2021-04&status=Draft|Submitted|Completed. Managers see their lots' claims only");

        claims.MapGet("/{id:guid}", async (Guid id, ClaimQueries queries, CancellationToken ct) =>
                await queries.FindAsync(id, ct) is { } claim ? Results.Ok(claim) : ApiResults.NotFound())
            .WithSummary("One claim: status, totals by line status and every line (amounts in pounds, reason codes and their plain English, "
                + "audit selection, evidence count, decision)");

        claims.MapGet("/{id:guid}/lines/{lineId:guid}", async (Guid id, Guid lineId, ClaimQueries queries, CancellationToken ct) =>
                await queries.LineAsync(id, lineId, ct) is { } line ? Results.Ok(new { line.Line, line.ParticipantName, line.RegisteredOn, line.EvidenceSource, line.Evidence }) : ApiResults.NotFound())
            .WithSummary("One claim line with the record its evidence comes from and the evidence files");

        claims.MapPost("", async (ClaimInput input, ClaimHandler handler, CancellationToken ct) =>
                (await handler.CreateAsync(input, ct)).ToApi(TypedResults.Ok, c => TypedResults.Created($"/api/v1/claims/{c.Id}", c)))
            .RequireAuthorization(Policies.ClaimMaking)
            .WithSummary("Make the lot's draft claim for a month: {\"lotCode\":\"WH\",\"period\":\"2021-04\"}. Every achieved, unclaimed milestone of the "
                + "lot's participants up to the month's end becomes a line at its tariff, validated; failing lines are held with reason codes. "
                + "201 with the new claim, or 200 with the draft already made for that lot and month");

        claims.MapPost("/{id:guid}/submit", async (Guid id, ClaimHandler handler, CancellationToken ct) =>
                (await handler.SubmitAsync(id, ct)).ToApi(TypedResults.Ok))
            .RequireAuthorization(Policies.ClaimMaking)
            .WithSummary("Submit a draft claim: lines are validated again (Submitted or Held) and some are picked for audit. "
                + "A claim already submitted is returned unchanged (200)");

        claims.MapPost("/{id:guid}/lines/{lineId:guid}/decision", async (Guid id, Guid lineId, DecisionInput input, ClaimHandler handler, CancellationToken ct) =>
                (await handler.DecideAsync(id, lineId, input, ct)).ToApi(TypedResults.Ok))
            .RequireAuthorization(Policies.ClaimValidation)
            .WithSummary("Decide a submitted line: {\"decision\":\"Approve\"|\"Reject\"|\"Return\",\"reason\"}; a reason is needed to reject or return. "
                + "409 when the line was already decided, 403 for whoever submitted the claim");

        claims.MapPost("/{id:guid}/lines/{lineId:guid}/resubmit", async (Guid id, Guid lineId, ClaimHandler handler, CancellationToken ct) =>
                (await handler.ResubmitAsync(id, lineId, ct)).ToApi(TypedResults.Ok))
            .RequireAuthorization(Policies.ClaimMaking)
            .WithSummary("Resubmit a line returned for correction: validated again, it is Submitted or Held");

        claims.MapPost("/{id:guid}/approve-unsampled", async (Guid id, ApproveUnsampledInput? input, ClaimHandler handler, CancellationToken ct) =>
                (await handler.ApproveUnsampledAsync(id, input ?? new ApproveUnsampledInput(), ct)).ToApi(TypedResults.Ok))
            .RequireAuthorization(Policies.ClaimValidation)
            .WithSummary("Approve, in one go, every submitted line not picked for audit: {\"reason\"} optional");

        claims.MapGet("/sampling", async (SamplingHandler handler, CancellationToken ct) =>
                await handler.GetAsync(ct) is { } sampling ? Results.Ok(sampling) : ApiResults.NotFound())
            .RequireAuthorization(Policies.ClaimValidation)
            .WithSummary("Audit sampling: the percentage picked at random, the amount above which every line is picked, the flagged providers");

        claims.MapPut("/sampling", async (SamplingInput input, SamplingHandler handler, CancellationToken ct) =>
                (await handler.UpdateAsync(input, ct)).ToApi(TypedResults.Ok))
            .RequireAuthorization(Policies.ClaimValidation)
            .WithSummary("Change audit sampling: {\"percentage\":10,\"allAboveAmount\":1000,\"flaggedProviders\":[\"name or id\"],\"reason\"}. "
                + "Providers left out are no longer flagged; allAboveAmount null picks no lines by value");
    }
}
