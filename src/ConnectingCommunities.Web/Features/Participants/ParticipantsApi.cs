using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ConnectingCommunities.Web.Features.Participants;

public static class ParticipantsApi
{
    public static void MapParticipantsApi(this RouteGroupBuilder api)
    {
        var participants = api.MapGroup("/participants").WithTags("Participants").RequireAuthorization(Policies.Casework);

        participants.MapPost("/", async (RegistrationInput input, RegistrationHandler handler, CancellationToken ct) =>
                Registered(await handler.RegisterAsync(input, ct)))
            .RequireAuthorization(Policies.CaseworkWrite)
            .WithSummary("Register a participant")
            .WithDescription("Checks eligibility (postcode in the lot's area), duplicates across all lots (same National Insurance number: 409; "
                + "same date of birth and a similar name, or same name and postcode: 409 listing possible matches until duplicateCheckReason is sent) "
                + "and works out the cohort and age band.");

        participants.MapGet("/", async (
                    string? lotCode, string? search, string? cohort, string? status, bool? engaged, string? barrier, Guid? advisorId,
                    bool? unassigned, bool? noContactFor30Days, bool? overdueActions, string? sort, bool? descending, int? page, int? pageSize,
                    ParticipantQueries queries, CancellationToken ct) =>
                {
                    var errors = new FieldErrors();
                    var filter = new CaseloadFilter
                    {
                        LotCode = lotCode,
                        Search = search,
                        Cohort = Codes.Enum<Cohort>(cohort, "cohort", "cohort", errors),
                        Status = Codes.Enum<ParticipantStatus>(status, "status", "status", errors),
                        Engaged = engaged,
                        Barrier = string.IsNullOrWhiteSpace(barrier) ? null : barrier,
                        AdvisorId = advisorId,
                        Unassigned = unassigned == true,
                        NoContactFor30Days = noContactFor30Days == true,
                        OverdueActions = overdueActions == true,
                        Sort = Codes.Enum<CaseloadSort>(sort, "sort", "sort order", errors) ?? CaseloadSort.Name,
                        Descending = descending == true,
                        Page = page,
                        PageSize = pageSize,
                    };
                    return errors.Any ? ApiResults.Invalid(errors) : (await queries.SearchAsync(filter, ct)).ToApi(TypedResults.Ok);
                })
            .WithSummary("Find participants")
            .WithDescription("search matches a name (start of first and/or last name), a reference (WH-000123), a National Insurance number or a postcode (or its start). "
                + "Only participants of the lots you may see are listed.");

        participants.MapGet("/{id:guid}", async (Guid id, ParticipantQueries queries, ParticipantAccess access, CancellationToken ct) =>
            {
                if (await queries.FindAsync(id, ct) is not { } participant)
                {
                    return ApiResults.NotFound();
                }

                await access.LogViewAsync(id, "record (API)", ct);
                return Results.Ok(participant);
            })
            .WithSummary("A participant's record");

        participants.MapPatch("/{id:guid}", async (Guid id, JsonObject patch, EditHandler handler, IOptions<JsonOptions> json, CancellationToken ct) =>
                (await handler.PatchAsync(id, patch, json.Value.SerializerOptions, ct)).ToApi(TypedResults.Ok))
            .RequireAuthorization(Policies.CaseworkWrite)
            .Accepts<EditInput>("application/merge-patch+json", "application/json")
            .WithSummary("Correct a participant's details")
            .WithDescription("JSON Merge Patch: fields sent replace the current values, null clears one, fields left out are kept. Send reason, and version to guard against overwriting someone else's change.");

        participants.MapGet("/{id:guid}/interventions", async (Guid id, InterventionHandler handler, CancellationToken ct) =>
                await handler.ListAsync(id, ct) is { } list ? Results.Ok(new { items = list }) : ApiResults.NotFound())
            .WithSummary("A participant's contacts, newest first");

        participants.MapPost("/{id:guid}/interventions", async (Guid id, InterventionInput input, InterventionHandler handler, CancellationToken ct) =>
                (await handler.RecordAsync(id, input, ct)).ToApi(r =>
                    TypedResults.Created($"/api/v1/participants/{id}/interventions/{r.Intervention.Id}", r)))
            .RequireAuthorization(Policies.CaseworkWrite)
            .WithSummary("Record a contact")
            .WithDescription("A contact of at least the programme's meaningful minimum (15 minutes unless set-up changes it) is meaningful; the third meaningful contact makes the participant Engaged on its date.");

        participants.MapGet("/{id:guid}/milestones", async (Guid id, InterventionHandler handler, CancellationToken ct) =>
                await handler.MilestonesAsync(id, ct) is { } list ? Results.Ok(new { items = list }) : ApiResults.NotFound())
            .WithSummary("Milestones the participant has reached, e.g. {\"milestone\":\"Engaged\",\"achievedOn\":\"2021-03-22\"}");

        participants.MapGet("/{id:guid}/timeline", async (Guid id, TimelineQuery timeline, CancellationToken ct) =>
                await timeline.ForAsync(id, ct) is { } list ? Results.Ok(new { items = list }) : ApiResults.NotFound())
            .WithSummary("Everything that happened to a participant, newest first");
    }

    private static IResult Registered(RegistrationOutcome outcome)
    {
        var result = outcome.Result;
        if (result.Status != ResultStatus.Conflict || outcome.Duplicates.Count == 0 && !outcome.IsDefiniteDuplicate)
        {
            return result.ToApi(p => TypedResults.Created($"/api/v1/participants/{p.Id}", p));
        }

        return TypedResults.Problem(
            title: outcome.IsDefiniteDuplicate ? "Already registered" : "Possible duplicate",
            detail: result.Detail,
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?>
            {
                ["duplicate"] = outcome.IsDefiniteDuplicate ? "Definite" : "Possible",
                ["matches"] = outcome.Duplicates,
            });
    }
}
