using ConnectingCommunities.Web.Infrastructure;

namespace ConnectingCommunities.Web.Features.Outcomes.Sustainment;

/// <summary>
/// Sustainment checks under /api/v1/participants/{id}/sustainment-checks and the worklist at
/// /api/v1/sustainment-checks/due. Reading needs Casework, recording needs CaseworkWrite; a
/// participant of a lot the user cannot see is 404.
/// </summary>
public static class SustainmentApi
{
    public static void MapSustainmentApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var checks = api.MapGroup("/participants/{id:guid}/sustainment-checks").WithTags("Outcomes").RequireAuthorization(Policies.Casework);

        checks.MapGet("", async (Guid id, int? page, int? pageSize, SustainmentHandler handler, CancellationToken ct) =>
                await handler.ListAsync(id, logView: true, ct) is { } list ? Results.Ok(list.ToPage(page, pageSize)) : ApiResults.NotFound())
            .WithSummary("Every 13, 26 and 52-week check of the participant's runs of employment, earliest due first: milestone, runStart, dueOn, "
                + "status (Upcoming, Due, Overdue, InWork, NotInWork, EmploymentEnded, AlreadyAchieved), daysOverdue, the recorded result and evidence");

        checks.MapPost("", async (Guid id, SustainmentCheckInput input, SustainmentHandler handler, CancellationToken ct) =>
                (await handler.RecordAsync(id, input, evidence: null, cancellationToken: ct))
                    .ToApi(check => TypedResults.Created($"/api/v1/participants/{id}/sustainment-checks/{check.Id}", check)))
            .RequireAuthorization(Policies.CaseworkWrite)
            .WithSummary("Record a check: {\"milestone\":\"Sustained13Weeks\"|\"Sustained26Weeks\"|\"Sustained52Weeks\",\"result\":\"InWork\"|\"NotInWork\","
                + "\"checkedOn\",\"notes\",\"jobStartId\"}. checkedOn is on or after the due day and not in the future. InWork needs the job starts to "
                + "cover the due day; NotInWork needs the job's end to be recorded first. InWork achieves the milestone, dated the due day, when the one "
                + "before it is achieved (26 weeks needs 13, 52 needs 26). Recording the same check twice is 409 and changes nothing");

        checks.MapPost("/{checkId:guid}/evidence", async (Guid id, Guid checkId, HttpRequest request, SustainmentHandler handler, CancellationToken ct) =>
                (await handler.AddEvidenceAsync(id, checkId, await EvidenceForm.ReadAsync(request, ct), ct))
                    .ToApi(file => TypedResults.Created($"/api/v1/participants/{id}/sustainment-checks/{checkId}/evidence/{file.Id}", file)))
            .RequireAuthorization(Policies.CaseworkWrite)
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Add an evidence file to a recorded check: multipart/form-data with \"file\" (PDF, JPEG or PNG, at most 10 MB, its content must "
                + "match its name) and optional \"kind\" (Payslip, Contract, EmployerLetter or Other)");

        checks.MapGet("/{checkId:guid}/evidence/{evidenceId:guid}", async (Guid id, Guid checkId, Guid evidenceId, SustainmentHandler handler, CancellationToken ct) =>
                await handler.OpenEvidenceAsync(id, checkId, evidenceId, ct) is { } found
                    ? Results.File(found.Content, found.File.ContentType, JobStartHandler.DownloadName(found.File))
                    : ApiResults.NotFound())
            .WithSummary("Download a check's evidence file (as an attachment); every download is logged");

        api.MapGet("/sustainment-checks/due", async (string? lotCode, Guid? advisorId, int? within, int? page, int? pageSize, SustainmentWorklist worklist, CancellationToken ct) =>
                (await worklist.DueAsync(new DueChecksFilter { LotCode = lotCode, AdvisorId = advisorId, Within = within, Page = page, PageSize = pageSize }, ct))
                    .ToApi(list => TypedResults.Ok(list)))
            .WithTags("Outcomes")
            .RequireAuthorization(Policies.Casework)
            .WithSummary("Sustainment checks not yet recorded that are overdue, due today or due within the next \"within\" days (28 by default, at most 366), "
                + "for the participants you can see, earliest due first: participantReference, participantName, milestone, dueOn, status, daysOverdue. "
                + "Filter by lotCode and advisorId");
    }
}
