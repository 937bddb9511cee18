using System.Data;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ConnectingCommunities.Web.Features.Payments;

/// <summary>
/// Payment runs: approved claim lines become payments, recoveries requested become negative lines,
/// one run per provider, with the totals worked out by the domain's <see cref="PaymentRunCalculator"/>.
/// Commissioners see every run; a provider manager sees the runs of the providers holding contracts
/// in their lots, and only their lots' lines.
/// </summary>
public sealed class PaymentRunHandler(CcDbContext db, CurrentUser user, TimeProvider clock)
{
    /// <summary>What a run for the period would pay now, without saving anything.</summary>
    public async Task<Result<PaymentRunPreview>> PreviewAsync(string? period, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var chosen = PaymentPeriods.Read(period, await ProgrammeAsync(cancellationToken), Formatting.TodayInLondon(clock), errors);
        if (chosen is not { } p)
        {
            return Result<PaymentRunPreview>.Invalid(errors);
        }

        var plans = await PlanAsync(p, tracking: false, cancellationToken);
        if (plans.Count == 0)
        {
            return Result<PaymentRunPreview>.Invalid(PaymentPeriods.Field, NothingToPay(p));
        }

        var lots = await LotCodesAsync(cancellationToken);
        return Result<PaymentRunPreview>.Ok(new PaymentRunPreview(
            p.ToString(),
            plans.Select(plan => new PaymentRunPreviewRun(
                Summary(plan, null, null, p, null),
                plan.Lines.Select(l => LineView(l, lots)).ToList())).ToList()));
    }

    /// <summary>
    /// Makes the runs for the period in one transaction. Two runs made at the same moment cannot pay
    /// a line twice: each line's status change is checked against its version, the database holds one
    /// payment and one recovery per line, and the whole run is serialisable, so the later one is
    /// refused (a conflict) or, having waited, finds nothing left to pay.
    /// </summary>
    public async Task<Result<PaymentRunsCreated>> CreateAsync(PaymentRunInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var chosen = PaymentPeriods.Read(input.Period, await ProgrammeAsync(cancellationToken), Formatting.TodayInLondon(clock), errors);
        if (chosen is not { } period)
        {
            return Result<PaymentRunsCreated>.Invalid(errors);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            try
            {
                return await MakeRunsAsync(period, cancellationToken);
            }
            catch (Exception ex) when (IsConflict(ex))
            {
                db.ChangeTracker.Clear();
                return Result<PaymentRunsCreated>.Conflict(
                    "Another payment run, or a change to the same claim lines, was saved at the same time, so this run paid nothing. "
                    + "Check the payment runs list: if anything is still to pay, make the run again.");
            }
        });
    }

    public async Task<Result<PagedList<PaymentRunSummary>>> ListAsync(
        string? provider, string? period, int? page, int? pageSize, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        Guid? providerId = null;
        if (!string.IsNullOrWhiteSpace(provider))
        {
            if (Guid.TryParse(provider, out var id))
            {
                providerId = id;
            }
            else
            {
                errors.Add("provider", "Select a provider from the list");
            }
        }

        var periodFilter = PaymentPeriods.ReadFilter(period, errors);
        if (errors.Any)
        {
            return Result<PagedList<PaymentRunSummary>>.Invalid(errors);
        }

        var runs = await VisibleRunsAsync(cancellationToken);
        if (providerId is { } pid)
        {
            runs = runs.Where(r => r.ProviderId == pid);
        }

        if (periodFilter is not null)
        {
            runs = runs.Where(r => r.Period == periodFilter);
        }

        var (number, size) = Paging.Normalise(page, pageSize);
        var total = await runs.CountAsync(cancellationToken);
        var (allLots, lots) = await LotScopeAsync(cancellationToken);
        var rows = await runs
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Reference)
            .Skip((number - 1) * size).Take(size)
            .Select(r => new PaymentRunSummary(
                r.Id, r.Reference, r.ProviderId, r.Provider!.Name, r.Period, r.CreatedAt,
                r.GrossPayments, r.Recoveries, r.BroughtForward, r.Total, r.CarriedForward,
                r.Lines.Count(l => allLots || lots.Contains(l.LotId))))
            .ToListAsync(cancellationToken);
        return Result<PagedList<PaymentRunSummary>>.Ok(new PagedList<PaymentRunSummary>(rows, total, number, size));
    }

    /// <summary>The run with its lines, or null when there is none the user may see.</summary>
    public async Task<PaymentRunView?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var run = await (await VisibleRunsAsync(cancellationToken))
            .Where(r => r.Id == id)
            .Select(r => new
            {
                r.Id,
                r.Reference,
                r.ProviderId,
                Provider = r.Provider!.Name,
                r.Period,
                r.PeriodEnd,
                r.CreatedAt,
                r.CreatedById,
                r.GrossPayments,
                r.Recoveries,
                r.BroughtForward,
                r.Total,
                r.CarriedForward,
            })
            .AsNoTracking()
            .FirstOrDefaultAsync(cancellationToken);
        if (run is null)
        {
            return null;
        }

        var (allLots, lots) = await LotScopeAsync(cancellationToken);
        var lines = await (
                from line in db.PaymentRunLines
                where line.PaymentRunId == id && (allLots || lots.Contains(line.LotId))
                join claimLine in db.ClaimLines on line.ClaimLineId equals claimLine.Id
                join claim in db.Claims on claimLine.ClaimId equals claim.Id
                join lot in db.Lots on line.LotId equals lot.Id
                select new PaymentRunLineView(
                    claimLine.Id, claim.Id, claim.Reference, lot.Code, claimLine.ParticipantReference, claimLine.Milestone,
                    claimLine.MilestoneDate, claimLine.Cohort, line.Kind, line.Amount, claimLine.Status, claimLine.RecoveryRequestedAt))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var createdBy = run.CreatedById is { } by
            ? await db.Users.Where(u => u.Id == by).Select(u => u.DisplayName == "" ? u.Email : u.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new PaymentRunView(
            run.Id, run.Reference, run.ProviderId, run.Provider, run.Period, run.PeriodEnd, run.CreatedAt, createdBy,
            run.GrossPayments, run.Recoveries, run.BroughtForward, run.Total, run.CarriedForward,
            lines.OrderBy(l => l.Kind).ThenBy(l => l.LotCode, StringComparer.Ordinal).ThenBy(l => l.ClaimReference, StringComparer.Ordinal)
                .ThenBy(l => l.ParticipantReference, StringComparer.Ordinal).ThenBy(l => l.Milestone).ToList());
    }

    /// <summary>The providers whose runs the user may see, by name, for the list's filter.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> ProvidersAsync(CancellationToken cancellationToken = default)
    {
        var runs = await VisibleRunsAsync(cancellationToken);
        var providers = await db.Providers
            .Where(p => runs.Any(r => r.ProviderId == p.Id))
            .Select(p => new { p.Id, p.Name })
            .ToListAsync(cancellationToken);
        return providers.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Select(p => (p.Id, p.Name)).ToList();
    }

    public static string NothingToPay(ClaimPeriod period) =>
        $"Nothing to pay up to {PaymentPeriods.MonthName(period)}: there are no approved, unpaid claim lines up to {Formatting.Date(period.End)} "
        + "and no recoveries waiting";

    private async Task<Result<PaymentRunsCreated>> MakeRunsAsync(ClaimPeriod period, CancellationToken cancellationToken)
    {
        // Serialisable: SQLite runs the whole transaction alone (BEGIN IMMEDIATE), so a second run waits
        // and then finds the lines paid; PostgreSQL refuses whichever of two overlapping runs commits second.
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
        var plans = await PlanAsync(period, tracking: true, cancellationToken);
        if (plans.Count == 0)
        {
            return Result<PaymentRunsCreated>.Invalid(PaymentPeriods.Field, NothingToPay(period));
        }

        var text = period.ToString();
        var number = await db.PaymentRuns.CountAsync(r => r.Period == text, cancellationToken);
        var now = clock.GetUtcNow();
        var made = new List<(PaymentRun Run, ProviderPlan Plan)>();
        foreach (var plan in plans)
        {
            number++;
            var run = new PaymentRun
            {
                Reference = $"PAY-{text}-{number:D4}",
                ProviderId = plan.ProviderId,
                Period = text,
                PeriodEnd = period.End,
                GrossPayments = plan.Totals.Payments,
                Recoveries = plan.Totals.Recoveries,
                BroughtForward = plan.Totals.BalanceBroughtForward,
                Total = plan.Totals.Payable,
                CarriedForward = plan.Totals.BalanceCarriedForward,
                CreatedById = user.UserId,
                CreatedAt = now,
            };
            foreach (var due in plan.Lines)
            {
                run.Lines.Add(new PaymentRunLine
                {
                    ClaimLineId = due.Line.Id,
                    LotId = due.LotId,
                    ContractId = due.Line.ContractId,
                    Kind = due.Payment.Kind,
                    Amount = due.Payment.Amount,
                });
                due.Line.Status = due.Payment.Kind == PaymentLineKind.Payment ? ClaimLineStatus.Paid : ClaimLineStatus.Recovered;
            }

            db.PaymentRuns.Add(run);
            made.Add((run, plan));
        }

        // The audit rows of the runs, their lines and every claim line's new status say why.
        user.Reason = $"Payment run for {PaymentPeriods.MonthName(period)}";
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result<PaymentRunsCreated>.Ok(new PaymentRunsCreated(
            text,
            made.Select(m => Summary(m.Plan, m.Run.Id, m.Run.Reference, period, m.Run.CreatedAt)).ToList()));
    }

    /// <summary>Due lines grouped by provider (the provider on the claim line), with each provider's balance brought forward.</summary>
    private async Task<List<ProviderPlan>> PlanAsync(ClaimPeriod period, bool tracking, CancellationToken cancellationToken)
    {
        var end = period.End;
        var lines = tracking ? db.ClaimLines : db.ClaimLines.AsNoTracking();
        var toPay = await lines
            .Where(l => l.Status == ClaimLineStatus.Approved
                && !db.PaymentRunLines.Any(p => p.ClaimLineId == l.Id && p.Kind == PaymentLineKind.Payment))
            .Join(db.Claims.Where(c => c.PeriodEnd <= end), l => l.ClaimId, c => c.Id, (l, c) => new { Line = l, c.LotId, c.Reference })
            .ToListAsync(cancellationToken);

        // A recovery takes back what was paid; a line marked paid without a run (an import) is taken back at its amount.
        var toRecover = await lines
            .Where(l => l.Status == ClaimLineStatus.Paid && l.RecoveryRequestedAt != null
                && !db.PaymentRunLines.Any(p => p.ClaimLineId == l.Id && p.Kind == PaymentLineKind.Recovery))
            .Join(db.Claims, l => l.ClaimId, c => c.Id, (l, c) => new
            {
                Line = l,
                c.LotId,
                c.Reference,
                Paid = db.PaymentRunLines.Where(p => p.ClaimLineId == l.Id && p.Kind == PaymentLineKind.Payment).Select(p => (decimal?)p.Amount).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var due = toPay.Select(x => new DueLine(x.Line, x.LotId, x.Reference, PaymentLine.Payment(x.Line.Id, x.Line.Amount)))
            .Concat(toRecover.Select(x => new DueLine(x.Line, x.LotId, x.Reference, PaymentLine.Recovery(x.Line.Id, x.Paid ?? x.Line.Amount))))
            .ToList();
        if (due.Count == 0)
        {
            return [];
        }

        var providerIds = due.Select(d => d.Line.ProviderId).Distinct().ToList();
        var names = await db.Providers.Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var plans = new List<ProviderPlan>();
        foreach (var group in due.GroupBy(d => d.Line.ProviderId))
        {
            var broughtForward = Math.Min(0m, await db.PaymentRuns
                .Where(r => r.ProviderId == group.Key)
                .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Reference)
                .Select(r => (decimal?)r.CarriedForward)
                .FirstOrDefaultAsync(cancellationToken) ?? 0m);
            var groupLines = group.ToList();
            plans.Add(new ProviderPlan(
                group.Key,
                names.GetValueOrDefault(group.Key) ?? "Unknown provider",
                groupLines,
                PaymentRunCalculator.Calculate(groupLines.Select(d => d.Payment), broughtForward)));
        }

        return plans.OrderBy(p => p.ProviderName, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.ProviderId).ToList();
    }

    private static PaymentRunSummary Summary(ProviderPlan plan, Guid? id, string? reference, ClaimPeriod period, DateTimeOffset? createdAt) =>
        new(id, reference, plan.ProviderId, plan.ProviderName, period.ToString(), createdAt,
            plan.Totals.Payments, plan.Totals.Recoveries, plan.Totals.BalanceBroughtForward, plan.Totals.Payable,
            plan.Totals.BalanceCarriedForward, plan.Lines.Count);

    private static PaymentRunLineView LineView(DueLine due, IReadOnlyDictionary<Guid, string> lots) =>
        new(due.Line.Id, due.Line.ClaimId, due.ClaimReference, lots.GetValueOrDefault(due.LotId) ?? "", due.Line.ParticipantReference,
            due.Line.Milestone, due.Line.MilestoneDate, due.Line.Cohort, due.Payment.Kind, due.Payment.Amount, due.Line.Status,
            due.Line.RecoveryRequestedAt);

    private async Task<IReadOnlyDictionary<Guid, string>> LotCodesAsync(CancellationToken cancellationToken) =>
        await db.Lots.ToDictionaryAsync(l => l.Id, l => l.Code, cancellationToken);

    /// <summary>
    /// Runs the user may see: every run for a commissioner; for a provider manager, the runs of the
    /// providers holding (or having held) a contract in one of their lots.
    /// </summary>
    private async Task<IQueryable<PaymentRun>> VisibleRunsAsync(CancellationToken cancellationToken)
    {
        var runs = db.PaymentRuns.AsNoTracking();
        if (!user.IsLotScoped)
        {
            return runs;
        }

        var lots = (await user.LotIdsAsync(cancellationToken)).ToList();
        var providers = db.Contracts.Where(c => lots.Contains(c.LotId)).Select(c => c.ProviderId);
        return runs.Where(r => providers.Contains(r.ProviderId));
    }

    /// <summary>Whether every lot's lines may be seen, else the lots whose lines may.</summary>
    private async Task<(bool All, List<Guid> Lots)> LotScopeAsync(CancellationToken cancellationToken) =>
        user.IsLotScoped ? (false, (await user.LotIdsAsync(cancellationToken)).ToList()) : (true, []);

    private async Task<ProgrammeRecord?> ProgrammeAsync(CancellationToken cancellationToken) =>
        await db.Programmes.AsNoTracking().OrderBy(p => p.StartDate).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Another run changed the same lines first, or the database refused to serialise the two.</summary>
    private static bool IsConflict(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DbUpdateConcurrencyException:
                case PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.UniqueViolation }:
                case SqliteException { SqliteErrorCode: 5 or 6 }:
                case SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 }:
                    return true;
                default:
                    break;
            }
        }

        return false;
    }

    private sealed record DueLine(ClaimLine Line, Guid LotId, string ClaimReference, PaymentLine Payment);

    private sealed record ProviderPlan(Guid ProviderId, string ProviderName, IReadOnlyList<DueLine> Lines, PaymentRunTotals Totals);
}
