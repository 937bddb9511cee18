using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Web.Tests.Payments;

/// <summary>A claim line put straight into the database, as the claims feature would leave it.</summary>
public sealed record SeededLine(Guid ClaimId, Guid LineId, string ClaimReference, string ParticipantReference, decimal Amount);

/// <summary>
/// Claims and lines inserted directly (approved, paid...), so that payment tests start from the state
/// they need rather than from the whole claim journey. Each test makes a provider of its own, so the
/// runs it makes and reads back are its own even though every run pays everything due.
/// </summary>
public static class PaymentTestData
{
    private static int counter;

    /// <summary>A new provider, with a contract in each lot named (so that those lots' managers see its runs).</summary>
    public static async Task<Guid> AddProviderAsync(this TestApp app, string? name = null, params string[] contractLots)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var unique = Guid.NewGuid().ToString("N")[..8];
        var provider = new Provider { Name = name ?? $"Test provider {unique}", OrganisationType = "Test" };
        db.Providers.Add(provider);
        foreach (var code in contractLots)
        {
            var lot = await db.Lots.SingleAsync(l => l.Code == code);
            db.Contracts.Add(new Contract
            {
                Reference = $"T-{code}-{unique}",
                LotId = lot.Id,
                ProviderId = provider.Id,
                StartDate = new DateOnly(2030, 1, 1),
                EndDate = new DateOnly(2030, 12, 31),
            });
        }

        await db.SaveChangesAsync();
        return provider.Id;
    }

    /// <summary>A submitted claim of the lot for the period with one line per amount, each for a new participant.</summary>
    public static async Task<IReadOnlyList<SeededLine>> AddClaimAsync(
        this TestApp app, string lotCode, Guid providerId, string period, ClaimLineStatus status, params decimal[] amounts)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(amounts);
        var participants = new List<Participant>();
        foreach (var _ in amounts)
        {
            participants.Add(await app.AddAsync(lotCode));
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var lot = await db.Lots.SingleAsync(l => l.Code == lotCode);
        var contract = await db.Contracts.Where(c => c.LotId == lot.Id && c.Reference.StartsWith("CC-"))
            .OrderByDescending(c => c.StartDate).FirstAsync();
        var claimPeriod = ClaimPeriod.Parse(period);
        var claim = new OutcomeClaim
        {
            Reference = $"{lotCode}-{period}-T{Interlocked.Increment(ref counter)}-{Guid.NewGuid().ToString("N")[..6]}",
            LotId = lot.Id,
            ProviderId = providerId,
            Period = period,
            PeriodEnd = claimPeriod.End,
            Status = ClaimStatus.Submitted,
            CreatedAt = DateTimeOffset.UtcNow,
            SubmittedAt = DateTimeOffset.UtcNow,
        };
        var lines = amounts.Select((amount, i) => new ClaimLine
        {
            ParticipantId = participants[i].Id,
            ParticipantReference = participants[i].Reference,
            Milestone = Milestone.JobOutcome,
            MilestoneDate = claimPeriod.End.AddDays(-3),
            Cohort = Cohort.HardestToHelp,
            Amount = amount,
            ContractId = contract.Id,
            ProviderId = providerId,
            Status = status,
            DecidedAt = status is ClaimLineStatus.Approved or ClaimLineStatus.Rejected or ClaimLineStatus.Paid ? DateTimeOffset.UtcNow : null,
        }).ToList();
        claim.Lines.AddRange(lines);
        db.Claims.Add(claim);
        await db.SaveChangesAsync();
        return lines.Select(l => new SeededLine(claim.Id, l.Id, claim.Reference, l.ParticipantReference, l.Amount)).ToList();
    }

    public static async Task<T> QueryAsync<T>(this TestApp app, Func<CcDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CcDbContext>());
    }

    public static Task<ClaimLine> LineAsync(this TestApp app, Guid lineId) =>
        app.QueryAsync(db => db.ClaimLines.AsNoTracking().SingleAsync(l => l.Id == lineId));

    /// <summary>How many payment run lines of the kind hold the claim line: at most one, whatever happens.</summary>
    public static Task<int> RunLinesAsync(this TestApp app, Guid lineId, PaymentLineKind kind) =>
        app.QueryAsync(db => db.PaymentRunLines.CountAsync(l => l.ClaimLineId == lineId && l.Kind == kind));

    public static Task<int> RunCountAsync(this TestApp app) => app.QueryAsync(db => db.PaymentRuns.CountAsync());
}
