using ConnectingCommunities.Data;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Payments;

/// <summary>
/// Spend and remaining value per lot and contract, from the payment run lines (what was actually
/// paid and recovered) and the approved lines waiting for a run. The arithmetic is the domain's
/// <see cref="LotBudget"/>, the same the claim validation checks a lot's value with.
/// </summary>
public sealed class SpendHandler(CcDbContext db, CurrentUser user)
{
    public async Task<SpendView> GetAsync(CancellationToken cancellationToken = default)
    {
        var lots = await (await user.VisibleLotsAsync(cancellationToken))
            .OrderBy(l => l.Code)
            .Select(l => new { l.Id, l.Code, l.Name, l.Value })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var lotIds = lots.Select(l => l.Id).ToList();

        var paidAndRecovered = await db.PaymentRunLines
            .Where(l => lotIds.Contains(l.LotId))
            .GroupBy(l => new { l.LotId, l.ContractId, l.Kind })
            .Select(g => new { g.Key.LotId, g.Key.ContractId, g.Key.Kind, Amount = g.Sum(l => l.Amount) })
            .ToListAsync(cancellationToken);

        var approved = await db.ClaimLines
            .Where(l => l.Status == ClaimLineStatus.Approved)
            .Join(db.Claims.Where(c => lotIds.Contains(c.LotId)), l => l.ClaimId, c => c.Id, (l, c) => new { c.LotId, l.Amount })
            .GroupBy(x => x.LotId)
            .Select(g => new { LotId = g.Key, Amount = g.Sum(x => x.Amount) })
            .ToListAsync(cancellationToken);

        var contracts = await db.Contracts
            .Where(c => lotIds.Contains(c.LotId))
            .Select(c => new { c.Id, c.LotId, c.Reference, Provider = c.Provider!.Name, c.StartDate, c.EndDate })
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        var result = new List<LotSpend>();
        foreach (var lot in lots)
        {
            var lines = paidAndRecovered.Where(x => x.LotId == lot.Id)
                .Select(x => new PaymentLine(Guid.Empty, x.Kind, x.Amount));
            var budget = LotBudget.FromPaymentLines(lot.Value, lines, approved.Where(a => a.LotId == lot.Id).Sum(a => a.Amount));
            var contractSpend = contracts.Where(c => c.LotId == lot.Id)
                .OrderBy(c => c.StartDate).ThenBy(c => c.Reference, StringComparer.Ordinal)
                .Select(c =>
                {
                    var spend = LotBudget.FromPaymentLines(0m, paidAndRecovered
                        .Where(x => x.LotId == lot.Id && x.ContractId == c.Id)
                        .Select(x => new PaymentLine(Guid.Empty, x.Kind, x.Amount)));
                    return new ContractSpend(c.Reference, c.Provider, c.StartDate, c.EndDate, spend.Paid, spend.Recovered, spend.Spent);
                })
                .ToList();
            result.Add(new LotSpend(
                lot.Code, lot.Name, budget.Value, budget.Paid, budget.Recovered, budget.Spent, budget.ApprovedUnpaid,
                budget.Remaining, budget.Uncommitted, contractSpend));
        }

        var total = new LotBudget(
            result.Sum(l => l.Value), result.Sum(l => l.Paid), result.Sum(l => l.Recovered), result.Sum(l => l.ApprovedUnpaid));
        return new SpendView(result, new SpendTotals(
            total.Value, total.Paid, total.Recovered, total.Spent, total.ApprovedUnpaid, total.Remaining, total.Uncommitted));
    }
}
