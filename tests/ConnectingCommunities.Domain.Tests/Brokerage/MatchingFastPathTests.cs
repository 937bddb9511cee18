using ConnectingCommunities.Domain.Brokerage.Matching;
using ConnectingCommunities.Domain.Reference;

namespace ConnectingCommunities.Domain.Tests.Brokerage;

/// <summary>
/// Ranking scores every (participant, vacancy) pair with <see cref="JobMatcher.Score"/> and explains only the
/// pairs shown with <see cref="JobMatcher.Explain"/>: the two must agree on every pair, and scoring must not allocate.
/// </summary>
public class MatchingFastPathTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    // Mixed case, an unknown code and spaces: the rules compare days ignoring case and skills trimmed, ignoring case.
    private static readonly string[][] DayLists =
    [
        [], ["Mon", "Tue", "Wed", "Thu", "Fri"], ["mon", "WED"], ["Sat"], ["sun", "Mon"], ["Tue", "Xyz"], ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    ];

    private static readonly string[][] SkillLists =
    [
        [], ["Customer service"], [" customer SERVICE ", "Cash handling"], ["Forklift", "Stock control", "Cash handling"], ["Driving"],
    ];

    private static readonly string[][] OccupationLists = [[], ["7111"], ["7112", "9251"], ["7211"], ["1111", "8214"], ["711"]];

    private static readonly string[] SocCodes = ["7111", "7112", "7129", "7211", "8214", "9251"];

    private static readonly string?[] Qualifications =
        [null, "", " level2 ", "none", "entry", "level1", "LEVEL3", "level8", QualificationLevels.OtherLevelUnknown.Code, "nonsense"];

    private static readonly string[] Shifts = ["daytime", "evenings", "nights", "weekends", "rotating", "flexible"];

    private static readonly GeoPoint Home = new(52.4862, -1.8904);

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static decimal? MaybeHours(Random random) => random.Next(4) == 0 ? null : random.Next(0, 41);

    private static TimeOnly? MaybeTime(Random random, int fromHour, int toHour) =>
        random.Next(3) == 0 ? null : new TimeOnly(random.Next(fromHour, toHour), random.Next(4) * 15);

    private static GeoPoint? MaybeNear(Random random) =>
        random.Next(8) == 0 ? null : new GeoPoint(Home.Latitude + ((random.NextDouble() - 0.5) * 0.6), Home.Longitude + ((random.NextDouble() - 0.5) * 0.6));

    private static SeekerProfile Seeker(Random random) => new()
    {
        Id = Guid.NewGuid(),
        Occupations = Pick(random, OccupationLists),
        Skills = Pick(random, SkillLists),
        MinWeeklyHours = MaybeHours(random),
        MaxWeeklyHours = MaybeHours(random),
        AvailableDays = Pick(random, DayLists),
        CanWorkNights = random.Next(2) == 0,
        CanWorkWeekends = random.Next(2) == 0,
        MaxTravelMinutes = random.Next(3) == 0 ? null : random.Next(0, 90),
        MaxTravelMiles = random.Next(3) == 0 ? null : random.Next(0, 300) / 10m,
        HasDrivingLicence = random.Next(2) == 0,
        HasOwnTransport = random.Next(2) == 0,
        AvailableFrom = MaybeTime(random, 6, 12),
        AvailableUntil = MaybeTime(random, 12, 23),
        Qualification = Pick(random, Qualifications),
        Postcode = "B1 1AA",
        Location = MaybeNear(random),
        BaselineWage = random.Next(3) == 0 ? 12.71m : random.Next(1000, 2000) / 100m,
        BaselineIsCurrentWage = random.Next(2) == 0,
    };

    private static VacancyProfile Vacancy(Random random) => new()
    {
        Id = Guid.NewGuid(),
        Title = "Job",
        SocCode = Pick(random, SocCodes),
        Postcode = "B2 4QA",
        Location = MaybeNear(random),
        WeeklyHours = random.Next(4, 41) + (random.Next(4) * 0.25m),
        ShiftPattern = Pick(random, Shifts),
        WorkingDays = Pick(random, DayLists),
        StartsAt = MaybeTime(random, 5, 14),
        EndsAt = MaybeTime(random, 9, 23),
        HourlyWage = random.Next(1000, 2200) / 100m,
        RequiredSkills = Pick(random, SkillLists),
        DesirableSkills = Pick(random, SkillLists),
        MinimumQualification = Pick(random, Qualifications),
        DrivingLicenceRequired = random.Next(4) == 0,
        ClosingOn = Today.AddDays(random.Next(-2, 30)),
        IsOpen = random.Next(10) != 0,
    };

    private static List<(SeekerProfile Seeker, VacancyProfile Vacancy)> Pairs(int seed, int count)
    {
        var random = new Random(seed);
        var pairs = new List<(SeekerProfile, VacancyProfile)>(count);
        for (var i = 0; i < count; i++)
        {
            pairs.Add((Seeker(random), Vacancy(random)));
        }

        return pairs;
    }

    [Fact]
    public void Score_and_explain_agree_on_every_pair_including_every_exclusion()
    {
        var seen = new HashSet<Exclusion>();
        foreach (var (seeker, vacancy) in Pairs(seed: 9, count: 20_000))
        {
            var score = JobMatcher.Score(seeker, vacancy, Today);
            var explained = JobMatcher.Explain(seeker, vacancy, Today);
            Assert.Equal(explained.Score, score.Score);
            Assert.Equal(explained.Exclusion, score.Exclusion);
            Assert.Equal(explained.Exclusion != Exclusion.None, explained.ExcludedBecause is not null);
            seen.Add(score.Exclusion);
        }

        // The generated pairs reach every hard constraint, so each branch was compared.
        Assert.Equal(Enum.GetValues<Exclusion>().Length, seen.Count);
    }

    [Fact]
    public void Scoring_allocates_nothing()
    {
        var pairs = Pairs(seed: 10, count: 2_000);
        var total = 0;
        foreach (var (seeker, vacancy) in pairs)
        {
            total += JobMatcher.Score(seeker, vacancy, Today).Score;
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < pairs.Count; i++)
        {
            total += JobMatcher.Score(pairs[i].Seeker, pairs[i].Vacancy, Today).Score;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(total > 0);
        Assert.Equal(0, allocated);
    }
}
