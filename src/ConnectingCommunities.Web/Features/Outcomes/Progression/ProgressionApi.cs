using ConnectingCommunities.Web.Infrastructure;

namespace ConnectingCommunities.Web.Features.Outcomes.Progression;

/// <summary>
/// In-work progression under /api/v1/participants/{id}/progressions. Reading needs Casework,
/// recording needs CaseworkWrite; a participant of a lot the user cannot see is 404.
/// </summary>
public static class ProgressionApi
{
    public static void MapProgressionApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var progressions = api.MapGroup("/participants/{id:guid}/progressions").WithTags("Outcomes").RequireAuthorization(Policies.Casework);

        progressions.MapGet("", async (Guid id, int? page, int? pageSize, ProgressionHandler handler, CancellationToken ct) =>
                await handler.ListAsync(id, logView: true, ct) is { } list ? Results.Ok(list.ToPage(page, pageSize)) : ApiResults.NotFound())
            .WithSummary("The participant's recorded changes in work, latest first, each with its baseline, both assessments (strict and wider) "
                + "in numbers and words, and its evidence");

        progressions.MapPost("", async (Guid id, ProgressionInput input, ProgressionHandler handler, CancellationToken ct) =>
                (await handler.RecordAsync(id, input, evidence: null, cancellationToken: ct))
                    .ToApi(progression => TypedResults.Created($"/api/v1/participants/{id}/progressions/{progression.Id}", progression)))
            .RequireAuthorization(Policies.CaseworkWrite)
            .WithSummary("Record a change in work: {\"changedOn\",\"jobStartId\",\"jobTitle\",\"weeklyHours\",\"hourlyWage\",\"contractType\",\"promotion\","
                + "\"lateralMove\",\"lateralMoveReason\"}. It is compared with the job start's terms (or, for the Employed cohort, the job held at "
                + "registration) under both definitions; the first change meeting the definition the programme pays on achieves the Progression "
                + "milestone, dated changedOn. They must be in work on changedOn; a lateral move needs a reason");

        progressions.MapPost("/{progressionId:guid}/evidence", async (Guid id, Guid progressionId, HttpRequest request, ProgressionHandler handler, CancellationToken ct) =>
                (await handler.AddEvidenceAsync(id, progressionId, await EvidenceForm.ReadAsync(request, ct), ct))
                    .ToApi(file => TypedResults.Created($"/api/v1/participants/{id}/progressions/{progressionId}/evidence/{file.Id}", file)))
            .RequireAuthorization(Policies.CaseworkWrite)
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Add an evidence file to a progression: multipart/form-data with \"file\" (PDF, JPEG or PNG, at most 10 MB, its content must "
                + "match its name) and optional \"kind\" (Payslip, Contract, EmployerLetter or Other)");

        progressions.MapGet("/{progressionId:guid}/evidence/{evidenceId:guid}", async (Guid id, Guid progressionId, Guid evidenceId, ProgressionHandler handler, CancellationToken ct) =>
                await handler.OpenEvidenceAsync(id, progressionId, evidenceId, ct) is { } found
                    ? Results.File(found.Content, found.File.ContentType, JobStartHandler.DownloadName(found.File))
                    : ApiResults.NotFound())
            .WithSummary("Download a progression's evidence file (as an attachment); every download is logged");
    }
}
