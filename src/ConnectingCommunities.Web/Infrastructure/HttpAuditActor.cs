using System.Security.Claims;
using ConnectingCommunities.Data.Auditing;

namespace ConnectingCommunities.Web.Infrastructure;

/// <summary>
/// The audit trail's view of the signed-in user. Deliberately free of the DbContext, which
/// depends on it through the auditing interceptor.
/// </summary>
public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public Guid? UserId => Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string UserName => Principal?.Identity?.IsAuthenticated == true ? Principal.Identity.Name ?? "unknown" : "system";

    public string? Reason { get; set; }
}
