using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Web.Tests.Brokerage;

/// <summary>Employers, vacancies, coordinates and job goals put straight into the database for the brokerage tests.</summary>
internal static class MatchingTestSupport
{
    /// <summary>Birmingham city centre: the participants' home in these tests.</summary>
    public const double HomeLatitude = 52.4862;
    public const double HomeLongitude = -1.8904;

    /// <summary>Degrees of latitude in one mile (one degree is 69.09 miles).</summary>
    public const double DegreesPerMile = 1 / 69.0934;

    /// <summary>An occupation no demo vacancy uses, so a test's vacancies lead their lists.</summary>
    public const string Soc = "1112";

    public static async Task<T> DbAsync<T>(this TestApp app, Func<CcDbContext, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<CcDbContext>());
    }

    public static async Task<Guid> AddEmployerAsync(this TestApp app, string? name = null)
    {
        name ??= "Test Employer " + Guid.NewGuid().ToString("N")[..8];
        return await app.DbAsync(async db =>
        {
            var employer = new Employer { Name = name, NormalisedName = name.ToLowerInvariant(), CreatedAt = DateTimeOffset.UtcNow };
            db.Employers.Add(employer);
            await db.SaveChangesAsync();
            return employer.Id;
        });
    }

    private static int postcodeCounter = Random.Shared.Next(0, 400_000);

    /// <summary>A postcode unique to the test, with coordinates <paramref name="milesNorth"/> of home (none when null).</summary>
    public static async Task<string> AddPostcodeAsync(this TestApp app, double? milesNorth)
    {
        // Every call gets a postcode no earlier call (or earlier run on the same database) used, so that one test's
        // coordinates never stand in for another's.
        return await app.DbAsync(async db =>
        {
            while (true)
            {
                var n = Interlocked.Increment(ref postcodeCounter);
                var postcode = $"ZZ{10 + (n / 6084 % 89)} {1 + (n / 676 % 9)}{(char)('A' + (n / 26 % 26))}{(char)('A' + (n % 26))}";
                if (await db.PostcodeLocations.AnyAsync(l => l.Postcode == postcode))
                {
                    continue;
                }

                if (milesNorth is { } miles)
                {
                    db.PostcodeLocations.Add(new PostcodeLocation
                    {
                        Postcode = postcode,
                        Latitude = HomeLatitude + (miles * DegreesPerMile),
                        Longitude = HomeLongitude,
                    });
                    await db.SaveChangesAsync();
                }

                return postcode;
            }
        });
    }

    public static async Task<Guid> AddVacancyAsync(this TestApp app, Guid employerId, string postcode, Action<Vacancy>? configure = null)
    {
        return await app.DbAsync(async db =>
        {
            var lot = await db.Lots.SingleAsync(l => l.Code == "WH");
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var vacancy = new Vacancy
            {
                EmployerId = employerId,
                FoundByLotId = lot.Id,
                Title = "Test role",
                SocCode = Soc,
                Postcode = postcode,
                WeeklyHours = 30,
                ShiftPattern = "daytime",
                HourlyWage = 13.50m,
                ContractType = JobContractType.Permanent,
                Positions = 1,
                RequiredSkills = ["Customer service"],
                PostedOn = today.AddDays(-7),
                ClosingOn = today.AddDays(30),
                CreatedAt = DateTimeOffset.UtcNow,
            };
            configure?.Invoke(vacancy);
            db.Vacancies.Add(vacancy);
            await db.SaveChangesAsync();
            return vacancy.Id;
        });
    }

    /// <summary>A participant of the lot living at a postcode with coordinates at home, with job goals wanting <see cref="Soc"/>.</summary>
    public static async Task<Participant> AddSeekerAsync(this TestApp app, string lotCode, Action<JobGoals>? goals = null)
    {
        var home = await app.AddPostcodeAsync(0);
        var participant = await app.AddAsync(lotCode, p => p.Postcode = home);
        await app.DbAsync(async db =>
        {
            var jobGoals = new JobGoals
            {
                ParticipantId = participant.Id,
                Occupations = [Soc],
                Skills = ["Customer service"],
                MaxWeeklyHours = 30,
                MaxTravelMiles = 10,
                UpdatedAt = DateTimeOffset.UtcNow,
            };
            goals?.Invoke(jobGoals);
            db.JobGoals.Add(jobGoals);
            await db.SaveChangesAsync();
            return 0;
        });
        return participant;
    }
}
