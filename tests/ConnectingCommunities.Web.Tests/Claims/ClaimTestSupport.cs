using System.Net;
using System.Text.Json;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Web.Tests.Claims;

/// <summary>
/// Participants with milestones, job starts and evidence rows put straight into the database, as
/// a claim reads them, and the claim counts and lines the claims tests compare.
/// </summary>
internal static class ClaimTestSupport
{
    public const string SecondCommissioner = "commissioner.two@demo.test";

    /// <summary>A participant of the lot living in its area, registered on <paramref name="registered"/> (1 March 2021 by default).</summary>
    public static async Task<Participant> PersonAsync(this TestApp app, string lot, Cohort cohort = Cohort.HardestToHelp, DateOnly? registered = null, Action<Participant>? configure = null)
    {
        var postcode = await app.InAreaPostcodeAsync(lot);
        return await app.AddAsync(lot, p =>
        {
            p.Postcode = postcode;
            p.Cohort = cohort;
            p.RegisteredOn = registered ?? new DateOnly(2021, 3, 1);
            configure?.Invoke(p);
        });
    }

    /// <summary>A job start on <paramref name="on"/> with the JobOutcome milestone it makes, and a payslip row unless told not to.</summary>
    public static async Task<Guid> JobOutcomeAsync(this TestApp app, Participant participant, DateOnly on, bool evidence = true, bool milestone = true)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var employer = await db.Employers.FirstOrDefaultAsync(e => e.NormalisedName == "claims test employer");
        if (employer is null)
        {
            employer = new Employer { Name = "Claims Test Employer", NormalisedName = "claims test employer", CreatedAt = DateTimeOffset.UtcNow };
            db.Employers.Add(employer);
        }

        var job = new JobStart
        {
            ParticipantId = participant.Id,
            EmployerId = employer.Id,
            JobTitle = "Warehouse operative",
            StartDate = on,
            WeeklyHours = 30,
            HourlyWage = 9.50m,
            ContractType = JobContractType.Permanent,
            RecordedAt = DateTimeOffset.UtcNow,
        };
        db.JobStarts.Add(job);
        if (evidence)
        {
            db.EvidenceFiles.Add(new EvidenceFile
            {
                ParticipantId = participant.Id,
                JobStartId = job.Id,
                Kind = EvidenceKind.Payslip,
                OriginalFileName = "payslip.pdf",
                StoredFileName = $"{Guid.CreateVersion7():N}.pdf",
                ContentType = "application/pdf",
                SizeBytes = 1024,
                Sha256 = new string('0', 64),
                UploadedAt = DateTimeOffset.UtcNow,
            });
        }

        if (milestone)
        {
            db.ParticipantMilestones.Add(new ParticipantMilestone { ParticipantId = participant.Id, Milestone = Milestone.JobOutcome, AchievedOn = on });
        }

        await db.SaveChangesAsync();
        return job.Id;
    }

    public static async Task MilestoneAsync(this TestApp app, Participant participant, Milestone milestone, DateOnly on)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        db.ParticipantMilestones.Add(new ParticipantMilestone { ParticipantId = participant.Id, Milestone = milestone, AchievedOn = on });
        await db.SaveChangesAsync();
    }

    /// <summary>Runs a change against the app's database in a scope of its own.</summary>
    public static async Task ChangeAsync(this TestApp app, Func<CcDbContext, Task> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        await change(db);
        await db.SaveChangesAsync();
    }

    public static async Task<T> ReadAsync<T>(this TestApp app, Func<CcDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CcDbContext>());
    }

    /// <summary>Claims, claim lines and audit rows: what "nothing was written" compares.</summary>
    public static Task<(int Claims, int Lines, int Audit)> CountsAsync(this TestApp app) =>
        app.ReadAsync(async db => (
            await db.Claims.CountAsync(),
            await db.ClaimLines.CountAsync(),
            await db.AuditEvents.CountAsync(a => a.EntityType == nameof(OutcomeClaim) || a.EntityType == nameof(ClaimLine))));

    /// <summary>A second commissioner, so that two can decide at once and one can check what another submitted.</summary>
    public static async Task<string> SecondCommissionerAsync(this TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(SecondCommissioner) is null)
        {
            var user = new AppUser { UserName = SecondCommissioner, Email = SecondCommissioner, EmailConfirmed = true, DisplayName = "Second Commissioner" };
            var created = await users.CreateAsync(user, TestEnvironment.DemoPassword);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            Assert.True((await users.AddToRoleAsync(user, Roles.Commissioner)).Succeeded);
        }

        return SecondCommissioner;
    }

    public static async Task<Guid> UserIdAsync(this TestApp app, string email) =>
        await app.ReadAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static IReadOnlyList<JsonElement> Lines(JsonElement claim) => [.. claim.GetProperty("lines").EnumerateArray()];

    public static JsonElement LineOf(JsonElement claim, Guid participantId, string milestone) =>
        Assert.Single(Lines(claim), l => l.GetProperty("participantId").GetGuid() == participantId && l.GetProperty("milestone").GetString() == milestone);

    public static IReadOnlyList<string> Codes(JsonElement line) => [.. line.GetProperty("reasonCodes").EnumerateArray().Select(c => c.GetString()!)];

    public static async Task<JsonElement> CreateClaimAsync(this TestClient client, string lot, string period, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var (status, body) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/claims", new { lotCode = lot, period });
        Assert.True(status == expected, $"POST claim {lot} {period}: expected {(int)expected}, got {(int)status}: {body}");
        return body;
    }

    public static async Task<JsonElement> PostAsync(this TestClient client, string url, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var (status, json) = await client.SendJsonAsync(HttpMethod.Post, url, body ?? new { });
        Assert.True(status == expected, $"POST {url}: expected {(int)expected}, got {(int)status}: {json}");
        return json;
    }
}
