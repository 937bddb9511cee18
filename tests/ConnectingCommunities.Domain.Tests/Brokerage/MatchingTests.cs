using ConnectingCommunities.Domain.Brokerage.Matching;

namespace ConnectingCommunities.Domain.Tests.Brokerage;

public class MatchingTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly GeoPoint Home = new(52.4862, -1.8904);

    // One degree of latitude is 3958.8 * pi / 180 = 69.09 miles.
    private static GeoPoint North(double miles) => new(Home.Latitude + (miles / (GeoDistance.EarthRadiusMiles * Math.PI / 180)), Home.Longitude);

    private static SeekerProfile Seeker(Func<SeekerProfile, SeekerProfile>? change = null)
    {
        var seeker = new SeekerProfile
        {
            Occupations = ["7111"],
            Skills = ["Customer service", "Cash handling"],
            Postcode = "B1 1AA",
            Location = Home,
            BaselineWage = 12.71m,
            CanWorkNights = true,
            CanWorkWeekends = true,
        };
        return change is null ? seeker : change(seeker);
    }

    private static VacancyProfile Vacancy(Func<VacancyProfile, VacancyProfile>? change = null)
    {
        var vacancy = new VacancyProfile
        {
            Title = "Sales assistant",
            SocCode = "7111",
            Postcode = "B1 1AA",
            Location = Home,
            WeeklyHours = 30,
            ShiftPattern = "daytime",
            HourlyWage = 12.71m,
            RequiredSkills = ["Customer service"],
            ClosingOn = Today,
        };
        return change is null ? vacancy : change(vacancy);
    }

    private static MatchExplanation Explain(SeekerProfile seeker, VacancyProfile vacancy) =>
        JobMatcher.Explain(seeker, vacancy, Today, code => code == "7111" ? "Sales and retail assistants" : null);

    [Fact]
    public void Haversine_gives_69_miles_for_a_degree_of_latitude_and_none_for_the_same_place()
    {
        Assert.Equal(69.09, GeoDistance.Miles(new(52, 0), new(53, 0)), 2);
        Assert.Equal(0, GeoDistance.Miles(Home, Home));

        // Birmingham to London (Charing Cross) is about 101 miles as the crow flies.
        Assert.InRange(GeoDistance.Miles(Home, new(51.5073, -0.1276)), 100, 103);
    }

    [Fact]
    public void Hours_equal_to_the_limit_are_fine_and_a_hundredth_more_is_excluded()
    {
        Assert.False(JobMatcher.Score(Seeker(s => s with { MaxWeeklyHours = 30 }), Vacancy(), Today).IsExcluded);
        var over = Explain(Seeker(s => s with { MaxWeeklyHours = 29.99m }), Vacancy());
        Assert.Equal(Exclusion.Hours, over.Exclusion);
        Assert.Equal("30 hours a week is more than the 29.99 they can work", over.ExcludedBecause);
    }

    [Fact]
    public void Exactly_the_maximum_distance_is_fine_and_further_is_too_far()
    {
        var vacancy = Vacancy(v => v with { Location = North(10) });
        var miles = JobMatcher.Miles(Seeker(), vacancy)!.Value;
        Assert.Equal(10, miles, 6);

        Assert.False(JobMatcher.Score(Seeker(s => s with { MaxTravelMiles = (decimal)miles }), vacancy, Today).IsExcluded);
        var tooFar = Explain(Seeker(s => s with { MaxTravelMiles = 9.99m }), vacancy);
        Assert.Equal(Exclusion.TooFar, tooFar.Exclusion);
        Assert.Equal("10.0 miles away (straight line), more than the 10.0 they can travel", tooFar.ExcludedBecause);
    }

    [Theory]
    [InlineData(30, false, null, 6.0)]
    [InlineData(24, true, null, 10.0)]
    [InlineData(60, true, 5.0, 5.0)]
    [InlineData(10, false, 5.0, 2.0)]
    public void Travel_minutes_become_straight_line_miles_at_the_documented_speeds(int minutes, bool ownTransport, double? miles, double limit)
    {
        var seeker = Seeker(s => s with { MaxTravelMinutes = minutes, HasOwnTransport = ownTransport, MaxTravelMiles = (decimal?)miles });
        Assert.Equal(limit, JobMatcher.TravelLimitMiles(seeker)!.Value, 9);
    }

    [Fact]
    public void Minutes_at_own_transport_speed_allow_exactly_their_distance()
    {
        // 24 minutes at 25 mph is 10 miles; by public transport (12 mph) it is 4.8.
        var vacancy = Vacancy(v => v with { Location = North(10) });
        Assert.False(JobMatcher.Score(Seeker(s => s with { MaxTravelMinutes = 24, HasOwnTransport = true }), vacancy, Today).IsExcluded);
        Assert.Equal(Exclusion.TooFar, JobMatcher.Score(Seeker(s => s with { MaxTravelMinutes = 24 }), vacancy, Today).Exclusion);
    }

    [Fact]
    public void Unknown_coordinates_do_not_exclude_and_say_which_postcode_has_none()
    {
        var explained = Explain(Seeker(s => s with { MaxTravelMiles = 1 }), Vacancy(v => v with { Location = null, Postcode = "B8 9ZZ" }));
        Assert.False(explained.IsExcluded);
        Assert.Contains("Distance unknown: no coordinates for B8 9ZZ", explained.Reasons);

        var noHome = Explain(Seeker(s => s with { Location = null, Postcode = "B9 9ZZ" }), Vacancy());
        Assert.Contains("Distance unknown: no coordinates for B9 9ZZ", noHome.Reasons);
    }

    [Theory]
    [InlineData("nights", false, true, Exclusion.Nights)]
    [InlineData("nights", true, false, Exclusion.None)]
    [InlineData("weekends", true, false, Exclusion.Weekends)]
    [InlineData("weekends", false, true, Exclusion.None)]
    [InlineData("rotating", true, false, Exclusion.Weekends)]
    [InlineData("rotating", false, true, Exclusion.Nights)]
    [InlineData("rotating", true, true, Exclusion.None)]
    [InlineData("evenings", false, false, Exclusion.None)]
    [InlineData("daytime", false, false, Exclusion.None)]
    [InlineData("flexible", false, false, Exclusion.None)]
    public void Shift_patterns_exclude_those_who_cannot_work_nights_or_weekends(string pattern, bool nights, bool weekends, Exclusion expected)
    {
        var seeker = Seeker(s => s with { CanWorkNights = nights, CanWorkWeekends = weekends });
        Assert.Equal(expected, JobMatcher.Score(seeker, Vacancy(v => v with { ShiftPattern = pattern }), Today).Exclusion);
    }

    [Fact]
    public void Working_days_must_be_days_they_are_available()
    {
        var seeker = Seeker(s => s with { AvailableDays = ["Mon", "Tue", "Wed"] });
        Assert.False(JobMatcher.Score(seeker, Vacancy(v => v with { WorkingDays = ["Mon", "Wed"] }), Today).IsExcluded);
        var outside = Explain(seeker, Vacancy(v => v with { WorkingDays = ["Mon", "Thu", "Fri"] }));
        Assert.Equal(Exclusion.Days, outside.Exclusion);
        Assert.Equal("Works on Thursday and Friday, when they are not available", outside.ExcludedBecause);

        // No days given means any day.
        Assert.False(JobMatcher.Score(Seeker(), Vacancy(v => v with { WorkingDays = ["Thu"] }), Today).IsExcluded);

        // Saturday working is weekend work.
        Assert.Equal(Exclusion.Weekends,
            JobMatcher.Score(Seeker(s => s with { CanWorkWeekends = false }), Vacancy(v => v with { WorkingDays = ["Sat"] }), Today).Exclusion);
    }

    [Fact]
    public void Working_times_at_exactly_the_childcare_hours_fit_and_a_minute_outside_does_not()
    {
        var seeker = Seeker(s => s with { AvailableFrom = new TimeOnly(9, 30), AvailableUntil = new TimeOnly(14, 30) });
        Assert.False(JobMatcher.Score(seeker, Vacancy(v => v with { StartsAt = new(9, 30), EndsAt = new(14, 30) }), Today).IsExcluded);
        Assert.Equal(Exclusion.Times, JobMatcher.Score(seeker, Vacancy(v => v with { StartsAt = new(9, 29), EndsAt = new(14, 30) }), Today).Exclusion);
        var late = Explain(seeker, Vacancy(v => v with { StartsAt = new(9, 30), EndsAt = new(14, 31) }));
        Assert.Equal("Works 09:30 to 14:31, outside the 09:30 to 14:30 they are available", late.ExcludedBecause);

        // Times not stated: not excluded, but the advisor is told to check.
        var unstated = Explain(seeker, Vacancy());
        Assert.False(unstated.IsExcluded);
        Assert.Contains("Working times not stated: check they fit 09:30 to 14:30", unstated.Reasons);
    }

    [Fact]
    public void A_licence_is_needed_only_when_the_job_needs_one()
    {
        var needs = Vacancy(v => v with { DrivingLicenceRequired = true });
        Assert.Equal(Exclusion.Licence, JobMatcher.Score(Seeker(), needs, Today).Exclusion);
        var holder = Explain(Seeker(s => s with { HasDrivingLicence = true }), needs);
        Assert.False(holder.IsExcluded);
        Assert.Contains("Has the driving licence the job needs", holder.Reasons);
    }

    [Theory]
    [InlineData("level2", "level2", Exclusion.None)]
    [InlineData("level3", "level2", Exclusion.None)]
    [InlineData("level1", "level2", Exclusion.Qualification)]
    [InlineData("entryLevel", "level1", Exclusion.Qualification)]
    [InlineData("none", "entryLevel", Exclusion.Qualification)]
    [InlineData("otherLevelUnknown", "level2", Exclusion.None)]
    [InlineData(null, "level2", Exclusion.None)]
    public void Qualification_below_the_minimum_in_rqf_order_is_excluded(string? theirs, string minimum, Exclusion expected)
    {
        var result = Explain(Seeker(s => s with { Qualification = theirs }), Vacancy(v => v with { MinimumQualification = minimum }));
        Assert.Equal(expected, result.Exclusion);
        if (expected == Exclusion.Qualification)
        {
            Assert.StartsWith("Needs ", result.ExcludedBecause, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_closing_date_of_today_is_open_and_yesterday_is_not()
    {
        Assert.False(JobMatcher.Score(Seeker(), Vacancy(v => v with { ClosingOn = Today }), Today).IsExcluded);
        var passed = Explain(Seeker(), Vacancy(v => v with { ClosingOn = Today.AddDays(-1) }));
        Assert.Equal(Exclusion.ClosingDatePassed, passed.Exclusion);
        Assert.Equal("The closing date, 31 May 2026, has passed", passed.ExcludedBecause);
        Assert.Equal(Exclusion.NotOpen, JobMatcher.Score(Seeker(), Vacancy(v => v with { IsOpen = false }), Today).Exclusion);
    }

    [Theory]
    [InlineData("7111", OccupationFit.Exact, 30)]
    [InlineData("7112", OccupationFit.MinorGroup, 20)]
    [InlineData("7121", OccupationFit.SubMajorGroup, 12)]
    [InlineData("7211", OccupationFit.MajorGroup, 6)]
    [InlineData("9111", OccupationFit.None, 0)]
    public void Occupation_points_fall_with_the_soc_hierarchy(string wanted, OccupationFit fit, double points)
    {
        var (best, code) = JobMatcher.BestOccupationFit([wanted], "7111");
        Assert.Equal(fit, best);
        Assert.Equal(points, JobMatcher.OccupationPoints(best), 9);
        Assert.Equal(fit == OccupationFit.None ? null : wanted, code);
    }

    [Fact]
    public void The_best_of_several_occupations_counts()
    {
        Assert.Equal((OccupationFit.Exact, "7111"), JobMatcher.BestOccupationFit(["9111", "7112", "7111"], "7111"));
        Assert.Equal((OccupationFit.None, null), JobMatcher.BestOccupationFit([], "7111"));
    }

    [Theory]
    [InlineData(0, 0, 25)]
    [InlineData(0, 3, 0)]
    [InlineData(2, 3, 16.6666667)]
    [InlineData(3, 3, 25)]
    public void Required_skills_score_in_proportion_to_those_held(int held, int required, double points) =>
        Assert.Equal(points, JobMatcher.RequiredSkillsPoints(held, required), 6);

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 2, 2.5)]
    [InlineData(2, 2, 5)]
    public void Desirable_skills_are_a_bonus(int held, int desirable, double points) =>
        Assert.Equal(points, JobMatcher.DesirableSkillsPoints(held, desirable), 6);

    [Fact]
    public void Skills_compare_trimmed_and_ignoring_case()
    {
        Assert.True(JobMatcher.Holds(["  customer SERVICE "], "Customer service"));
        Assert.False(JobMatcher.Holds(["Customer services"], "Customer service"));
        var explained = Explain(Seeker(s => s with { Skills = ["cash handling"] }),
            Vacancy(v => v with { RequiredSkills = ["Customer service", "Cash handling", "Food hygiene"] }));
        Assert.Contains("Has 1 of 3 required skills: Cash handling (not Customer service, Food hygiene)", explained.Reasons);
    }

    [Theory]
    [InlineData(16.0, null, 15.0)]
    [InlineData(16.0, 16.0, 15.0)]
    [InlineData(8.0, 16.0, 7.5)]
    [InlineData(0.0, 16.0, 0.0)]
    public void Hours_fewer_than_their_minimum_score_in_proportion(double hours, double? minimum, double points) =>
        Assert.Equal(points, JobMatcher.HoursPoints((decimal)hours, (decimal?)minimum), 6);

    [Theory]
    [InlineData(0.0, 10.0, 15)]
    [InlineData(5.0, 10.0, 9)]
    [InlineData(10.0, 10.0, 3)]
    [InlineData(0.0, null, 15)]
    [InlineData(20.0, null, 3)]
    [InlineData(30.0, null, 0)]
    [InlineData(null, 10.0, 7.5)]
    [InlineData(0.0, 0.0, 15)]
    public void Distance_points_fall_to_a_fifth_at_their_limit(double? miles, double? limit, double points) =>
        Assert.Equal(points, JobMatcher.DistancePoints(miles, limit), 6);

    [Theory]
    [InlineData(12.71, 12.71, 5)]
    [InlineData(15.252, 12.71, 10)]
    [InlineData(20.00, 12.71, 10)]
    [InlineData(13.981, 12.71, 7.5)]
    [InlineData(11.439, 12.71, 0)]
    [InlineData(12.0745, 12.71, 2.5)]
    public void Wage_points_are_half_at_the_baseline_and_all_at_a_fifth_above(double wage, double baseline, double points) =>
        Assert.Equal(points, JobMatcher.WagePoints((decimal)wage, (decimal)baseline), 6);

    [Fact]
    public void A_perfect_match_scores_100_and_explains_each_part()
    {
        var seeker = Seeker(s => s with { MinWeeklyHours = 16, MaxWeeklyHours = 30, MaxTravelMiles = 10 });
        var explained = Explain(seeker, Vacancy(v => v with { HourlyWage = 15.26m, DesirableSkills = ["Cash handling"] }));
        Assert.Equal(100, explained.Score);
        Assert.Equal(
            [
                "Wants work in this occupation: Sales and retail assistants (SOC 7111)",
                "Has 1 of 1 required skills: Customer service",
                "Has 1 of 1 desirable skills: Cash handling",
                "30 hours a week, within the 16 to 30 they want",
                "0.0 miles away (straight line), within the 10.0 they can travel",
                "£15.26 an hour, £2.55 more than the National Living Wage (£12.71)",
            ],
            explained.Reasons);
    }

    [Fact]
    public void Score_and_explain_agree_and_parts_add_up()
    {
        var seeker = Seeker(s => s with { Occupations = ["7112"], Skills = [], MaxTravelMiles = 10, BaselineWage = 13m, BaselineIsCurrentWage = true });
        var vacancy = Vacancy(v => v with { Location = North(5), HourlyWage = 13m });

        // 20 (minor group) + 0 (0 of 1 skills) + 15 (hours) + 9 (5 of 10 miles) + 5 (at their wage) = 49.
        var explained = Explain(seeker, vacancy);
        Assert.Equal(49, explained.Score);
        Assert.Equal(49, JobMatcher.Score(seeker, vacancy, Today).Score);
        Assert.Contains("£13.00 an hour, their current wage", explained.Reasons);
        Assert.Contains("Wants work in a closely related occupation, SOC 7112 (same SOC minor group 711 as Sales and retail assistants (SOC 7111))",
            explained.Reasons);
    }
}
