using ConnectingCommunities.Data;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Brokerage.Employers;

/// <summary>A lot as brokerage pages show it.</summary>
public sealed record LotChoice(Guid Id, string Code, string Name);

/// <summary>
/// Which lot an employer, contact, activity or vacancy is recorded for. Advisors and managers work for their
/// own lots: with one lot it is that one; with several they name it ("lot", a lot code). Commissioners read
/// every lot's records but record none.
/// </summary>
public sealed class BrokerageLots(CcDbContext db, CurrentUser user)
{
    private IReadOnlyList<LotChoice>? visible;
    private IReadOnlyList<LotChoice>? all;

    /// <summary>The lots whose contacts, activities and notes this user may read: their own, or all for a commissioner.</summary>
    public async Task<IReadOnlyList<LotChoice>> VisibleAsync(CancellationToken cancellationToken = default)
    {
        if (visible is null)
        {
            var lots = await user.VisibleLotsAsync(cancellationToken);
            visible = await lots.AsNoTracking().OrderBy(l => l.Code).Select(l => new LotChoice(l.Id, l.Code, l.Name)).ToListAsync(cancellationToken);
        }

        return visible;
    }

    /// <summary>Every lot, for filters and for naming the lot that found a vacancy.</summary>
    public async Task<IReadOnlyList<LotChoice>> AllAsync(CancellationToken cancellationToken = default) =>
        all ??= await db.Lots.AsNoTracking().OrderBy(l => l.Code).Select(l => new LotChoice(l.Id, l.Code, l.Name)).ToListAsync(cancellationToken);

    /// <summary>The lots this user records brokerage work for: their own lots when they are an advisor or manager; none otherwise.</summary>
    public async Task<IReadOnlyList<LotChoice>> WritableAsync(CancellationToken cancellationToken = default) =>
        user.IsLotScoped ? await VisibleAsync(cancellationToken) : [];

    /// <summary>The lot to record for: the one named (by code), or the user's only lot; a field error on "lot" otherwise.</summary>
    public async Task<LotChoice?> ChooseAsync(string? lotCode, FieldErrors errors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var writable = await WritableAsync(cancellationToken);
        if (writable.Count == 0)
        {
            errors.Add("lot", "Only advisors and provider managers record employers and vacancies for their lot");
            return null;
        }

        if (string.IsNullOrWhiteSpace(lotCode))
        {
            if (writable.Count == 1)
            {
                return writable[0];
            }

            errors.Add("lot", $"Select the lot. Allowed values: {string.Join(", ", writable.Select(l => l.Code))}");
            return null;
        }

        var found = writable.FirstOrDefault(l => string.Equals(l.Code, lotCode.Trim(), StringComparison.OrdinalIgnoreCase));
        if (found is null)
        {
            errors.Add("lot", $"You do not work for lot '{lotCode.Trim()}'. Allowed values: {string.Join(", ", writable.Select(l => l.Code))}");
        }

        return found;
    }
}
