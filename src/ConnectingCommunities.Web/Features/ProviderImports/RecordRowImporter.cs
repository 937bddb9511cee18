using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.DataExchange;
using ConnectingCommunities.Web.Features.Outcomes;
using ConnectingCommunities.Web.Features.Outcomes.Sustainment;
using ConnectingCommunities.Web.Features.Participants;
using ConnectingCommunities.Web.Features.Participants.Plan;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.ProviderImports;

/// <summary>
/// Interventions, job starts and sustainment checks: each row is recorded by the API's own handler
/// (<see cref="InterventionHandler"/>, <see cref="JobStartHandler"/>, <see cref="SustainmentHandler"/>), with
/// its milestones, inside the import's transaction. Validation runs the same calls in a transaction that is
/// rolled back, so a row is checked against the rows before it (the third contact's Engaged milestone, a
/// job start before its sustainment check) exactly as applying will find them. A known externalId sent with
/// changed values updates the record it made (RecordRowUpdates.cs).
/// </summary>
public sealed partial class RecordRowImporter(
    CcDbContext db, ParticipantAccess access, InterventionHandler interventions, JobStartHandler jobStarts, SustainmentHandler sustainment, OutcomeFacts facts,
    TimeProvider clock) : IRowImporter
{
    private readonly Dictionary<string, Guid> byExternalId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> byReference = new(StringComparer.Ordinal);
    private readonly HashSet<Guid> inLot = [];
    private ImportTemplate template = ImportTemplates.Interventions;
    private Lot lot = null!;
    private DataImport import = null!;

    public bool ChecksByWriting => true;

    public async Task PrepareAsync(Lot lot, DataImport import, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lot);
        ArgumentNullException.ThrowIfNull(import);
        this.lot = lot;
        this.import = import;
        template = import.Type switch
        {
            ImportType.Interventions => ImportTemplates.Interventions,
            ImportType.JobStarts => ImportTemplates.JobStarts,
            ImportType.SustainmentChecks => ImportTemplates.SustainmentChecks,
            _ => throw new ArgumentOutOfRangeException(nameof(import), import.Type, "Participants are imported by ParticipantRowImporter."),
        };

        // Only the lot's own participants can be named: a reference of another lot is not found, never written to.
        var inLot = db.Participants.AsNoTracking().Where(p => p.LotId == lot.Id);
        await foreach (var p in inLot.Select(p => new { p.Id, p.Reference }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            byReference[p.Reference] = p.Id;
            this.inLot.Add(p.Id);
        }

        var known = db.ExternalRecords.AsNoTracking().Where(r => r.LotId == lot.Id && r.Type == ImportType.Participants)
            .Join(inLot, r => r.EntityId, p => p.Id, (r, p) => new { r.ExternalId, r.EntityId });
        await foreach (var r in known.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            byExternalId[r.ExternalId] = r.EntityId;
        }
    }

    // A record, once made, stays with its participant; the participant's own lot decides, checked at each new row.
    public bool StillInLot(KnownRecord known) => true;

    public async Task CheckAsync(ImportRowContext row, bool write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        var participantId = Participant(row);
        var cells = row.Reader;
        var input = Read(cells);
        if (cells.HasErrors || participantId is not { } id)
        {
            return;
        }

        if (row.Known is { } known)
        {
            await UpdateAsync(row, known, id, input, cancellationToken);
            db.ChangeTracker.Clear();
            return;
        }

        var (status, errors, detail, recordId) = await RecordAsync(id, input, cancellationToken);
        switch (status)
        {
            case ResultStatus.Ok:
                db.ExternalRecords.Add(new ExternalRecord
                {
                    LotId = lot.Id,
                    Type = import.Type,
                    ExternalId = row.ExternalId,
                    EntityId = recordId!.Value,
                    ContentHash = row.Hash,
                    LastImportId = import.Id,
                    UpdatedAt = clock.GetUtcNow(),
                });
                await db.SaveChangesAsync(cancellationToken);
                break;
            case ResultStatus.Invalid:
                row.Fail(errors!);
                break;
            case ResultStatus.NotFound:
                row.Fail("participantExternalId", $"There is no such participant in lot {lot.Code}");
                break;
            default:
                row.Fail(import.Type == ImportType.SustainmentChecks ? "milestone" : "externalId", detail ?? "This row conflicts with a record already there");
                break;
        }

        db.ChangeTracker.Clear();
    }

    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Each row is written as it is checked, by the handlers: the check time includes it.
    public TimeSpan Writing => TimeSpan.Zero;

    private object Read(CellReader cells) => import.Type switch
    {
        ImportType.Interventions => new InterventionInput
        {
            Date = cells.Date(template["date"]),
            Mode = cells.Code(template["mode"]),
            ActivityType = cells.Code(template["activityType"]),
            DurationMinutes = cells.Number(template["durationMinutes"]) is { } minutes && minutes is >= int.MinValue and <= int.MaxValue ? (int)minutes : null,
            Notes = cells.Text(template["notes"]),
        },
        ImportType.JobStarts => new JobStartInput
        {
            EmployerName = cells.Text(template["employerName"]),
            JobTitle = cells.Text(template["jobTitle"]),
            SocCode = cells.Text(template["socCode"]),
            StartDate = cells.Date(template["startDate"]),
            WeeklyHours = cells.Number(template["weeklyHours"]),
            HourlyWage = cells.Number(template["hourlyWage"]),
            ContractType = cells.Code(template["contractType"]),
        },
        _ => new SustainmentCheckInput
        {
            Milestone = cells.Code(template["milestone"]),
            Result = cells.Code(template["result"]),
            CheckedOn = cells.Date(template["checkedOn"]),
            Notes = cells.Text(template["notes"]),
        },
    };

    private async Task<(ResultStatus Status, FieldErrors? Errors, string? Detail, Guid? Id)> RecordAsync(Guid participantId, object input, CancellationToken cancellationToken)
    {
        switch (input)
        {
            case InterventionInput contact:
                var recorded = await interventions.RecordAsync(participantId, contact, cancellationToken);
                return (recorded.Status, recorded.Errors, recorded.Detail, recorded.Value?.Intervention.Id);
            case JobStartInput job:
                var started = await jobStarts.RecordAsync(participantId, job, null, SaveMode.Save, cancellationToken);
                return (started.Status, started.Errors, started.Detail, started.Value?.Id);
            default:
                var checkedResult = await sustainment.RecordAsync(participantId, (SustainmentCheckInput)input, null, SaveMode.Save, cancellationToken);
                return (checkedResult.Status, checkedResult.Errors, checkedResult.Detail, checkedResult.Value?.Id);
        }
    }

    /// <summary>The participant the row names, by the provider's identifier or the programme's reference; errors on the row when none.</summary>
    private Guid? Participant(ImportRowContext row)
    {
        var byExternal = row.Reader.Text(template["participantExternalId"]);
        var reference = row.Reader.Text(template["participantReference"]);
        Guid? fromExternal = null;
        Guid? fromReference = null;
        if (byExternal is null && reference is null)
        {
            row.Reader.Fail("participantExternalId", null, "Give the participant's participantExternalId (as in your participants file) or their participantReference, like WH-000123");
            return null;
        }

        if (byExternal is not null)
        {
            if (byExternalId.TryGetValue(byExternal, out var id))
            {
                fromExternal = id;
            }
            else
            {
                row.Reader.Fail("participantExternalId", byExternal, $"No participant of lot {lot.Code} was imported with the externalId {byExternal}: import them in a participants file first");
            }
        }

        if (reference is not null)
        {
            if (byReference.TryGetValue(reference.Trim().ToUpperInvariant(), out var id))
            {
                fromReference = id;
            }
            else
            {
                row.Reader.Fail("participantReference", reference, $"There is no participant {reference} in lot {lot.Code}");
            }
        }

        if (fromExternal is { } a && fromReference is { } b && a != b)
        {
            row.Reader.Fail("participantReference", reference, $"participantReference {reference} is not the participant imported as {byExternal}: give one or the other, or make them agree");
            return null;
        }

        return fromExternal ?? fromReference;
    }
}
