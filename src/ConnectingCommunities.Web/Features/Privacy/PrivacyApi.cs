using ConnectingCommunities.Web.Infrastructure;

namespace ConnectingCommunities.Web.Features.Privacy;

/// <summary>
/// Subject access and erasure under /api/v1/participants/{id} (RecordsManagement: commissioners, and
/// provider managers for their lots' participants; another lot's participant is 404), and the
/// retention check under /api/v1/retention (commissioners).
/// </summary>
public static class PrivacyApi
{
    public static void MapPrivacyApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var participant = api.MapGroup("/participants/{id:guid}").WithTags("Privacy").RequireAuthorization(Policies.RecordsManagement);

        participant.MapGet("/subject-access", async (Guid id, SubjectAccessBuilder builder, CancellationToken ct) =>
                await builder.BuildAsync(id, ct) is { } file
                    ? Results.File(file.Content, SubjectAccessBuilder.ContentType, file.FileName)
                    : ApiResults.NotFound())
            .WithSummary("The participant's subject access file (application/zip): summary.html, record.json (every field of every record that "
                + "names them), access-log.json (who viewed or changed the record) and evidence/. The request and the download are audited");

        participant.MapPost("/erasure", async (Guid id, ErasureInput input, ErasureHandler handler, CancellationToken ct) =>
                ToApi(await handler.EraseAsync(id, input, ct)))
            .WithSummary("Erase the participant's personal data: {\"reason\", \"kind\": \"PersonRequested\" (default) | \"RetentionExpired\" (commissioners)}. "
                + "200 with what was erased and what was kept and why; 409 when refused (within retention the data must be kept) or already erased");

        var retention = api.MapGroup("/retention").WithTags("Privacy").RequireAuthorization(Policies.SetUp);
        retention.MapGet("", async (RetentionHandler handler, CancellationToken ct) =>
                await handler.GetAsync(ct) is { } view ? Results.Ok(view) : ApiResults.NotFound())
            .WithSummary("The retention rule, the latest checks and the participants past retention awaiting confirmation");
        retention.MapPost("/reviews", async (RetentionHandler handler, CancellationToken ct) =>
                Results.Ok(await handler.RunAsync(ct)))
            .WithSummary("Run the retention check now: a review listing the participants past retention");
        retention.MapPost("/reviews/{reviewId:guid}/confirm", async (Guid reviewId, ConfirmInput? input, RetentionHandler handler, CancellationToken ct) =>
                (await handler.ConfirmAsync(reviewId, input?.Reason, ct)).ToApi(TypedResults.Ok))
            .WithSummary("Confirm a review: erases every participant it listed who is still past retention. {\"reason\"} optional");
    }

    public static IResult ToApi(ErasureOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Status switch
        {
            ErasureOutcomeStatus.Erased => Results.Ok(outcome.Value),
            ErasureOutcomeStatus.Invalid => ApiResults.Invalid(outcome.Errors!),
            ErasureOutcomeStatus.Refused => TypedResults.Problem(
                title: "The erasure was refused", detail: outcome.Detail, statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["kept"] = outcome.MustKeep ?? [] }),
            ErasureOutcomeStatus.Forbidden => TypedResults.Problem(title: "You cannot do this", detail: outcome.Detail, statusCode: StatusCodes.Status403Forbidden),
            _ => ApiResults.NotFound(),
        };
    }
}

/// <summary>An optional reason for confirming a retention review.</summary>
public sealed record ConfirmInput
{
    public string? Reason { get; init; }
}
