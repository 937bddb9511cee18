using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.TestSupport;

/// <summary>
/// Puts a participant straight into the database, for tests of features that start from an
/// existing participant. Tests of registration itself go through the page or the API.
/// </summary>
public static class TestParticipants
{
    private static int ninoCounter = Random.Shared.Next(0, 900_000);

    public static async Task<Participant> AddAsync(this TestApp app, string lotCode, Action<Participant>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var lot = await db.Lots.SingleAsync(l => l.Code == lotCode);
        var contract = await db.Contracts.Where(c => c.LotId == lot.Id).OrderByDescending(c => c.StartDate).FirstAsync();
        var advisor = await db.Users.SingleOrDefaultAsync(u => u.Email == DemoUsers.Advisor(lotCode));
        var number = (await db.Participants.Where(p => p.LotId == lot.Id).MaxAsync(p => (int?)p.Number) ?? 0) + 1;
        var unique = Guid.NewGuid().ToString("N")[..8];
        var participant = new Participant
        {
            LotId = lot.Id,
            ContractId = contract.Id,
            Number = number,
            Reference = $"{lotCode}-{number:D6}",
            AdvisorId = advisor?.Id,
            FirstName = "Test",
            LastName = "Person" + unique,
            SearchFirstName = "test",
            SearchLastName = "person" + unique,
            DateOfBirth = new DateOnly(1985, 6, 15),
            Nino = $"JL{Interlocked.Increment(ref ninoCounter) % 1_000_000:D6}B",
            Postcode = "B8 1AA",
            EmploymentStatus = EmploymentStatus.OutOfWork,
            LastInWorkOn = new DateOnly(2019, 1, 1),
            Cohort = Cohort.HardestToHelp,
            AgeBand = AgeBand.Age35To54,
            RegisteredOn = new DateOnly(2021, 3, 1),
            PrivacyNoticeAcknowledged = true,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        configure?.Invoke(participant);
        db.Participants.Add(participant);
        await db.SaveChangesAsync();
        return participant;
    }

    /// <summary>A postcode in the lot's area, for registrations that must pass the eligibility check.</summary>
    public static async Task<string> InAreaPostcodeAsync(this TestApp app, string lotCode, int skip = 0)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        return await db.LotPostcodes.Where(p => db.Lots.Any(l => l.Id == p.LotId && l.Code == lotCode))
            .OrderBy(p => p.Postcode).Skip(skip).Select(p => p.Postcode).FirstAsync();
    }
}
