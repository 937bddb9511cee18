using ConnectingCommunities.Web.Infrastructure;

namespace ConnectingCommunities.Web.Features.Outcomes;

/// <summary>
/// Job starts and their evidence under /api/v1/participants/{id}/job-starts. Reading needs Casework,
/// recording needs CaseworkWrite; a participant of a lot the user cannot see is 404.
/// </summary>
public static class JobStartsApi
{
    public static void MapJobStartsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var jobStarts = api.MapGroup("/participants/{id:guid}/job-starts").WithTags("Outcomes").RequireAuthorization(Policies.Casework);

        jobStarts.MapGet("", async (Guid id, int? page, int? pageSize, JobStartHandler handler, CancellationToken ct) =>
                await handler.ListAsync(id, logView: true, ct) is { } list ? Results.Ok(list.ToPage(page, pageSize)) : ApiResults.NotFound())
            .WithSummary("The participant's job starts, latest first, each with its evidence files");

        jobStarts.MapPost("", async (Guid id, JobStartInput input, JobStartHandler handler, CancellationToken ct) =>
                (await handler.RecordAsync(id, input, evidence: null, cancellationToken: ct))
                    .ToApi(jobStart => TypedResults.Created($"/api/v1/participants/{id}/job-starts/{jobStart.Id}", jobStart)))
            .RequireAuthorization(Policies.CaseworkWrite)
            .WithSummary("Record a job start: {\"employerName\",\"jobTitle\",\"socCode\",\"startDate\",\"weeklyHours\",\"hourlyWage\",\"contractType\"}. "
                + "contractType is Permanent, FixedTerm, Temporary, ZeroHours, Apprenticeship or SelfEmployed. For someone out of work at "
                + "registration the first job start also records the JobOutcome milestone, dated the earliest start date; once that milestone "
                + "is on a live claim its date stays, and \"notice\" says so");

        jobStarts.MapPost("/{jobStartId:guid}/end", async (Guid id, Guid jobStartId, JobEndInput input, JobStartHandler handler, CancellationToken ct) =>
                (await handler.EndAsync(id, jobStartId, input, ct)).ToApi(jobStart => TypedResults.Ok(jobStart)))
            .RequireAuthorization(Policies.CaseworkWrite)
            .WithSummary("Record that a job ended: {\"endDate\",\"reason\"}. The end date is on or after the start and not in the future; "
                + "it is refused when a sustainment check recorded them in work, or a change in work was recorded, after it. Sending the same "
                + "end again changes nothing; a different one corrects it, with the reason audited");

        // The upload is read from the request itself so that a missing or wrong body is answered with a field error.
        // Antiforgery is not needed: the API's cookie is SameSite=Lax, so another site cannot post with it.
        jobStarts.MapPost("/{jobStartId:guid}/evidence", async (Guid id, Guid jobStartId, HttpRequest request, JobStartHandler handler, CancellationToken ct) =>
            {
                EvidenceUpload? upload = null;
                if (request.HasFormContentType)
                {
                    var form = await request.ReadFormAsync(ct);
                    upload = EvidenceUpload.From(form.Files.GetFile("file"), form["kind"].FirstOrDefault());
                }

                return (await handler.AddEvidenceAsync(id, jobStartId, upload, ct))
                    .ToApi(file => TypedResults.Created($"/api/v1/participants/{id}/job-starts/{jobStartId}/evidence/{file.Id}", file));
            })
            .RequireAuthorization(Policies.CaseworkWrite)
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Add an evidence file to a job start: multipart/form-data with the field \"file\" (PDF, JPEG or PNG, at most 10 MB, "
                + "its content must match its name) and optional \"kind\" (Payslip, Contract, EmployerLetter or Other). Answers id, hash (SHA-256) and size");

        jobStarts.MapGet("/{jobStartId:guid}/evidence/{evidenceId:guid}", async (Guid id, Guid jobStartId, Guid evidenceId, JobStartHandler handler, CancellationToken ct) =>
                await handler.OpenEvidenceAsync(id, jobStartId, evidenceId, ct) is { } found
                    ? Results.File(found.Content, found.File.ContentType, JobStartHandler.DownloadName(found.File))
                    : ApiResults.NotFound())
            .WithSummary("Download an evidence file (as an attachment)");
    }
}
