using System.Security.Claims;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Auditing;
using ConnectingCommunities.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Infrastructure;

/// <summary>
/// The signed-in user and the lots they may see. Lot assignments are read from the database once
/// per request, so a change by a commissioner applies at once rather than at the next sign-in.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor accessor, CcDbContext db, IAuditActor audit)
{
    private IReadOnlySet<Guid>? lotIds;

    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsSignedIn => Principal.Identity?.IsAuthenticated == true;

    public Guid? UserId => Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string UserName => Principal.Identity?.Name ?? "anonymous";

    /// <summary>The reason the user gave, recorded with the changes saved in this request.</summary>
    public string? Reason
    {
        get => audit.Reason;
        set => audit.Reason = value;
    }

    public string? Role => Roles.All.FirstOrDefault(Principal.IsInRole);

    public bool IsInRole(string role) => Principal.IsInRole(role);

    public bool IsCommissioner => IsInRole(Roles.Commissioner);

    /// <summary>Advisors and provider managers see only their own lots; everyone else sees all.</summary>
    public bool IsLotScoped => Role is { } role && Roles.IsLotScoped(role);

    public async Task<IReadOnlySet<Guid>> LotIdsAsync(CancellationToken cancellationToken = default)
    {
        if (lotIds is not null)
        {
            return lotIds;
        }

        var id = UserId;
        lotIds = id is null
            ? new HashSet<Guid>()
            : (await db.UserLots.Where(u => u.UserId == id).Select(u => u.LotId).ToListAsync(cancellationToken)).ToHashSet();
        return lotIds;
    }

    /// <summary>Lots this user may see: the security boundary every lot-owned query starts from.</summary>
    public async Task<IQueryable<Lot>> VisibleLotsAsync(CancellationToken cancellationToken = default)
    {
        if (!IsLotScoped)
        {
            return db.Lots;
        }

        var ids = await LotIdsAsync(cancellationToken);
        return db.Lots.Where(l => ids.Contains(l.Id));
    }
}
