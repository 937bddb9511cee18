using System.Globalization;
using System.Text.Json;
using ConnectingCommunities.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Data.Demo;

/// <summary>What to create: how many participants, from which seed, and who is doing it (for the audit trail).</summary>
/// <param name="Participants">Participants across all lots.</param>
/// <param name="Seed">The same seed gives the same caseload.</param>
/// <param name="Actor">Recorded as the user of the audit event, e.g. "system" or "cc demo-data".</param>
/// <param name="Today">Nothing is dated after this day.</param>
/// <param name="BatchSize">Participants generated and written at a time.</param>
/// <param name="SetAsideIndexes">
/// PostgreSQL: set secondary indexes and foreign keys aside during the load and restore them after;
/// null decides by size (from <see cref="SetAsideIndexesFrom"/> participants).
/// </param>
/// <param name="EvidenceFolder">
/// The web app's evidence folder (Evidence:Folder): when given, a small PDF is written there for
/// every demo evidence row, so downloads work; without it the rows are loaded and their files are
/// missing (a download answers "not found").
/// </param>
public sealed record DemoDataRequest(
    int Participants,
    int Seed = DemoCaseloadGenerator.DefaultSeed,
    string Actor = "system",
    DateOnly? Today = null,
    int BatchSize = 2_000,
    bool? SetAsideIndexes = null,
    string? EvidenceFolder = null)
{
    public const int SetAsideIndexesFrom = PostgresDemoLoader.SetAsideFrom;
}

/// <summary>
/// Creates the demo caseload in a database that has the programme but no participants yet: on
/// SQLite with batched INSERTs, on PostgreSQL with binary COPY, in one transaction, with one audit
/// event that records what was created. A database that already has participants is never touched.
/// </summary>
public static class DemoData
{
    /// <exception cref="DemoDataException">The database already has participants, or has no programme to register them on.</exception>
    public static async Task<DemoLoadResult> CreateAsync(CcDbContext db, DemoDataRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Participants < 0)
        {
            throw new DemoDataException($"The number of participants must be 0 or more, not {request.Participants}.");
        }

        if (await db.Participants.AnyAsync(cancellationToken))
        {
            throw new DemoDataException(
                "The database already has participants, so no demo data was added: demo data goes only into a database without participants (use a new database).");
        }

        var programme = await DemoProgramme.LoadAsync(db, cancellationToken);
        var today = request.Today ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var generator = new DemoCaseloadGenerator(programme, request.Participants, request.Seed, today)
        {
            KeepEvidenceContent = request.EvidenceFolder is not null,
        };
        var audit = new AuditEvent
        {
            OccurredAt = DateTimeOffset.UtcNow,
            UserName = request.Actor,
            Action = "created",
            EntityType = "DemoCaseload",
            Summary = string.Create(
                CultureInfo.InvariantCulture,
                $"Created a synthetic demo caseload of {request.Participants:N0} participants (seed {request.Seed}) with their job outcomes, sustainment, progression, evidence, claims and payments, employers, vacancies, job goals, referrals and Theory of Change indicators; no real person's data."),
            Changes = JsonSerializer.Serialize(new { request.Participants, request.Seed, generator.ParticipantsPerLot }),
        };
        var evidence = request.EvidenceFolder is { } folder ? new DemoEvidenceWriter(folder) : null;
        // Coordinates imported in set-up and relationships a lot already has are kept as they are.
        var located = (await db.PostcodeLocations.AsNoTracking().Select(l => l.Postcode).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var related = (await db.EmployerRelationships.AsNoTracking().Select(r => new { r.EmployerId, r.LotId }).ToListAsync(cancellationToken))
            .Select(r => (r.EmployerId, r.LotId)).ToHashSet();
        var brokerage = new DemoBrokerage(programme, request.Seed, today, located, related);
        var result = await DemoLoader.For(db, request.SetAsideIndexes).LoadAsync(db, generator, audit, request.BatchSize, cancellationToken, evidence, brokerage);

        // The load wrote past the change tracker, so the performance views' counts are made from it afterwards.
        await Performance.PerformanceCounts.RebuildAsync(db, cancellationToken);
        return result;
    }
}
