using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Web.Features.Outcomes;
using ConnectingCommunities.Web.Features.Participants;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Privacy;

/// <summary>One kind of record in a subject access file and how many the person has.</summary>
public sealed record SubjectAccessSection(string Name, string Title, int Count);

/// <summary>What a subject access file for a participant will contain, for the page that explains it.</summary>
public sealed record SubjectAccessPreview(Guid ParticipantId, string Reference, string Name, string LotName, bool Erased, IReadOnlyList<SubjectAccessSection> Sections, int EvidenceFiles, int AuditEvents);

/// <summary>A subject access file ready to send.</summary>
public sealed record SubjectAccessFile(byte[] Content, string FileName, string Sha256);

/// <summary>
/// Builds the ZIP answering a participant's subject access request (UK GDPR Article 15): a readable
/// HTML summary, every record that names them as JSON (every field of each), their evidence files and
/// the log of who viewed or changed their record. Only commissioners and the managers of the
/// participant's lot may produce it; the request and the download are both written to the audit trail.
/// </summary>
public sealed class SubjectAccessBuilder(CcDbContext db, ParticipantAccess access, CurrentUser user, EvidenceStore evidence, TimeProvider clock)
{
    public const string ContentType = "application/zip";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>What the file would hold, or null when the participant is not visible to the user.</summary>
    public async Task<SubjectAccessPreview?> PreviewAsync(Guid participantId, CancellationToken cancellationToken = default)
    {
        var participant = await (await access.VisibleAsync(cancellationToken)).AsNoTracking().Include(p => p.Lot)
            .FirstOrDefaultAsync(p => p.Id == participantId, cancellationToken);
        if (participant is null)
        {
            return null;
        }

        var records = await CollectAsync(participant, cancellationToken);
        await access.LogViewAsync(participant, "Subject access request page", cancellationToken);
        return new SubjectAccessPreview(
            participant.Id, participant.Reference, $"{participant.FirstName} {participant.LastName}", participant.Lot?.Name ?? "",
            participant.ErasedAt is not null,
            [.. records.Sections.Where(s => s.Key != "auditEvents").Select(s => new SubjectAccessSection(s.Key, Titles.GetValueOrDefault(s.Key, s.Key), s.Value.Count))],
            records.EvidenceFiles.Count, records.Sections["auditEvents"].Count);
    }

    /// <summary>The ZIP, or null when the participant is not visible to the user. Logs the request before building and the download after.</summary>
    public async Task<SubjectAccessFile?> BuildAsync(Guid participantId, CancellationToken cancellationToken = default)
    {
        var participant = await (await access.VisibleAsync(cancellationToken)).AsNoTracking().Include(p => p.Lot)
            .FirstOrDefaultAsync(p => p.Id == participantId, cancellationToken);
        if (participant is null)
        {
            return null;
        }

        await LogAsync(participant, "subject-access-requested", $"Subject access request made by {user.UserName}", cancellationToken);
        var records = await CollectAsync(participant, cancellationToken);
        var generatedAt = clock.GetUtcNow();
        using var stream = new MemoryStream();
        var missing = new List<string>();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var record = new Dictionary<string, object?>
            {
                ["generatedAt"] = generatedAt,
                ["generatedBy"] = user.UserName,
                ["participant"] = records.Participant,
            };
            foreach (var (name, rows) in records.Sections)
            {
                if (name != "auditEvents")
                {
                    record[name] = rows;
                }
            }

            var evidenceNames = new List<string>();
            foreach (var file in records.EvidenceFiles)
            {
                await using var content = evidence.OpenRead(file.StoredFileName);
                if (content is null)
                {
                    missing.Add(file.OriginalFileName);
                    continue;
                }

                var entryName = $"evidence/{file.Id:N}-{SafeName(file.OriginalFileName)}";
                var entry = zip.CreateEntry(entryName, CompressionLevel.Optimal);
                await using (var target = await entry.OpenAsync(cancellationToken))
                {
                    await content.CopyToAsync(target, cancellationToken);
                }

                evidenceNames.Add(entryName);
            }

            await WriteAsync(zip, "record.json", JsonSerializer.Serialize(record, Json), cancellationToken);
            await WriteAsync(zip, "access-log.json", JsonSerializer.Serialize(records.Sections["auditEvents"], Json), cancellationToken);
            await WriteAsync(zip, "summary.html", Summary(participant, records, generatedAt, evidenceNames, missing), cancellationToken);
        }

        var bytes = stream.ToArray();
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        await LogAsync(participant, "subject-access-downloaded",
            $"Subject access file downloaded by {user.UserName}: {bytes.Length} bytes, SHA-256 {sha}", cancellationToken);
        return new SubjectAccessFile(bytes, $"subject-access-{participant.Reference}-{generatedAt:yyyyMMdd}.zip", sha);
    }

    private static readonly Dictionary<string, string> Titles = new()
    {
        ["barriers"] = "Barriers to work",
        ["barrierReviews"] = "Barrier reviews",
        ["goals"] = "Goals",
        ["actions"] = "Action plan",
        ["interventions"] = "Contacts (interventions)",
        ["milestones"] = "Milestones achieved",
        ["transfers"] = "Transfers between providers or advisors",
        ["helpRequests"] = "Requests for help",
        ["jobStarts"] = "Jobs",
        ["sustainmentChecks"] = "Sustainment checks",
        ["progressions"] = "Progressions in work",
        ["evidenceFiles"] = "Evidence files",
        ["claimLines"] = "Claim lines",
        ["jobGoals"] = "Job goals",
        ["referrals"] = "Referrals to vacancies",
        ["referralEvents"] = "Referral history",
        ["matchReviews"] = "Vacancy matches reviewed",
        ["indicatorAssessments"] = "Indicator assessments",
        ["externalRecords"] = "Identifiers in the provider's own system",
        ["erasures"] = "Erasures",
        ["auditEvents"] = "Who viewed or changed the record",
    };

    private sealed record Records(
        Dictionary<string, object?> Participant, Dictionary<string, List<Dictionary<string, object?>>> Sections, List<EvidenceFile> EvidenceFiles);

    private async Task<Records> CollectAsync(Participant participant, CancellationToken cancellationToken)
    {
        var id = participant.Id;
        var sections = new Dictionary<string, List<Dictionary<string, object?>>>();
        async Task Add<T>(string name, IQueryable<T> rows)
            where T : class => sections[name] = [.. (await rows.AsNoTracking().ToListAsync(cancellationToken)).Select(Fields)];

        await Add("barriers", db.ParticipantBarriers.Where(x => x.ParticipantId == id).OrderBy(x => x.IdentifiedOn));
        await Add("barrierReviews", db.BarrierReviews.Where(x => x.ParticipantId == id).OrderBy(x => x.ReviewedOn));
        await Add("goals", db.Goals.Where(x => x.ParticipantId == id).OrderBy(x => x.AgreedOn));
        await Add("actions", db.PlanActions.Where(x => x.ParticipantId == id).OrderBy(x => x.IdentifiedOn));
        await Add("interventions", db.Interventions.Where(x => x.ParticipantId == id).OrderBy(x => x.Date));
        await Add("milestones", db.ParticipantMilestones.Where(x => x.ParticipantId == id).OrderBy(x => x.AchievedOn));
        await Add("transfers", db.ParticipantTransfers.Where(x => x.ParticipantId == id).OrderBy(x => x.TransferredOn));
        await Add("helpRequests", db.HelpRequests.Where(x => x.ParticipantId == id || x.Id == participant.HelpRequestId));
        await Add("jobStarts", db.JobStarts.Where(x => x.ParticipantId == id).OrderBy(x => x.StartDate));
        await Add("sustainmentChecks", db.SustainmentChecks.Where(x => x.ParticipantId == id).OrderBy(x => x.DueOn));
        await Add("progressions", db.ProgressionRecords.Where(x => x.ParticipantId == id).OrderBy(x => x.ChangedOn));
        var files = await db.EvidenceFiles.AsNoTracking().Where(x => x.ParticipantId == id).OrderBy(x => x.UploadedAt).ToListAsync(cancellationToken);
        sections["evidenceFiles"] = [.. files.Select(Fields)];
        await Add("claimLines", db.ClaimLines.Where(x => x.ParticipantId == id).OrderBy(x => x.MilestoneDate));
        await Add("jobGoals", db.JobGoals.Where(x => x.ParticipantId == id));
        await Add("referrals", db.Referrals.Where(x => x.ParticipantId == id).OrderBy(x => x.ReferredOn));
        await Add("referralEvents", db.ReferralEvents.Where(x => db.Referrals.Any(r => r.Id == x.ReferralId && r.ParticipantId == id)).OrderBy(x => x.OccurredOn));
        await Add("matchReviews", db.MatchReviews.Where(x => x.ParticipantId == id).OrderBy(x => x.ReviewedOn));
        await Add("indicatorAssessments", db.IndicatorAssessments.Where(x => x.ParticipantId == id).OrderBy(x => x.AssessedOn));

        // The provider's own identifiers of anything of theirs that came from an import.
        var ownIds = new List<Guid> { id };
        foreach (var name in new[] { "interventions", "jobStarts", "sustainmentChecks" })
        {
            ownIds.AddRange(sections[name].Select(r => (Guid)r["Id"]!));
        }

        await Add("externalRecords", db.ExternalRecords.Where(x => x.LotId == participant.LotId && ownIds.Contains(x.EntityId)));
        await Add("erasures", db.Erasures.Where(x => x.ParticipantId == id));

        var helpKeys = sections["helpRequests"].Select(r => r["Id"]!.ToString()!).ToList();
        var eventKeys = sections["referralEvents"].Select(r => r["Id"]!.ToString()!).ToList();
        await Add("auditEvents", db.AuditEvents.Where(a => a.ParticipantId == id
                || (a.EntityType == nameof(HelpRequest) && helpKeys.Contains(a.EntityId!))
                || (a.EntityType == nameof(ReferralEvent) && eventKeys.Contains(a.EntityId!)))
            .OrderBy(a => a.OccurredAt));
        return new Records(Fields(participant), sections, files);
    }

    /// <summary>Every mapped column of a row, by property name: "every field", whatever is added to the entity later.</summary>
    private Dictionary<string, object?> Fields<T>(T row)
        where T : class
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var fields = new Dictionary<string, object?>();
        foreach (var property in type.GetProperties())
        {
            fields[property.Name] = property.PropertyInfo?.GetValue(row) ?? property.FieldInfo?.GetValue(row);
        }

        return fields;
    }

    private async Task LogAsync(Participant participant, string action, string summary, CancellationToken cancellationToken)
    {
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = clock.GetUtcNow(),
            UserId = user.UserId,
            UserName = user.UserName,
            Action = action,
            EntityType = nameof(Participant),
            EntityId = participant.Id.ToString(),
            LotId = participant.LotId,
            ParticipantId = participant.Id,
            Summary = summary,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task WriteAsync(ZipArchive zip, string name, string text, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var target = await entry.OpenAsync(cancellationToken);
        await target.WriteAsync(new UTF8Encoding(false).GetBytes(text), cancellationToken);
    }

    /// <summary>A file name safe inside a ZIP on any system: letters, digits, dots, dashes and underscores.</summary>
    private static string SafeName(string name)
    {
        var safe = new string([.. Path.GetFileName(name).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')]);
        return safe.Trim('.').Length == 0 ? "file" : safe;
    }

    private static string Summary(
        Participant p, Records records, DateTimeOffset generatedAt, List<string> evidenceNames, List<string> missing)
    {
        static string E(object? value) => WebUtility.HtmlEncode(value switch
        {
            null => "",
            DateOnly d => Formatting.Date(d),
            DateTimeOffset t => Formatting.DateTime(t),
            bool b => b ? "Yes" : "No",
            System.Collections.IEnumerable list when value is not string => string.Join(", ", list.Cast<object?>()),
            _ => Convert.ToString(value, Formatting.EnGb) ?? "",
        });

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<title>Subject access request: ").Append(E(p.Reference)).Append("</title>\n");
        html.Append("<style>body{font-family:Arial,sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse;margin-bottom:2em}"
            + "th,td{border:1px solid #b1b4b6;padding:4px 8px;text-align:left;vertical-align:top}caption{font-weight:bold;text-align:left;font-size:1.2em;margin:1em 0 .5em}</style>\n");
        html.Append("</head>\n<body>\n<main>\n");
        html.Append("<h1>Your personal data held by the Connecting Communities programme</h1>\n");
        html.Append("<p>Reference ").Append(E(p.Reference)).Append(". Produced on ").Append(E(generatedAt))
            .Append(" in answer to a subject access request (UK GDPR Article 15). The file <code>record.json</code> holds every field of every record below; "
                + "<code>access-log.json</code> holds every time someone viewed or changed the record; the folder <code>evidence</code> holds the evidence files.</p>\n");
        if (p.ErasedAt is { } erased)
        {
            html.Append("<p><strong>The personal data of this record was erased on ").Append(E(erased)).Append(".</strong> What remains is shown below.</p>\n");
        }

        html.Append("<table>\n<caption>Your details</caption>\n<tbody>\n");
        foreach (var (name, value) in records.Participant)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(name)).Append("</th><td>").Append(E(value)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        foreach (var (name, rows) in records.Sections)
        {
            var title = Titles.GetValueOrDefault(name, name);
            if (rows.Count == 0)
            {
                html.Append("<h2>").Append(E(title)).Append("</h2>\n<p>None.</p>\n");
                continue;
            }

            var columns = rows[0].Keys.Where(k => k is not ("Id" or "ParticipantId" or "Version")).ToList();
            html.Append("<table>\n<caption>").Append(E(title)).Append(" (").Append(rows.Count).Append(")</caption>\n<thead><tr>");
            foreach (var column in columns)
            {
                html.Append("<th scope=\"col\">").Append(E(column)).Append("</th>");
            }

            html.Append("</tr></thead>\n<tbody>\n");
            foreach (var row in rows)
            {
                html.Append("<tr>");
                foreach (var column in columns)
                {
                    html.Append("<td>").Append(E(row[column])).Append("</td>");
                }

                html.Append("</tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("<h2>Evidence files</h2>\n");
        if (evidenceNames.Count == 0 && missing.Count == 0)
        {
            html.Append("<p>None.</p>\n");
        }
        else
        {
            html.Append("<ul>\n");
            foreach (var name in evidenceNames)
            {
                html.Append("<li><a href=\"").Append(E(name)).Append("\">").Append(E(name)).Append("</a></li>\n");
            }

            foreach (var name in missing)
            {
                html.Append("<li>").Append(E(name)).Append(" (recorded, but the file is no longer held)</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }
}
