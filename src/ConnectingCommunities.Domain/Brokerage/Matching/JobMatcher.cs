using System.Globalization;
using ConnectingCommunities.Domain.Reference;

namespace ConnectingCommunities.Domain.Brokerage.Matching;

/// <summary>How far an occupation wanted is from a vacancy's SOC 2020 unit group.</summary>
public enum OccupationFit
{
    None = 0,

    /// <summary>Same first digit: the SOC major group (e.g. 7, sales and customer service).</summary>
    MajorGroup,

    /// <summary>Same first two digits: the sub-major group (e.g. 71, sales occupations).</summary>
    SubMajorGroup,

    /// <summary>Same first three digits: the minor group (e.g. 711, sales assistants and retail cashiers).</summary>
    MinorGroup,

    /// <summary>The same 4-digit unit group.</summary>
    Exact,
}

/// <summary>
/// Scores a vacancy for a participant (and so a participant for a vacancy: the same rules both ways).
/// Hard constraints exclude; what is left scores 0 to 100 from six parts, each explained in words.
/// Pure: no database, no clock (today is passed in), so every boundary is unit-tested.
/// </summary>
public static class JobMatcher
{
    public const double OccupationWeight = 30;
    public const double RequiredSkillsWeight = 25;
    public const double DesirableSkillsWeight = 5;
    public const double HoursWeight = 15;
    public const double DistanceWeight = 15;
    public const double WageWeight = 10;

    /// <summary>Average door-to-door speed by public transport, walking or cycling, for a limit in minutes.</summary>
    public const double PublicTransportMph = 12;

    /// <summary>Average door-to-door speed with their own transport, for a limit in minutes.</summary>
    public const double OwnTransportMph = 25;

    /// <summary>With no travel limit, distance points fall to the floor at this many miles.</summary>
    public const double ReferenceMiles = 20;

    /// <summary>A wage this much above the baseline (20%) earns all the wage points.</summary>
    public const decimal WageHeadroom = 0.20m;

    private const double DistanceTolerance = 1e-9;

    private static readonly string[] WeekendDays = ["Sat", "Sun"];

    /// <summary>
    /// The score and any exclusion, without words: for ranking, so it runs for every (participant, vacancy) pair.
    /// It allocates nothing (index loops rather than interface enumerators, no LINQ, no closures) and gives exactly
    /// what <see cref="Explain"/> gives: both go through <see cref="Exclude"/> and <see cref="Points"/>.
    /// </summary>
    public static MatchScore Score(SeekerProfile seeker, VacancyProfile vacancy, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(seeker);
        ArgumentNullException.ThrowIfNull(vacancy);
        var miles = Miles(seeker, vacancy);
        var limit = TravelLimitMiles(seeker);
        var (exclusion, _) = Exclude(seeker, vacancy, today, miles, limit, explain: false);
        var fit = BestOccupationFit(seeker.Occupations, vacancy.SocCode).Fit;
        var requiredHeld = CountHeld(seeker.Skills, vacancy.RequiredSkills);
        var desirableHeld = CountHeld(seeker.Skills, vacancy.DesirableSkills);
        return new MatchScore(Points(seeker, vacancy, fit, requiredHeld, desirableHeld, miles, limit), exclusion);
    }

    /// <summary>The score with each part in words, and why it is excluded when it is.</summary>
    /// <param name="occupationTitle">The SOC 2020 unit group's title for a code, or null when unknown.</param>
    public static MatchExplanation Explain(SeekerProfile seeker, VacancyProfile vacancy, DateOnly today, Func<string, string?>? occupationTitle = null)
    {
        var reasons = new List<string>();
        var (score, exclusion, excludedBecause) = Evaluate(seeker, vacancy, today, reasons, occupationTitle ?? (_ => null));
        return new MatchExplanation(score, exclusion, excludedBecause, reasons);
    }

    /// <summary>
    /// The farthest they will travel in straight-line miles: the smaller of their miles and their minutes at
    /// <see cref="OwnTransportMph"/> (own transport) or <see cref="PublicTransportMph"/>; null when they gave neither.
    /// </summary>
    public static double? TravelLimitMiles(SeekerProfile seeker)
    {
        ArgumentNullException.ThrowIfNull(seeker);
        double? byMiles = seeker.MaxTravelMiles is { } miles ? (double)miles : null;
        double? byMinutes = seeker.MaxTravelMinutes is { } minutes
            ? minutes * (seeker.HasOwnTransport ? OwnTransportMph : PublicTransportMph) / 60
            : null;
        return (byMiles, byMinutes) switch
        {
            ({ } a, { } b) => Math.Min(a, b),
            ({ } a, null) => a,
            (null, { } b) => b,
            _ => null,
        };
    }

    /// <summary>Straight-line miles between home and workplace; null when either has no coordinates.</summary>
    public static double? Miles(SeekerProfile seeker, VacancyProfile vacancy)
    {
        ArgumentNullException.ThrowIfNull(seeker);
        ArgumentNullException.ThrowIfNull(vacancy);
        return seeker.Location is { } home && vacancy.Location is { } work ? GeoDistance.Miles(home, work) : null;
    }

    /// <summary>The best fit of any occupation wanted with the vacancy's unit group, and which one.</summary>
    public static (OccupationFit Fit, string? Wanted) BestOccupationFit(IReadOnlyList<string> wanted, string socCode)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        var best = OccupationFit.None;
        string? bestCode = null;
        for (var i = 0; i < wanted.Count; i++)
        {
            var code = wanted[i];
            var fit = Fit(code, socCode);
            if (fit > best)
            {
                best = fit;
                bestCode = code;
            }
        }

        return (best, bestCode);
    }

    public static double OccupationPoints(OccupationFit fit) => fit switch
    {
        OccupationFit.Exact => OccupationWeight,
        OccupationFit.MinorGroup => OccupationWeight * 2 / 3,
        OccupationFit.SubMajorGroup => OccupationWeight * 0.4,
        OccupationFit.MajorGroup => OccupationWeight * 0.2,
        _ => 0,
    };

    /// <summary>All the points when nothing is required; otherwise in proportion to those held.</summary>
    public static double RequiredSkillsPoints(int held, int required) =>
        required == 0 ? RequiredSkillsWeight : RequiredSkillsWeight * held / required;

    /// <summary>A bonus in proportion to the desirable skills held; none when none are listed.</summary>
    public static double DesirableSkillsPoints(int held, int desirable) =>
        desirable == 0 ? 0 : DesirableSkillsWeight * held / desirable;

    /// <summary>
    /// All the points from their minimum hours up to their maximum (more than the maximum is excluded, not scored);
    /// fewer hours than their minimum earn points in proportion.
    /// </summary>
    public static double HoursPoints(decimal weeklyHours, decimal? minWeeklyHours) =>
        minWeeklyHours is { } min && min > 0 && weeklyHours < min ? HoursWeight * (double)(weeklyHours / min) : HoursWeight;

    /// <summary>
    /// Distance points: all of them on the doorstep, falling in a straight line to a fifth at their travel limit
    /// (or at <see cref="ReferenceMiles"/> with no limit, and to none at 1.25 times that); half when distance is unknown.
    /// </summary>
    public static double DistancePoints(double? miles, double? limitMiles)
    {
        if (miles is not { } d)
        {
            return DistanceWeight / 2;
        }

        if (limitMiles is { } zero && zero <= 0)
        {
            return d <= 0 ? DistanceWeight : 0;
        }

        var scale = limitMiles ?? ReferenceMiles;
        return Math.Max(0, DistanceWeight * (1 - (0.8 * d / scale)));
    }

    /// <summary>
    /// Wage points: half at the baseline, rising to all at <see cref="WageHeadroom"/> above it; below the baseline
    /// falling to none at 10% under.
    /// </summary>
    public static double WagePoints(decimal hourlyWage, decimal baseline)
    {
        if (baseline <= 0)
        {
            return WageWeight;
        }

        var ratio = (double)((hourlyWage - baseline) / baseline);
        return ratio >= 0
            ? Math.Min(WageWeight, (WageWeight / 2) + (WageWeight / 2 * ratio / (double)WageHeadroom))
            : Math.Max(0, (WageWeight / 2) + (WageWeight / 2 * ratio * 10));
    }

    /// <summary>Skills compare trimmed and ignoring case: "customer service " is "Customer service".</summary>
    public static bool Holds(IReadOnlyList<string> skills, string skill)
    {
        ArgumentNullException.ThrowIfNull(skills);
        ArgumentNullException.ThrowIfNull(skill);
        var wanted = skill.AsSpan().Trim();
        for (var i = 0; i < skills.Count; i++)
        {
            if (skills[i].AsSpan().Trim().Equals(wanted, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static OccupationFit Fit(string wanted, string soc)
    {
        if (wanted.Length != 4 || soc.Length != 4)
        {
            return OccupationFit.None;
        }

        var common = 0;
        while (common < 4 && wanted[common] == soc[common])
        {
            common++;
        }

        return (OccupationFit)common;
    }

    private static (int Score, Exclusion Exclusion, string? Because) Evaluate(
        SeekerProfile seeker, VacancyProfile vacancy, DateOnly today, List<string>? reasons, Func<string, string?>? title)
    {
        ArgumentNullException.ThrowIfNull(seeker);
        ArgumentNullException.ThrowIfNull(vacancy);
        var miles = Miles(seeker, vacancy);
        var limit = TravelLimitMiles(seeker);
        var (exclusion, because) = Exclude(seeker, vacancy, today, miles, limit, reasons is not null);

        var (fit, wantedCode) = BestOccupationFit(seeker.Occupations, vacancy.SocCode);
        var requiredHeld = CountHeld(seeker.Skills, vacancy.RequiredSkills);
        var desirableHeld = CountHeld(seeker.Skills, vacancy.DesirableSkills);
        var score = Points(seeker, vacancy, fit, requiredHeld, desirableHeld, miles, limit);

        if (reasons is not null)
        {
            reasons.Add(OccupationReason(seeker, vacancy, fit, wantedCode, title!));
            reasons.Add(SkillsReason("required", vacancy.RequiredSkills, seeker.Skills, requiredHeld));
            if (vacancy.DesirableSkills.Count > 0)
            {
                reasons.Add(SkillsReason("desirable", vacancy.DesirableSkills, seeker.Skills, desirableHeld));
            }

            reasons.Add(HoursReason(seeker, vacancy));
            reasons.Add(DistanceReason(seeker, vacancy, miles, limit));
            reasons.Add(WageReason(seeker, vacancy));
            if (vacancy.MinimumQualification is { } minimum && QualificationLevels.Find(minimum) is { } level && exclusion != Exclusion.Qualification)
            {
                reasons.Add(QualificationLevels.Find(seeker.Qualification) is { } theirs && QualificationLevels.IsAtLeast(theirs, level) == true
                    ? $"Has the qualification the job asks for: {level.DisplayName} or above"
                    : $"Qualification level not known: the job asks for {level.DisplayName} or above");
            }

            if (vacancy.DrivingLicenceRequired && seeker.HasDrivingLicence)
            {
                reasons.Add("Has the driving licence the job needs");
            }

            if (seeker.AvailableFrom is { } from && seeker.AvailableUntil is { } until && (vacancy.StartsAt is null || vacancy.EndsAt is null))
            {
                reasons.Add($"Working times not stated: check they fit {Time(from)} to {Time(until)}");
            }
        }

        return (score, exclusion, because);
    }

    /// <summary>The six parts added and rounded to a whole score: one place, so ranking and explaining agree.</summary>
    private static int Points(
        SeekerProfile seeker, VacancyProfile vacancy, OccupationFit fit, int requiredHeld, int desirableHeld, double? miles, double? limit)
    {
        var points = OccupationPoints(fit)
            + RequiredSkillsPoints(requiredHeld, vacancy.RequiredSkills.Count)
            + DesirableSkillsPoints(desirableHeld, vacancy.DesirableSkills.Count)
            + HoursPoints(vacancy.WeeklyHours, seeker.MinWeeklyHours)
            + DistancePoints(miles, limit)
            + WagePoints(vacancy.HourlyWage, seeker.BaselineWage);
        return (int)Math.Round(Math.Clamp(points, 0, 100), MidpointRounding.AwayFromZero);
    }

    private static (Exclusion, string?) Exclude(SeekerProfile s, VacancyProfile v, DateOnly today, double? miles, double? limit, bool explain)
    {
        if (!v.IsOpen)
        {
            return (Exclusion.NotOpen, explain ? "The vacancy is no longer open" : null);
        }

        if (v.ClosingOn < today)
        {
            return (Exclusion.ClosingDatePassed, explain ? $"The closing date, {DateText(v.ClosingOn)}, has passed" : null);
        }

        if (s.MaxWeeklyHours is { } max && v.WeeklyHours > max)
        {
            return (Exclusion.Hours, explain ? $"{Hours(v.WeeklyHours)} hours a week is more than the {Hours(max)} they can work" : null);
        }

        var nights = v.ShiftPattern is ShiftCodes.Nights or ShiftCodes.Rotating;
        if (nights && !s.CanWorkNights)
        {
            return (Exclusion.Nights, explain ? "Night shifts, which they cannot work" : null);
        }

        var weekends = v.ShiftPattern is ShiftCodes.Weekends or ShiftCodes.Rotating || AnyWeekendDay(v.WorkingDays);
        if (weekends && !s.CanWorkWeekends)
        {
            return (Exclusion.Weekends, explain ? "Weekend work, which they cannot do" : null);
        }

        // Checked without a list first: the words (which list every day outside) are built only when asked for.
        if (s.AvailableDays.Count > 0 && v.WorkingDays.Count > 0 && AnyOutside(v.WorkingDays, s.AvailableDays))
        {
            return (Exclusion.Days, explain ? DaysReason(s, v) : null);
        }

        if (s.AvailableFrom is { } from && s.AvailableUntil is { } until && v.StartsAt is { } starts && v.EndsAt is { } ends
            && (starts < from || ends > until || ends < starts))
        {
            return (Exclusion.Times, explain ? $"Works {Time(starts)} to {Time(ends)}, outside the {Time(from)} to {Time(until)} they are available" : null);
        }

        if (v.DrivingLicenceRequired && !s.HasDrivingLicence)
        {
            return (Exclusion.Licence, explain ? "Needs a driving licence, which they do not have" : null);
        }

        // Equal is within the limit: a billionth of a mile absorbs the rounding of miles typed as decimals.
        if (miles is { } d && limit is { } l && d > l + DistanceTolerance)
        {
            return (Exclusion.TooFar, explain ? $"{MilesText(d)} miles away (straight line), more than the {MilesText(l)} they can travel" : null);
        }

        if (v.MinimumQualification is { } minimum && FindLevel(minimum) is { } needed
            && FindLevel(s.Qualification) is { } theirs && QualificationLevels.IsAtLeast(theirs, needed) == false)
        {
            return (Exclusion.Qualification, explain ? $"Needs {needed.DisplayName} or above; their highest is {theirs.DisplayName}" : null);
        }

        return (Exclusion.None, null);
    }

    /// <summary>
    /// <see cref="QualificationLevels.Find"/> without its LINQ (a closure and an enumerator per call, and this runs
    /// for every pair): the same trimmed, case-ignoring match over the same list.
    /// </summary>
    private static QualificationLevel? FindLevel(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var trimmed = code.AsSpan().Trim();
        var all = QualificationLevels.All;
        for (var i = 0; i < all.Count; i++)
        {
            if (trimmed.Equals(all[i].Code, StringComparison.OrdinalIgnoreCase))
            {
                return all[i];
            }
        }

        return null;
    }

    // Its own method: a lambda capturing a parameter makes the compiler allocate the closure on entry to the
    // method that declares it, and Exclude runs for every pair.
    private static string DaysReason(SeekerProfile s, VacancyProfile v) =>
        $"Works on {Join(v.WorkingDays.Where(d => !Contains(s.AvailableDays, d)).Select(DayName).ToList())}, when they are not available";

    private static bool AnyWeekendDay(IReadOnlyList<string> days)
    {
        for (var i = 0; i < days.Count; i++)
        {
            if (Contains(WeekendDays, days[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyOutside(IReadOnlyList<string> working, IReadOnlyList<string> available)
    {
        for (var i = 0; i < working.Count; i++)
        {
            if (!Contains(available, working[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static int CountHeld(IReadOnlyList<string> held, IReadOnlyList<string> asked)
    {
        var count = 0;
        for (var i = 0; i < asked.Count; i++)
        {
            if (Holds(held, asked[i]))
            {
                count++;
            }
        }

        return count;
    }

    private static string OccupationReason(SeekerProfile s, VacancyProfile v, OccupationFit fit, string? wanted, Func<string, string?> title)
    {
        var named = Named(v.SocCode, title);
        return fit switch
        {
            OccupationFit.Exact => $"Wants work in this occupation: {named}",
            OccupationFit.MinorGroup => $"Wants work in a closely related occupation, {Named(wanted!, title)} (same SOC minor group {v.SocCode[..3]} as {named})",
            OccupationFit.SubMajorGroup => $"Wants work in a related occupation, {Named(wanted!, title)} (same SOC sub-major group {v.SocCode[..2]} as {named})",
            OccupationFit.MajorGroup => $"Wants work in the same broad area, {Named(wanted!, title)} (same SOC major group {v.SocCode[..1]} as {named})",
            _ when s.Occupations.Count == 0 => $"No occupations recorded in their job goals (this job is {named})",
            _ => $"Not an occupation they want (this job is {named})",
        };
    }

    private static string Named(string code, Func<string, string?> title) =>
        title(code) is { Length: > 0 } t ? $"{t} (SOC {code})" : $"SOC {code}";

    private static string SkillsReason(string kind, IReadOnlyList<string> asked, IReadOnlyList<string> held, int count)
    {
        if (asked.Count == 0)
        {
            return "No skills required";
        }

        var missing = asked.Where(a => !Holds(held, a)).ToList();
        var text = $"Has {count} of {asked.Count} {kind} skills";
        if (count > 0)
        {
            text += ": " + string.Join(", ", asked.Where(a => Holds(held, a)));
        }

        return missing.Count > 0 ? $"{text} (not {string.Join(", ", missing)})" : text;
    }

    private static string HoursReason(SeekerProfile s, VacancyProfile v)
    {
        var hours = $"{Hours(v.WeeklyHours)} hours a week";
        return (s.MinWeeklyHours, s.MaxWeeklyHours) switch
        {
            ({ } min, _) when v.WeeklyHours < min => $"{hours}, fewer than the {Hours(min)} they want",
            ({ } min, { } max) => $"{hours}, within the {Hours(min)} to {Hours(max)} they want",
            (null, { } max) => $"{hours}, within the {Hours(max)} they can work",
            ({ } min, null) => $"{hours}, at least the {Hours(min)} they want",
            _ => hours,
        };
    }

    private static string DistanceReason(SeekerProfile s, VacancyProfile v, double? miles, double? limit)
    {
        if (miles is not { } d)
        {
            var missing = s.Location is null ? s.Postcode : v.Postcode;
            return $"Distance unknown: no coordinates for {missing}";
        }

        var text = $"{MilesText(d)} miles away (straight line)";
        return limit is { } l ? $"{text}, within the {MilesText(l)} they can travel" : text;
    }

    private static string WageReason(SeekerProfile s, VacancyProfile v)
    {
        var wage = $"{Money.Format(v.HourlyWage)} an hour";
        var baseline = s.BaselineIsCurrentWage ? "their current wage" : "the National Living Wage";
        var difference = v.HourlyWage - s.BaselineWage;
        return difference switch
        {
            0 => $"{wage}, {baseline}",
            > 0 => $"{wage}, {Money.Format(difference)} more than {baseline} ({Money.Format(s.BaselineWage)})",
            _ => $"{wage}, {Money.Format(-difference)} less than {baseline} ({Money.Format(s.BaselineWage)})",
        };
    }

    private static bool Contains(IReadOnlyList<string> days, string day)
    {
        for (var i = 0; i < days.Count; i++)
        {
            if (string.Equals(days[i], day, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string DayName(string code) => code.ToUpperInvariant() switch
    {
        "MON" => "Monday",
        "TUE" => "Tuesday",
        "WED" => "Wednesday",
        "THU" => "Thursday",
        "FRI" => "Friday",
        "SAT" => "Saturday",
        "SUN" => "Sunday",
        _ => code,
    };

    private static string Join(List<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];

    private static string Hours(decimal hours) => hours.ToString("0.##", CultureInfo.InvariantCulture);

    private static string MilesText(double miles) => miles.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string DateText(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The shift pattern codes the constraints read (Brokerage.ShiftPatterns holds the full list).</summary>
    private static class ShiftCodes
    {
        public const string Nights = "nights";
        public const string Weekends = "weekends";
        public const string Rotating = "rotating";
    }
}
