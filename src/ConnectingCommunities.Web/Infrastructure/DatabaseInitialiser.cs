using System.Security.Cryptography;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Demo;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Data.Seed;
using ConnectingCommunities.Web.Features.Outcomes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Infrastructure;

/// <summary>
/// On start: migrate, make sure the roles exist, and on an empty database with demo data enabled,
/// create the programme of the source documents, one demo user per role and lot, and the demo
/// caseload (only while there are no participants at all).
/// </summary>
public sealed class DatabaseInitialiser(
    CcDbContext db,
    UserManager<AppUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    TimeProvider clock,
    EvidenceOptions evidence,
    ILogger<DatabaseInitialiser> logger)
{
    public const string DemoDomain = "demo.test";

    public async Task<DemoSignIn?> InitialiseAsync(
        bool demoEnabled, string? demoPassword, int demoParticipants = 0, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() });
            }
        }

        if (!demoEnabled)
        {
            return null;
        }

        var seeded = await ProgrammeSeeder.SeedIfEmptyAsync(db, cancellationToken);
        if (seeded)
        {
            logger.LogInformation("Created the Connecting Communities programme from the seed file");
        }

        DemoSignIn signIn;
        if (await db.Users.AnyAsync(cancellationToken))
        {
            signIn = new DemoSignIn(demoPassword, Created: false);
        }
        else
        {
            var password = string.IsNullOrEmpty(demoPassword) ? GeneratePassword() : demoPassword;
            await CreateDemoUsersAsync(password, cancellationToken);
            signIn = new DemoSignIn(password, Created: true);
        }

        // After the users, so that each lot's caseload is assigned to its demo advisor.
        if (demoParticipants > 0 && !await db.Participants.AnyAsync(cancellationToken))
        {
            // The demo's evidence files go where the app serves evidence from, so their downloads work.
            var result = await DemoData.CreateAsync(
                db,
                new DemoDataRequest(demoParticipants, Today: Formatting.TodayInLondon(clock), EvidenceFolder: evidence.EffectiveFolder),
                cancellationToken);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation(
                    "Created the demo caseload: {Participants} participants with {Records} records in {Seconds:F1} s",
                    result.Participants, result.Rows - result.Participants, result.Elapsed.TotalSeconds);
            }
        }

        return signIn;
    }

    private async Task CreateDemoUsersAsync(string password, CancellationToken cancellationToken)
    {
        await CreateUserAsync($"commissioner@{DemoDomain}", "Demo Commissioner", Roles.Commissioner, [], password);
        await CreateUserAsync($"evaluator@{DemoDomain}", "Demo Evaluator", Roles.Evaluator, [], password);
        var lots = await db.Lots.OrderBy(l => l.Code).ToListAsync(cancellationToken);
        foreach (var lot in lots)
        {
            var code = lot.Code.ToLowerInvariant();
            await CreateUserAsync($"manager.{code}@{DemoDomain}", $"{lot.Name} Manager", Roles.ProviderManager, [lot.Id], password);
            await CreateUserAsync($"advisor.{code}@{DemoDomain}", $"{lot.Name} Advisor", Roles.Advisor, [lot.Id], password);
        }
    }

    private async Task CreateUserAsync(string email, string name, string role, IReadOnlyList<Guid> lotIds, string password)
    {
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        user.Lots.AddRange(lotIds.Select(id => new UserLot { UserId = user.Id, LotId = id }));
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not create the demo user {email}: {string.Join(" ", created.Errors.Select(e => e.Description))} "
                + "Set Demo:Password to at least 12 characters with upper and lower case letters and a digit.");
        }

        await users.AddToRoleAsync(user, role);
    }

    private static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = RandomNumberGenerator.GetItems<char>(alphabet, 16);
        // Guarantee each required character class regardless of the draw.
        return $"Cc{new string(chars)}7";
    }
}

public sealed record DemoSignIn(string? Password, bool Created);
