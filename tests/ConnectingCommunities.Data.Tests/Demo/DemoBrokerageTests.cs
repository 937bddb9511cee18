using ConnectingCommunities.Cli;
using ConnectingCommunities.Data.Auditing;
using ConnectingCommunities.Data.Demo;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Data.Seed;
using ConnectingCommunities.Domain.Brokerage;
using ConnectingCommunities.Domain.Evaluation;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Domain.Reference;
using ConnectingCommunities.Domain.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ConnectingCommunities.Data.Tests.Demo;

/// <summary>A demo caseload of 3,000 with its brokerage and indicator records, generated once.</summary>
public sealed class DemoBrokerageFixture
{
    public const int Participants = 3_000;

    public static readonly DateOnly Today = new(2026, 1, 1);

    public DemoBrokerageFixture()
    {
        Programme = DemoProgramme.FromSeed(ProgrammeSeed.Load());
        Caseload = DemoBrokerage.GenerateAll(new DemoCaseloadGenerator(Programme, Participants, today: Today), Programme, DemoCaseloadGenerator.DefaultSeed, Today);
    }

    public DemoProgramme Programme { get; }

    public DemoCaseload Caseload { get; }
}

/// <summary>
/// The demo's employers, vacancies, coordinates, job goals, referrals, match reviews and Theory of Change
/// indicators: consistent with the caseload they are added to and with the rules the service applies.
/// </summary>
public sealed class DemoBrokerageTests(DemoBrokerageFixture fixture) : IClassFixture<DemoBrokerageFixture>
{
    private DemoCaseload Caseload => fixture.Caseload;

    private static DateOnly Today => DemoBrokerageFixture.Today;

    [Fact]
    public void A_few_hundred_employers_each_with_its_lots_relationships_contacts_and_history()
    {
        Assert.InRange(Caseload.Employers.Count, 250, 400);
        Assert.Equal(Caseload.Employers.Count, Caseload.Employers.Select(e => e.NormalisedName).Distinct().Count());
        var employers = Caseload.Employers.Select(e => e.Id).ToHashSet();
        var lots = fixture.Programme.Lots.Select(l => l.Id).ToHashSet();
        Assert.All(Caseload.EmployerRelationships, r =>
        {
            Assert.Contains(r.EmployerId, employers);
            Assert.Contains(r.LotId, lots);
            Assert.NotNull(EmployerEngagementMethods.Find(r.EngagementMethod));
        });
        Assert.Equal(Caseload.EmployerRelationships.Count, Caseload.EmployerRelationships.Select(r => (r.EmployerId, r.LotId)).Distinct().Count());
        // Every engagement method the documents describe is used, and every employer works with at least one lot.
        Assert.Equal(EmployerEngagementMethods.All.Count, Caseload.EmployerRelationships.Select(r => r.EngagementMethod).Distinct().Count());
        Assert.Equal(employers, Caseload.EmployerRelationships.Select(r => r.EmployerId).ToHashSet());
        Assert.All(Caseload.Employers, e => Assert.NotNull(SicSections.Find(e.SicSection)));

        var related = Caseload.EmployerRelationships.Select(r => (r.EmployerId, r.LotId)).ToHashSet();
        Assert.All(Caseload.EmployerContacts, c =>
        {
            Assert.Contains((c.EmployerId, c.LotId), related);
            Assert.EndsWith("@example.org", c.Email, StringComparison.Ordinal);
        });
        Assert.All(Caseload.EmployerActivities, a =>
        {
            Assert.Contains((a.EmployerId, a.LotId), related);
            Assert.NotNull(EmployerActivityKinds.Find(a.Kind));
            Assert.InRange(a.OccurredOn, fixture.Programme.Start, fixture.Programme.End);
        });
        foreach (var kind in new[] { "tasterDay", "workExperience", "guaranteedInterview", "recruitmentEvent" })
        {
            Assert.Contains(Caseload.EmployerActivities, a => a.Kind == kind && a.ParticipantsInvolved > 0);
        }
    }

    [Fact]
    public void Job_start_employers_are_the_same_records_as_the_brokerage_employers()
    {
        var employers = Caseload.Employers.Select(e => e.Id).ToHashSet();
        Assert.All(Caseload.JobStarts, j => Assert.Contains(j.EmployerId, employers));
    }

    [Fact]
    public void Vacancies_over_the_years_and_a_set_open_now_follow_the_vacancy_rules()
    {
        var open = Caseload.Vacancies.Where(v => v.Status == VacancyStatus.Open).ToList();
        Assert.Equal(DemoBrokerage.OpenVacanciesPerLot * fixture.Programme.Lots.Count, open.Count);
        Assert.All(open, v => Assert.InRange(v.ClosingOn, Today.AddDays(14), Today.AddDays(56)));
        var past = Caseload.Vacancies.Where(v => v.Status != VacancyStatus.Open).ToList();
        Assert.NotEmpty(past);
        Assert.All(past, v => Assert.True(v.ClosingOn < Today));
        Assert.Contains(past, v => v.ClosingOn.Year == 2018);
        Assert.Contains(past, v => v.ClosingOn.Year == 2021);

        var employers = Caseload.Employers.Select(e => e.Id).ToHashSet();
        Assert.All(Caseload.Vacancies, v =>
        {
            Assert.Contains(v.EmployerId, employers);
            Assert.True(Soc2020.IsUnitGroup(v.SocCode), v.SocCode);
            Assert.NotNull(ShiftPatterns.Find(v.ShiftPattern));
            Assert.InRange(v.WeeklyHours, 1, 100);
            Assert.True(v.PostedOn <= v.ClosingOn);
            var living = NationalLivingWage.Published.RateInForceOn(v.StartsOn ?? v.ClosingOn)!.HourlyRate;
            Assert.True(v.HourlyWage >= living, $"{v.Title} at {v.HourlyWage} on {v.StartsOn}: below {living}");
            Assert.All(v.RequiredSkills.Concat(v.DesirableSkills), s => Assert.Contains(s, Skills.Catalogue));
            Assert.All(v.WorkingDays, d => Assert.Contains(d, new[] { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" }));
        });
    }

    [Fact]
    public void Every_demo_postcode_has_coordinates_within_its_lots_area()
    {
        var locations = Caseload.PostcodeLocations.ToDictionary(l => l.Postcode, StringComparer.Ordinal);
        Assert.All(Caseload.PostcodeLocations, l => Assert.True(l.IsDemo));
        var used = Caseload.Participants.Select(p => p.Postcode)
            .Concat(Caseload.Vacancies.Select(v => v.Postcode))
            .Concat(Caseload.Employers.Where(e => e.Postcode is not null).Select(e => e.Postcode!));
        Assert.All(used, postcode => Assert.True(locations.ContainsKey(postcode), postcode));

        foreach (var lot in fixture.Programme.Lots)
        {
            var points = lot.Postcodes.Select(p => locations[p]).ToList();
            var lat = points.Average(p => p.Latitude);
            var lon = points.Average(p => p.Longitude);
            // Within about two miles of the lot's middle: the area of a ward, in the West Midlands.
            Assert.All(points, p => Assert.InRange(Miles(lat, lon, p.Latitude, p.Longitude), 0, 2.2));
            Assert.InRange(lat, 52.2, 52.8);
            Assert.InRange(lon, -2.1, -1.4);
        }
    }

    [Fact]
    public void Referrals_belong_to_real_job_starts_of_the_same_participant_and_follow_the_steps()
    {
        var starts = Caseload.JobStarts.ToDictionary(j => j.Id);
        var participants = Caseload.Participants.ToDictionary(p => p.Id);
        var vacancies = Caseload.Vacancies.ToDictionary(v => v.Id);
        var events = Caseload.ReferralEvents.ToLookup(e => e.ReferralId);
        Assert.Equal(Caseload.Referrals.Count, Caseload.Referrals.Select(r => (r.VacancyId, r.ParticipantId)).Distinct().Count());
        foreach (var referral in Caseload.Referrals)
        {
            var participant = participants[referral.ParticipantId];
            Assert.Equal(participant.LotId, referral.LotId);
            Assert.True(vacancies.ContainsKey(referral.VacancyId));
            Assert.True(referral.ReferredOn >= participant.RegisteredOn);
            var history = events[referral.Id].ToList();
            Assert.Equal(ReferralStatus.Referred, history[0].Status);
            Assert.Equal(referral.Status, history[^1].Status);
            Assert.True(history.Zip(history.Skip(1)).All(p => p.First.OccurredOn <= p.Second.OccurredOn));
            if (referral.Status == ReferralStatus.Started)
            {
                var start = starts[referral.JobStartId!.Value];
                Assert.Equal(referral.ParticipantId, start.ParticipantId);
                Assert.Equal(start.StartDate, referral.StartedOn);
                var vacancy = vacancies[referral.VacancyId];
                Assert.Equal((start.EmployerId, DemoBrokerage.Soc2020Code(start.SocCode!), start.HourlyWage), (vacancy.EmployerId, vacancy.SocCode, vacancy.HourlyWage));
                Assert.Equal(VacancyStatus.Filled, vacancy.Status);
                Assert.Equal(4, history.Count);
            }
            else
            {
                Assert.Null(referral.JobStartId);
                Assert.Contains(referral.Status, new[] { ReferralStatus.Unsuccessful, ReferralStatus.Withdrawn });
                Assert.False(string.IsNullOrWhiteSpace(referral.Reason));
                Assert.NotNull(referral.ClosedOn);
            }
        }

        var started = Caseload.Referrals.Count(r => r.Status == ReferralStatus.Started);
        Assert.InRange(started / (double)Caseload.JobStarts.Count, 0.3, 0.5);
        Assert.Contains(Caseload.Referrals, r => r.Status == ReferralStatus.Unsuccessful);
        Assert.Contains(Caseload.Referrals, r => r.Status == ReferralStatus.Withdrawn);
        Assert.Equal(Caseload.Referrals.Count(r => r.JobStartId is not null), Caseload.Referrals.Select(r => r.JobStartId).OfType<Guid>().Distinct().Count());
    }

    [Fact]
    public void Match_reviews_for_every_completed_identify_matching_jobs_action()
    {
        var completed = Caseload.Actions.Where(a => a.Action == "identifyMatchingJobs" && a.Status == ActionStatus.Completed).ToDictionary(a => a.Id);
        Assert.NotEmpty(completed);
        Assert.Equal(completed.Count, Caseload.MatchReviews.Count);
        Assert.All(Caseload.MatchReviews, r =>
        {
            var action = completed[r.PlanActionId!.Value];
            Assert.Equal(action.ParticipantId, r.ParticipantId);
            Assert.Equal(action.CompletedOn, r.ReviewedOn);
        });
    }

    [Fact]
    public void Job_goals_want_the_occupation_participants_started_in()
    {
        var goals = Caseload.JobGoals.ToDictionary(g => g.ParticipantId);
        Assert.Equal(Caseload.JobGoals.Count, goals.Count);
        Assert.InRange(goals.Count / (double)Caseload.Participants.Count, 0.75, 0.95);
        foreach (var first in Caseload.JobStarts.GroupBy(j => j.ParticipantId).Select(g => g.MinBy(j => j.StartDate)!).Where(j => j.SocCode is not null))
        {
            Assert.Contains(DemoBrokerage.Soc2020Code(first.SocCode!), goals[first.ParticipantId].Occupations);
        }

        Assert.All(Caseload.JobGoals, g =>
        {
            Assert.All(g.Occupations, o => Assert.True(Soc2020.IsUnitGroup(o), o));
            Assert.All(g.Skills, s => Assert.Contains(s, Skills.Catalogue));
            Assert.True(g.MinWeeklyHours <= g.MaxWeeklyHours);
            Assert.True(g.MaxTravelMiles is not null || g.MaxTravelMinutes is not null);
        });
    }

    [Fact]
    public void Indicator_assessments_score_the_scales_and_improve_at_follow_up()
    {
        var all = Caseload.IndicatorAssessments;
        var baselines = all.Where(a => a.Point == AssessmentPoint.Baseline).ToDictionary(a => a.ParticipantId);
        var followUps = all.Where(a => a.Point == AssessmentPoint.FollowUp).ToDictionary(a => a.ParticipantId);
        Assert.Equal(all.Count, baselines.Count + followUps.Count);
        Assert.InRange(baselines.Count / (double)Caseload.Participants.Count, 0.8, 0.95);
        Assert.InRange(followUps.Count / (double)baselines.Count, 0.5, 0.7);
        var participants = Caseload.Participants.ToDictionary(p => p.Id);
        Assert.All(baselines.Values, b => Assert.InRange(b.AssessedOn.DayNumber - participants[b.ParticipantId].RegisteredOn.DayNumber, 0, 14));
        Assert.All(followUps.Values, f => Assert.InRange(f.AssessedOn.DayNumber - baselines[f.ParticipantId].AssessedOn.DayNumber, 168, 196));

        foreach (var assessment in all)
        {
            Assert.Equal(Scales.SelfEsteem.Total(assessment.SelfEsteemItems), assessment.SelfEsteem);
            Assert.Equal(Scales.LocusOfControl.Total(assessment.LocusOfControlItems), assessment.LocusOfControl);
            Assert.Equal(Scales.AttitudeToWork.Total(assessment.AttitudeToWorkItems), assessment.AttitudeToWork);
            Assert.Equal(Scales.LabourMarketAwareness.Total(assessment.LabourMarketAwarenessItems), assessment.LabourMarketAwareness);
        }

        Assert.Contains(all, a => a.SelfEsteem is null && a.SelfEsteemItems.Count == 0);
        foreach (var (name, total) in new (string, Func<IndicatorAssessment, int?>)[]
        {
            ("self-esteem", a => a.SelfEsteem), ("locus of control", a => a.LocusOfControl),
            ("attitude to work", a => a.AttitudeToWork), ("labour-market awareness", a => a.LabourMarketAwareness),
        })
        {
            var pairs = followUps.Values.Where(f => total(f) is not null && total(baselines[f.ParticipantId]) is not null)
                .Select(f => (Before: (double)total(baselines[f.ParticipantId])!.Value, After: (double)total(f)!.Value, participants[f.ParticipantId].Cohort))
                .ToList();
            var all_ = EffectSize(pairs.Select(p => (p.Before, p.After)).ToList());
            var rapid = EffectSize(pairs.Where(p => p.Cohort == Cohort.RapidProgression).Select(p => (p.Before, p.After)).ToList());
            Assert.True(all_ is >= 0.3 and <= 0.55, $"{name}: effect size {all_:F2}");
            Assert.True(rapid > all_, $"{name}: Rapid Progression {rapid:F2} against {all_:F2}");
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_records()
    {
        var again = DemoBrokerage.GenerateAll(
            new DemoCaseloadGenerator(fixture.Programme, DemoBrokerageFixture.Participants, today: Today), fixture.Programme, DemoCaseloadGenerator.DefaultSeed, Today);

        Assert.Equal(Caseload.Vacancies.Select(v => (v.Id, v.Title, v.HourlyWage)), again.Vacancies.Select(v => (v.Id, v.Title, v.HourlyWage)));
        Assert.Equal(Caseload.Referrals.Select(r => (r.Id, r.VacancyId, r.Status)), again.Referrals.Select(r => (r.Id, r.VacancyId, r.Status)));
        Assert.Equal(Caseload.IndicatorAssessments.Select(a => (a.Id, a.SelfEsteem)), again.IndicatorAssessments.Select(a => (a.Id, a.SelfEsteem)));
        Assert.Equal(Caseload.PostcodeLocations.Select(l => (l.Postcode, l.Latitude)), again.PostcodeLocations.Select(l => (l.Postcode, l.Latitude)));
    }

    /// <summary>Mean change over the baseline's standard deviation.</summary>
    private static double EffectSize(List<(double Before, double After)> pairs)
    {
        var mean = pairs.Average(p => p.Before);
        var sd = Math.Sqrt(pairs.Sum(p => (p.Before - mean) * (p.Before - mean)) / (pairs.Count - 1));
        return pairs.Average(p => p.After - p.Before) / sd;
    }

    private static double Miles(double lat1, double lon1, double lat2, double lon2)
    {
        static double Radians(double d) => d * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Radians(lat2 - lat1) / 2), 2) + (Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Pow(Math.Sin(Radians(lon2 - lon1) / 2), 2));
        return 2 * 3958.8 * Math.Asin(Math.Sqrt(a));
    }
}

/// <summary>The demo's brokerage and indicator records through the bulk loaders of SQLite and PostgreSQL.</summary>
public sealed class DemoBrokerageLoadTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cc-demo-brokerage-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task SQLite_loads_every_brokerage_and_indicator_record()
    {
        var connection = $"Data Source={Path.Combine(folder, "cc.db")};Pooling=False";
        Assert.Equal(0, await CcApp.RunAsync(["migrate", "--connection", connection], TextWriter.Null, TextWriter.Null, TestContext.Current.CancellationToken));
        await LoadAndCheckAsync(DatabaseProvider.Sqlite, connection, setAside: null);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PostgreSQL_loads_every_brokerage_and_indicator_record(bool setAside)
    {
        var server = Environment.GetEnvironmentVariable("CC_TEST_POSTGRES");
        if (string.IsNullOrEmpty(server))
        {
            Assert.SkipWhen(Environment.GetEnvironmentVariable("CC_REQUIRE_ALL") != "1", "PostgreSQL is not available: set CC_TEST_POSTGRES");
            throw new InvalidOperationException("CC_REQUIRE_ALL=1 but CC_TEST_POSTGRES is not set.");
        }

        var name = "cc_brokerage_" + Guid.NewGuid().ToString("N")[..12];
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        try
        {
            Assert.Equal(0, await CcApp.RunAsync(["migrate", "--provider", "Postgres", "--connection", connection], TextWriter.Null, TextWriter.Null, TestContext.Current.CancellationToken));
            await LoadAndCheckAsync(DatabaseProvider.Postgres, connection, setAside);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync(TestContext.Current.CancellationToken);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
    }

    private static async Task LoadAndCheckAsync(DatabaseProvider provider, string connection, bool? setAside)
    {
        var ct = TestContext.Current.CancellationToken;
        const int participants = 400;
        var today = new DateOnly(2026, 1, 1);
        await using var db = Open(provider, connection);
        var programme = await DemoProgramme.LoadAsync(db, ct);
        var expected = DemoBrokerage.GenerateAll(new DemoCaseloadGenerator(programme, participants, today: today), programme, DemoCaseloadGenerator.DefaultSeed, today);

        var result = await DemoData.CreateAsync(db, new DemoDataRequest(participants, Today: today, BatchSize: 150, SetAsideIndexes: setAside), ct);

        Assert.Equal(expected.Vacancies.Count, result.RowsByTable["vacancies"]);
        Assert.Equal(expected.Employers.Count, await db.Employers.CountAsync(ct));
        Assert.Equal(expected.PostcodeLocations.Count, await db.PostcodeLocations.CountAsync(ct));
        Assert.Equal(expected.EmployerRelationships.Count, await db.EmployerRelationships.CountAsync(ct));
        Assert.Equal(expected.EmployerContacts.Count, await db.EmployerContacts.CountAsync(ct));
        Assert.Equal(expected.EmployerActivities.Count, await db.EmployerActivities.CountAsync(ct));
        Assert.Equal(expected.Vacancies.Count, await db.Vacancies.CountAsync(ct));
        Assert.Equal(expected.JobGoals.Count, await db.JobGoals.CountAsync(ct));
        Assert.Equal(expected.Referrals.Count, await db.Referrals.CountAsync(ct));
        Assert.Equal(expected.ReferralEvents.Count, await db.ReferralEvents.CountAsync(ct));
        Assert.Equal(expected.MatchReviews.Count, await db.MatchReviews.CountAsync(ct));
        Assert.Equal(expected.IndicatorAssessments.Count, await db.IndicatorAssessments.CountAsync(ct));
        Assert.NotEmpty(expected.Referrals);
        Assert.NotEmpty(expected.MatchReviews);

        // Lists, times, enums and nullable values round-trip through each database's bulk path.
        var vacancy = expected.Vacancies.First(v => v.StartsAt is not null && v.RequiredSkills.Count > 1 && v.WorkingDays.Count > 0);
        Assert.Equivalent(vacancy, await db.Vacancies.AsNoTracking().SingleAsync(v => v.Id == vacancy.Id, ct));
        var goals = expected.JobGoals.First(g => g.Occupations.Count > 1 && g.Skills.Count > 0);
        Assert.Equivalent(goals, await db.JobGoals.AsNoTracking().SingleAsync(g => g.Id == goals.Id, ct));
        var assessment = expected.IndicatorAssessments.First(a => a.Point == AssessmentPoint.FollowUp);
        Assert.Equivalent(assessment, await db.IndicatorAssessments.AsNoTracking().SingleAsync(a => a.Id == assessment.Id, ct));
        var referral = expected.Referrals.First(r => r.Status == ReferralStatus.Started);
        var stored = await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == referral.Id, ct);
        Assert.Equal((referral.JobStartId, referral.StartedOn, referral.Status), (stored.JobStartId, stored.StartedOn, stored.Status));
        var location = expected.PostcodeLocations[0];
        Assert.Equivalent(location, await db.PostcodeLocations.AsNoTracking().SingleAsync(l => l.Postcode == location.Postcode, ct));

        // Every referral's job start is a job start of the same participant, in the database too.
        Assert.False(await db.Referrals.AnyAsync(r => r.JobStartId != null && !db.JobStarts.Any(j => j.Id == r.JobStartId && j.ParticipantId == r.ParticipantId), ct));
        // Every postcode a participant or vacancy uses has coordinates.
        Assert.False(await db.Participants.AnyAsync(p => !db.PostcodeLocations.Any(l => l.Postcode == p.Postcode), ct));
        Assert.False(await db.Vacancies.AnyAsync(v => !db.PostcodeLocations.Any(l => l.Postcode == v.Postcode), ct));
    }

    private static CcDbContext Open(DatabaseProvider provider, string connection)
    {
        var services = new ServiceCollection();
        services.AddCcDatabase(new DatabaseOptions { Provider = provider, ConnectionString = connection });
        services.AddScoped<IAuditActor, SystemAuditActor>();
        var scope = services.BuildServiceProvider().CreateScope();
        return scope.ServiceProvider.GetRequiredService<CcDbContext>();
    }
}
