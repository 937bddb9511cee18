using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Web.Tests.Participants.Moves;

/// <summary>Advisors, contracts and database reads for the moves tests, straight to and from the database.</summary>
internal static class MovesData
{
    /// <summary>A new advisor of the lot, so a test works with a caseload no other test touches.</summary>
    public static async Task<AppUser> AddAdvisorAsync(this TestApp app, string lotCode, bool active = true, string role = Roles.Advisor)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var lot = await db.Lots.SingleAsync(l => l.Code == lotCode);
        var unique = Guid.NewGuid().ToString("N")[..8];
        var email = $"advisor-{unique}@moves.test";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Advisor {unique}", IsActive = active };
        user.Lots.Add(new UserLot { UserId = user.Id, LotId = lot.Id });
        var created = await users.CreateAsync(user, TestEnvironment.DemoPassword);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return user;
    }

    public static async Task<Contract> ContractAsync(this TestApp app, string reference)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        return await db.Contracts.AsNoTracking().SingleAsync(c => c.Reference == reference);
    }

    /// <summary>A further contract of a lot with the same provider, for lots the seed gives one contract.</summary>
    public static async Task<Contract> AddContractAsync(this TestApp app, string lotCode, string reference, DateOnly start, DateOnly? end)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var existing = await db.Contracts.Include(c => c.Lot).FirstAsync(c => c.Lot!.Code == lotCode);
        var contract = new Contract { Reference = reference, LotId = existing.LotId, ProviderId = existing.ProviderId, StartDate = start, EndDate = end };
        db.Contracts.Add(contract);
        await db.SaveChangesAsync();
        return contract;
    }

    public static async Task<Participant> ParticipantAsync(this TestApp app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        return await db.Participants.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    public static async Task<List<ParticipantTransfer>> TransfersAsync(this TestApp app, Guid participantId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        return await db.ParticipantTransfers.AsNoTracking().Where(t => t.ParticipantId == participantId).ToListAsync();
    }

    public static async Task<List<AuditEvent>> AuditAsync(this TestApp app, Func<IQueryable<AuditEvent>, IQueryable<AuditEvent>> filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        return await filter(db.AuditEvents.AsNoTracking()).ToListAsync();
    }

    public static async Task<T> WithDbAsync<T>(this TestApp app, Func<CcDbContext, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CcDbContext>());
    }

    public static Dictionary<string, string> Form(params (string Key, string Value)[] fields) =>
        fields.ToDictionary(f => f.Key, f => f.Value);
}
