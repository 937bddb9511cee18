using System.Globalization;
using System.Text;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.DataExchange;
using ConnectingCommunities.Domain.Evaluation;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Reference;
using ConnectingCommunities.Domain.Support;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Exports;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Evaluation.Tables;

/// <summary>
/// The pseudonymised extract: one row per participant (erased participants left out, as in every
/// evaluation view) with a stable pseudonym in place of any identifier, age band instead of date of
/// birth, postcode district instead of postcode, months instead of dates, coded values only (no free
/// text), and no name, NINO, contact details or address. CSV is streamed to the response as rows are
/// read, XLSX through the streaming sheet writer; every download is logged (who, format, row count) in the
/// audit trail.
/// </summary>
public sealed class EvaluationExtract(CcDbContext db, CurrentUser user, EvaluationDataset dataset, PseudonymKeyStore keys, TimeProvider clock)
{
    public const string WorkExperienceAction = "workExperience";

    /// <summary>The audit trail's entity type for a download of the extract.</summary>
    public const string AuditEntityType = "EvaluationExtract";

    /// <summary>The columns, in order; booleans are 1 or 0, a missing answer an empty cell.</summary>
    public static IReadOnlyList<ExportColumn> Columns { get; } =
    [
        new("pseudonym"),
        new("lot"),
        new("provider"),
        new("cohort"),
        new("registeredMonth"),
        new("ageBand"),
        new("sex"),
        new("ethnicGroup"),
        new("healthCondition"),
        new("qualification"),
        new("childcare"),
        new("employmentStatusAtRegistration"),
        new("recruitmentChannel"),
        new("postcodeDistrict"),
        new("jobOutcome", ColumnKind.Number),
        new("jobOutcomeMonth"),
        new("followUp13WeeksElapsed", ColumnKind.Number),
        new("sustained13Weeks", ColumnKind.Number),
        new("inWork", ColumnKind.Number),
        new("progressed", ColumnKind.Number),
        new("identifyMatchingJobsCompleted", ColumnKind.Number),
        new("workExperienceIdentified", ColumnKind.Number),
        new("workExperienceCompleted", ColumnKind.Number),
        new("barrierCount", ColumnKind.Number),
        .. Barriers.All.Select(b => new ExportColumn("barrier_" + b.Code, ColumnKind.Number)),
    ];

    private sealed record Extras(string? District, HashSet<string> Barriers, bool WorkExperienceIdentified, bool WorkExperienceCompleted);

    /// <summary>The rows, streamed, one value per column of <see cref="Columns"/>.</summary>
    public async IAsyncEnumerable<IReadOnlyList<object?>> RowsAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var key = await keys.KeyAsync(cancellationToken);
        var extras = await ExtrasAsync(cancellationToken);
        await foreach (var row in dataset.RowsAsync(cancellationToken: cancellationToken))
        {
            var extra = extras.GetValueOrDefault(row.ParticipantId) ?? new Extras(null, [], false, false);
            yield return
            [
                Pseudonyms.For(key, row.ParticipantId),
                row.LotCode,
                row.Provider,
                row.Cohort.ToString(),
                Month(row.RegisteredOn),
                EvaluationTables.AgeBandKey(row.AgeBand),
                row.Sex,
                row.EthnicGroup,
                YesNo(row.HealthCondition),
                row.QualificationBand,
                YesNo(row.ChildcareResponsibility),
                row.EmploymentStatus.ToString(),
                RecruitmentChannels.Find(row.RecruitmentChannel)?.Code,
                extra.District,
                Bit(row.JobOutcome),
                row.JobOutcomeOn is { } on ? Month(on) : null,
                Bit(row.FollowUp13WeeksElapsed),
                Bit(row.Sustained13Weeks),
                Bit(row.InWork),
                Bit(row.Progressed),
                Bit(row.IdentifyMatchingJobsCompleted),
                Bit(extra.WorkExperienceIdentified),
                Bit(extra.WorkExperienceCompleted),
                extra.Barriers.Count(b => Barriers.Find(b) is not null),
                .. Barriers.All.Select(b => (object?)Bit(extra.Barriers.Contains(b.Code))),
            ];
        }
    }

    /// <summary>Writes the extract as CSV to <paramref name="body"/> record by record, then logs the download.</summary>
    public async Task WriteCsvAsync(Stream body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var rows = 0;
        var complete = false;
        try
        {
            // UTF-8 with a byte order mark, so that Excel does not guess the machine's code page.
            await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
            var record = new StringBuilder();
            TableExport.Record(record, [.. Columns.Select(c => c.Heading)]);
            await writer.WriteAsync(record, cancellationToken);
            await foreach (var row in RowsAsync(cancellationToken))
            {
                record.Clear();
                TableExport.Record(record, [.. row.Select(CsvField)]);
                await writer.WriteAsync(record, cancellationToken);
                rows++;
            }

            await writer.FlushAsync(cancellationToken);
            complete = true;
        }
        finally
        {
            await LogAsync("csv", rows, complete);
        }
    }

    /// <summary>
    /// Writes the extract as an XLSX workbook to <paramref name="body"/> with the streaming sheet writer the list
    /// exports use, then logs the download. The workbook is written row by row to a temporary file (the zip and
    /// XML writers are synchronous, which a response body refuses), deleted on close, then copied to the body:
    /// memory stays flat however many participants there are.
    /// </summary>
    public async Task WriteXlsxAsync(Stream body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var rows = 0;
        var complete = false;
        try
        {
            await using var temporary = new FileStream(
                Path.Combine(Path.GetTempPath(), $"cc-extract-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            using (var xlsx = new XlsxSheetWriter(
                temporary,
                "Evaluation extract",
                $"Pseudonymised extract, {Formatting.DateTime(clock.GetUtcNow())}. One row per participant; no names, NINOs, contact details, addresses or dates of birth.",
                Columns))
            {
                await foreach (var row in RowsAsync(cancellationToken))
                {
                    xlsx.Row(row);
                }

                rows = xlsx.Rows;
            }

            temporary.Position = 0;
            await temporary.CopyToAsync(body, cancellationToken);
            await body.FlushAsync(cancellationToken);
            complete = true;
        }
        finally
        {
            await LogAsync("xlsx", rows, complete);
        }
    }

    /// <summary>A file name with today's date, e.g. evaluation-extract-2026-12-01.</summary>
    public string FileName => "evaluation-extract-" + Formatting.IsoDate(Formatting.TodayInLondon(clock));

    private async Task LogAsync(string format, int rows, bool complete)
    {
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = clock.GetUtcNow(),
            UserId = user.UserId,
            UserName = user.UserName,
            Action = "downloaded",
            EntityType = AuditEntityType,
            Summary = $"Pseudonymised evaluation extract, format {format}, {rows} rows" + (complete ? "" : " (download interrupted)"),
        });

        // Saved even when the client went away mid-download: the rows already sent have left the platform.
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task<Dictionary<Guid, Extras>> ExtrasAsync(CancellationToken cancellationToken)
    {
        var included = db.Participants.AsNoTracking().Where(p => p.ErasedAt == null);
        var postcodes = await included.Select(p => new { p.Id, p.Postcode }).ToListAsync(cancellationToken);
        var barriers = await db.ParticipantBarriers.AsNoTracking()
            .Join(included, b => b.ParticipantId, p => p.Id, (b, p) => new { b.ParticipantId, b.Barrier })
            .Distinct().ToListAsync(cancellationToken);
        var workExperience = await db.PlanActions.AsNoTracking().Where(a => a.Action == WorkExperienceAction)
            .Join(included, a => a.ParticipantId, p => p.Id, (a, p) => new { a.ParticipantId, a.Status })
            .ToListAsync(cancellationToken);
        var barrierSets = barriers.GroupBy(b => b.ParticipantId).ToDictionary(g => g.Key, g => g.Select(b => b.Barrier).ToHashSet(StringComparer.Ordinal));
        var actions = workExperience.GroupBy(a => a.ParticipantId).ToDictionary(g => g.Key, g => g.Any(a => a.Status == ActionStatus.Completed));
        return postcodes.ToDictionary(p => p.Id, p => new Extras(
            Postcode.TryParse(p.Postcode, out var postcode) ? postcode.District : null,
            barrierSets.GetValueOrDefault(p.Id) ?? [],
            actions.ContainsKey(p.Id),
            actions.GetValueOrDefault(p.Id)));
    }

    private static string Month(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static int Bit(bool value) => value ? 1 : 0;

    private static string? YesNo(bool? value) => value switch
    {
        true => "Yes",
        false => "No",
        null => null,
    };

    // Text through the spreadsheet formula guard; numbers with a full stop and no thousands separator.
    private static string CsvField(object? value) => value switch
    {
        null => "",
        string text => SpreadsheetText.Neutralise(text),
        int number => number.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
