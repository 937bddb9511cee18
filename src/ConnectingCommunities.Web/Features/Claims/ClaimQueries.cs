using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Claims;

/// <summary>
/// The one way claims features reach claims: a provider manager sees only their lots' claims,
/// commissioners all. Another lot's claim is simply not found (404), never forbidden, so its
/// existence is not revealed.
/// </summary>
public sealed class ClaimAccess(CcDbContext db, CurrentUser user)
{
    public async Task<IQueryable<OutcomeClaim>> VisibleAsync(CancellationToken cancellationToken = default)
    {
        if (!user.IsLotScoped)
        {
            return db.Claims;
        }

        var lots = await user.LotIdsAsync(cancellationToken);
        return db.Claims.Where(c => lots.Contains(c.LotId));
    }

    /// <summary>The lots the user may claim for or see the claims of, by code.</summary>
    public async Task<IReadOnlyList<Lot>> LotsAsync(CancellationToken cancellationToken = default) =>
        await (await user.VisibleLotsAsync(cancellationToken)).AsNoTracking().OrderBy(l => l.Code).ToListAsync(cancellationToken);
}

/// <summary>Reading claims: lists, one claim with its lines (all, or a page of them), one line with its evidence.</summary>
public sealed class ClaimQueries(CcDbContext db, ClaimAccess access, ClaimFactsLoader facts)
{
    public const int LinesPerPage = 100;

    public async Task<PagedList<ClaimSummary>> ListAsync(ClaimQuery query, int? page, int? pageSize, bool awaitingOnly = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var claims = await access.VisibleAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(query.LotCode))
        {
            var code = query.LotCode.Trim().ToUpperInvariant();
            claims = claims.Where(c => c.Lot!.Code == code);
        }

        if (!string.IsNullOrWhiteSpace(query.Period))
        {
            claims = claims.Where(c => c.Period == query.Period);
        }

        if (query.Status is { } status)
        {
            claims = claims.Where(c => c.Status == status);
        }

        if (awaitingOnly)
        {
            // The queue: oldest submission first, so claims are decided in the order they arrived.
            claims = claims.Where(c => c.Status == ClaimStatus.Submitted);
        }

        var ordered = awaitingOnly
            ? claims.OrderBy(c => c.SubmittedAt).ThenBy(c => c.Reference)
            : claims.OrderByDescending(c => c.Period).ThenBy(c => c.Lot!.Code).ThenByDescending(c => c.CreatedAt);
        var (p, size) = Paging.Normalise(page, pageSize);
        var total = await claims.CountAsync(cancellationToken);
        var rows = await ordered.Skip((p - 1) * size).Take(size).AsNoTracking()
            .Select(c => new
            {
                c.Id,
                c.Reference,
                LotCode = c.Lot!.Code,
                LotName = c.Lot.Name,
                Provider = c.Provider!.Name,
                c.Period,
                c.Status,
                c.CreatedAt,
                c.SubmittedAt,
            })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var lines = (await db.ClaimLines.AsNoTracking().Where(l => ids.Contains(l.ClaimId))
                .Select(l => new { l.ClaimId, l.Status, l.Amount, Sampled = l.AuditSelection != null })
                .ToListAsync(cancellationToken))
            .ToLookup(l => l.ClaimId);
        var items = rows.Select(r => new ClaimSummary(
                r.Id, r.Reference, r.LotCode, r.LotName, r.Provider, r.Period, r.Status, r.CreatedAt, r.SubmittedAt,
                lines[r.Id].Count(),
                lines[r.Id].Sum(l => l.Amount),
                lines[r.Id].Count(l => l.Status == ClaimLineStatus.Submitted),
                lines[r.Id].Count(l => l.Status == ClaimLineStatus.Submitted && l.Sampled)))
            .ToList();
        return new PagedList<ClaimSummary>(items, total, p, size);
    }

    /// <summary>The claim with every line, or null when it does not exist for this user.</summary>
    public async Task<ClaimView?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await FindPageAsync(id, null, null, int.MaxValue, cancellationToken))?.Claim;

    /// <summary>The claim with one page of its lines (optionally of one status), and how many lines match.</summary>
    public async Task<(ClaimView Claim, int Matching)?> FindPageAsync(
        Guid id, ClaimLineStatus? status, int? page, int pageSize, CancellationToken cancellationToken = default)
    {
        var claim = await (await access.VisibleAsync(cancellationToken)).AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new
            {
                c.Id,
                c.Reference,
                LotCode = c.Lot!.Code,
                LotName = c.Lot.Name,
                c.ProviderId,
                Provider = c.Provider!.Name,
                c.Period,
                c.PeriodEnd,
                c.Status,
                c.CreatedAt,
                c.CreatedById,
                c.SubmittedAt,
                c.SubmittedById,
                c.AuditSeed,
                c.Version,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (claim is null)
        {
            return null;
        }

        // Totals over every line; SQLite cannot sum decimals, so the amounts are added up here.
        var all = await db.ClaimLines.AsNoTracking().Where(l => l.ClaimId == id)
            .Select(l => new { l.Status, l.Amount })
            .ToListAsync(cancellationToken);
        var totals = all.GroupBy(l => l.Status).OrderBy(g => g.Key)
            .Select(g => new ClaimTotal(g.Key, g.Count(), g.Sum(l => l.Amount)))
            .ToList();

        var lines = db.ClaimLines.AsNoTracking().Where(l => l.ClaimId == id);
        if (status is { } only)
        {
            lines = lines.Where(l => l.Status == only);
        }

        var matching = status is null ? all.Count : all.Count(l => l.Status == status);
        var number = Math.Max(1, page ?? 1);
        var rows = await lines.OrderBy(l => l.MilestoneDate).ThenBy(l => l.ParticipantReference).ThenBy(l => l.Milestone)
            .Skip(pageSize == int.MaxValue ? 0 : (number - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);

        var userIds = rows.Where(l => l.DecidedById is not null).Select(l => l.DecidedById!.Value)
            .Append(claim.CreatedById ?? Guid.Empty).Append(claim.SubmittedById ?? Guid.Empty)
            .Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? "Unknown" : u.DisplayName, cancellationToken);

        var view = new ClaimView(
            claim.Id, claim.Reference, claim.LotCode, claim.LotName, claim.ProviderId, claim.Provider, claim.Period, claim.PeriodEnd,
            claim.Status, claim.CreatedAt, Name(names, claim.CreatedById), claim.SubmittedAt, Name(names, claim.SubmittedById), claim.AuditSeed,
            all.Count, all.Sum(l => l.Amount), totals,
            [.. rows.Select(l => ToView(l, names))],
            claim.Version);
        return (view, matching);
    }

    /// <summary>One line of a visible claim with its evidence files, or null.</summary>
    public async Task<ClaimLineDetail?> LineAsync(Guid claimId, Guid lineId, CancellationToken cancellationToken = default)
    {
        var found = await FindPageAsync(claimId, null, null, 0, cancellationToken);
        var line = await db.ClaimLines.AsNoTracking().FirstOrDefaultAsync(l => l.Id == lineId && l.ClaimId == claimId, cancellationToken);
        if (found is not { } claim || line is null)
        {
            return null;
        }

        var participant = await db.Participants.AsNoTracking().Where(p => p.Id == line.ParticipantId)
            .Select(p => new { p.FirstName, p.LastName, p.RegisteredOn, p.LotId })
            .FirstAsync(cancellationToken);
        var lot = await db.Lots.AsNoTracking().FirstAsync(l => l.Id == participant.LotId, cancellationToken);
        var programme = await db.Programmes.AsNoTracking().FirstAsync(p => p.Id == lot.ProgrammeId, cancellationToken);
        var set = await facts.LoadAsync(
            lot, programme, db.Participants.Where(p => p.Id == line.ParticipantId).Select(p => p.Id),
            [new LineToCheck(line.Id, line.ParticipantId, line.Milestone, line.MilestoneDate, line.Amount)], cancellationToken);
        var source = set.Evidence[0];
        var evidence = source.Id is not { } sourceId
            ? []
            : await db.EvidenceFiles.AsNoTracking()
                .Where(f => f.JobStartId == sourceId || f.SustainmentCheckId == sourceId || f.ProgressionRecordId == sourceId)
                .OrderBy(f => f.UploadedAt)
                .ToListAsync(cancellationToken);

        var names = line.DecidedById is { } decider
            ? await db.Users.AsNoTracking().Where(u => u.Id == decider).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken)
            : [];
        return new ClaimLineDetail(
            claim.Claim,
            ToView(line, names),
            $"{participant.FirstName} {participant.LastName}",
            participant.RegisteredOn,
            source.Kind switch
            {
                EvidenceSourceKind.JobStart => "The job start that made the job outcome",
                EvidenceSourceKind.SustainmentCheck => "The sustainment check that found them in work",
                EvidenceSourceKind.ProgressionRecord => "The change of job that meets the paying definition of progression",
                _ => line.Milestone == Milestone.Engaged ? "None needed: engagement is shown by the provider's own contact records" : "No record holds evidence for this milestone",
            },
            [.. evidence.Select(f => new ClaimEvidenceView(
                f.Id, f.Kind, f.OriginalFileName, f.SizeBytes, f.UploadedAt,
                DownloadUrl(f)))]);
    }

    /// <summary>The Outcomes pages that send an evidence file to people who may see the participant.</summary>
    public static string? DownloadUrl(EvidenceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return (file.JobStartId, file.SustainmentCheckId, file.ProgressionRecordId) switch
        {
            ({ } job, _, _) => $"/participants/{file.ParticipantId}/job-starts/{job}/evidence/{file.Id}",
            (_, { } check, _) => $"/participants/{file.ParticipantId}/sustainment-checks/{check}/evidence/{file.Id}",
            (_, _, { } progression) => $"/participants/{file.ParticipantId}/progressions/{progression}/evidence/{file.Id}",
            _ => null,
        };
    }

    public static ClaimLineView ToView(ClaimLine line, IReadOnlyDictionary<Guid, string> names)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(names);
        var codes = ParseCodes(line.ReasonCodes);
        return new ClaimLineView(
            line.Id, line.ParticipantId, line.ParticipantReference, line.Milestone, line.MilestoneDate, line.Cohort, line.Amount, line.Status,
            [.. codes.Select(c => c.ToString())],
            [.. codes.Select(c => c.Description())],
            line.AuditSelection,
            line.EvidenceCount,
            line.DecidedAt is { } at ? new ClaimDecisionView(Name(names, line.DecidedById) ?? "Unknown", at, line.DecisionReason) : null,
            line.Version);
    }

    public static IReadOnlyList<ClaimReasonCode> ParseCodes(string? csv) =>
        [.. (csv ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => Enum.TryParse<ClaimReasonCode>(c, out var code) ? (ClaimReasonCode?)code : null)
            .OfType<ClaimReasonCode>()];

    private static string? Name(IReadOnlyDictionary<Guid, string> names, Guid? id) =>
        id is { } known && names.TryGetValue(known, out var name) ? name : null;
}
