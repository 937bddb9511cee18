using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Outcomes;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Programme;

namespace ConnectingCommunities.Data.Demo;

public sealed partial class DemoCaseloadGenerator
{
    /// <summary>
    /// In-work progressions per 4,000 participants: the documents' 458 people (46% of target), so
    /// the default caseload has exactly 458 and other sizes the same share.
    /// </summary>
    public const int ProgressionsPer4000 = 458;

    /// <summary>The share of out-of-work participants who found work, overall: the documents' 41%.</summary>
    public const double JobOutcomeRate = 0.41;

    /// <summary>
    /// Decides who finds work and when, and who progresses in work. First each participant's age band,
    /// health and whether they complete "Identify jobs that match skills" (so the writers record what the
    /// model used); then each out-of-work participant finds work with the probability of
    /// <see cref="DemoOutcomeModel"/>, a draw from each lot's own outcome stream, its intercept calibrated
    /// on the whole caseload so that the expected share finding work is the documents' 41%.
    /// </summary>
    private void PlanOutcomes(LotPlan[] lotPlans)
    {
        var total = lotPlans.Sum(p => p.Count);
        var predictors = new List<double>();
        foreach (var plan in lotPlans)
        {
            var random = DemoRandom.For(seed, CharacteristicsStream, plan.LotIndex);
            plan.AgeBands = new AgeBand[plan.Count];
            plan.Health = new DemoHealth[plan.Count];
            plan.IdentifyMatchingJobs = new bool[plan.Count];
            for (var k = 0; k < plan.Count; k++)
            {
                var cohort = plan.Cohorts[k];
                var band = DemoProfiles.AgeBandsAtRegistration.Pick(random);
                plan.AgeBands[k] = band;
                plan.Health[k] = HealthOf(band, cohort, random);
                plan.IdentifyMatchingJobs[k] = random.Chance(DemoOutcomeModel.IdentifyMatchingJobsShare(cohort));
                if (cohort != Cohort.Employed)
                {
                    predictors.Add(Predictor(plan, k));
                }
            }
        }

        var intercept = DemoOutcomeModel.CalibrateIntercept(predictors, JobOutcomeRate);
        var randoms = lotPlans.Select(p => DemoRandom.For(seed, OutcomePlanStream, p.LotIndex)).ToArray();
        var findsWork = DrawWhoFindsWork(lotPlans, randoms, intercept, JobOutcomeRate * predictors.Count);
        for (var i = 0; i < lotPlans.Length; i++)
        {
            var plan = lotPlans[i];
            var jobs = new DateOnly?[plan.Count];
            for (var k = 0; k < plan.Count; k++)
            {
                if (findsWork[i][k])
                {
                    jobs[k] = FirstJobOn(plan.RegistrationDates[k], randoms[i]);
                }
            }

            plan.FirstJobs = jobs;
            plan.Progresses = new bool[plan.Count];
        }

        // Progressions: the documents' number, shared between lots by size, then within each lot between
        // the Employed cohort (who were in work to progress) and job starters, the Employed more often.
        var wanted = (int)Math.Round((double)ProgressionsPer4000 * total / 4000, MidpointRounding.AwayFromZero);
        var shares = lotPlans.Select(p => total == 0 ? 0 : (double)wanted * p.Count / total).ToArray();
        var counts = shares.Select(s => (int)Math.Floor(s)).ToArray();
        foreach (var i in Enumerable.Range(0, shares.Length).OrderByDescending(i => shares[i] - counts[i]).ThenBy(i => i).Take(wanted - counts.Sum()))
        {
            counts[i]++;
        }

        var latest = DeliveryEnd.AddDays(-45);
        for (var i = 0; i < lotPlans.Length; i++)
        {
            var plan = lotPlans[i];
            var random = DemoRandom.For(seed, OutcomePlanStream, 1_000_000 + plan.LotIndex);
            var candidates = new List<int>();
            var keys = new List<double>();
            for (var k = 0; k < plan.Count; k++)
            {
                var weight = plan.Cohorts[k] == Cohort.Employed
                    ? (plan.RegistrationDates[k] <= latest ? 2.6 : 0)
                    : plan.FirstJobs[k] is { } start && start <= latest ? 1.0 : 0;
                if (weight > 0)
                {
                    candidates.Add(k);
                    keys.Add(Key(random, weight));
                }
            }

            foreach (var k in Largest([.. keys], [.. candidates], counts[i]))
            {
                plan.Progresses[k] = true;
            }
        }
    }

    /// <summary>
    /// Each out-of-work participant's draw from the model, repeated until the number finding work is
    /// within 0.2% (at least 3) of the expected number, so that a demo-sized caseload shows the documents'
    /// 41% rather than a chance 39% or 43%. Only the total is conditioned on, and the total is the
    /// intercept's sufficient statistic, so the odds ratios the evaluation estimates are unaffected.
    /// </summary>
    private static bool[][] DrawWhoFindsWork(LotPlan[] lotPlans, DemoRandom[] randoms, double intercept, double expected)
    {
        var tolerance = Math.Max(3, expected * 0.002);
        bool[][]? closest = null;
        var closestMiss = double.MaxValue;
        for (var attempt = 0; attempt < 1_000; attempt++)
        {
            var draw = new bool[lotPlans.Length][];
            var found = 0;
            for (var i = 0; i < lotPlans.Length; i++)
            {
                var plan = lotPlans[i];
                draw[i] = new bool[plan.Count];
                for (var k = 0; k < plan.Count; k++)
                {
                    if (plan.Cohorts[k] != Cohort.Employed && randoms[i].Chance(DemoOutcomeModel.Probability(intercept, Predictor(plan, k))))
                    {
                        draw[i][k] = true;
                        found++;
                    }
                }
            }

            var miss = Math.Abs(found - expected);
            if (miss <= tolerance)
            {
                return draw;
            }

            if (miss < closestMiss)
            {
                (closest, closestMiss) = (draw, miss);
            }
        }

        return closest!;
    }

    private static double Predictor(LotPlan plan, int k) => DemoOutcomeModel.LinearPredictor(
        plan.Lot.Code, plan.Cohorts[k], plan.AgeBands[k], plan.Health[k] == DemoHealth.Yes, plan.IdentifyMatchingJobs[k]);

    /// <summary>
    /// A long-term condition for about a quarter, likelier with age and time out of work; 1% not
    /// collected and 2% preferring not to say.
    /// </summary>
    private static DemoHealth HealthOf(AgeBand band, Cohort cohort, DemoRandom random)
    {
        var ageFactor = band switch
        {
            AgeBand.Age16To24 => 0.6,
            AgeBand.Age25To34 => 0.8,
            AgeBand.Age35To54 => 1.1,
            _ => 1.5,
        };
        var cohortFactor = cohort switch
        {
            Cohort.HardestToHelp => 1.25,
            Cohort.HarderToReach => 1.0,
            Cohort.RapidProgression => 0.8,
            _ => 0.85,
        };
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.01 => DemoHealth.NotCollected,
            < 0.03 => DemoHealth.PreferNotToSay,
            _ => random.Chance(0.25 * ageFactor * cohortFactor / 0.97) ? DemoHealth.Yes : DemoHealth.No,
        };
    }

    /// <summary>The items with the largest keys (ties to the earlier item), at most <paramref name="count"/> of them.</summary>
    private static IEnumerable<int> Largest(double[] keys, int[] items, int count)
    {
        var order = Enumerable.Range(0, items.Length).ToArray();
        Array.Sort(order, (a, b) => keys[b] != keys[a] ? keys[b].CompareTo(keys[a]) : a.CompareTo(b));
        return order.Take(count).Select(i => items[i]);
    }

    /// <summary>The sampling key u^(1/w): the largest keys are a weighted sample without replacement.</summary>
    private static double Key(DemoRandom random, double weight) => Math.Pow(random.NextDouble(), 1 / Math.Max(weight, 1e-6));

    /// <summary>
    /// The first job start: a few weeks to several months after registration (half within about
    /// four months), before the programme ends, on a working day; fewer in the first lockdown.
    /// </summary>
    private DateOnly FirstJobOn(DateOnly registeredOn, DemoRandom random)
    {
        var window = programme.End.DayNumber - registeredOn.DayNumber;
        DateOnly day;
        var attempt = 0;
        do
        {
            int offset;
            if (window <= 14)
            {
                offset = random.Next(Math.Max(1, window + 1));
            }
            else
            {
                // An exponential wait of mean 160 days after a first fortnight, cut off at the end of the programme.
                var span = window - 14;
                var cut = 1 - Math.Exp(-span / 160.0);
                offset = 14 + (int)(-160.0 * Math.Log(1 - (random.NextDouble() * cut)));
                offset = Math.Min(offset, window);
            }

            day = registeredOn.AddDays(offset);
            attempt++;
        }
        while (attempt < 3 && DemoCalendar.PeriodOf(day) == DeliveryPeriod.FirstLockdown && random.Chance(0.6));

        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(day.AddDays(1) <= programme.End ? 1 : -1);
        }

        return day < registeredOn ? registeredOn : day;
    }

    /// <summary>The demo employers with deterministic ids; names already in the database keep their ids and are not added again.</summary>
    private Employer[] MakeEmployers()
    {
        var list = new List<Employer>();
        for (var e = 0; e < DemoJobs.Employers.Length; e++)
        {
            var demo = DemoJobs.Employers[e];
            var normalised = demo.Name.ToLowerInvariant();
            var employer = DemoEntities.New<Employer>();
            employer.Id = programme.ExistingEmployers.TryGetValue(normalised, out var existing) ? existing : IdFor(-1 - e, RecordKind.PaymentRun, 0);
            employer.Name = demo.Name;
            employer.NormalisedName = normalised;
            var lot = demo.LotCode is null ? null : programme.Lots.FirstOrDefault(l => l.Code == demo.LotCode);
            employer.Postcode = lot is { Postcodes.Count: > 0 } ? lot.Postcodes[(int)(DemoRandom.Mix((ulong)e) % (ulong)lot.Postcodes.Count)] : null;
            employer.CreatedAt = DemoCalendar.UkTimeToUtc(programme.Start, 9 * 60);
            list.Add(employer);
        }

        for (var i = 0; i < list.Count; i++)
        {
            var demo = DemoJobs.Employers[i];
            var key = (demo.Sector, demo.LotCode ?? "");
            employersBy[key] = employersBy.TryGetValue(key, out var some) ? [.. some, list[i]] : [list[i]];
            employerNames[list[i].Id] = list[i].Name;
        }

        return [.. list.Where(e => !programme.ExistingEmployers.ContainsKey(e.NormalisedName))];
    }

    /// <summary>Employers by sector and lot code ("" for national employers).</summary>
    private readonly Dictionary<(JobSector, string), Employer[]> employersBy = [];
    private readonly Dictionary<Guid, string> employerNames = [];

    /// <summary>An employer of the sector for a participant of the lot: a local one some of the time, otherwise a national one.</summary>
    private Employer EmployerFor(JobSector sector, string lotCode, DemoRandom random)
    {
        if (employersBy.TryGetValue((sector, lotCode), out var local) && random.Chance(0.4))
        {
            return random.Pick(local);
        }

        return employersBy.TryGetValue((sector, ""), out var national) ? random.Pick(national) : random.Pick(employersBy.First().Value);
    }

    /// <summary>What the claims need to know of one achieved milestone.</summary>
    /// <param name="RecordedOn">When the milestone's record was made: a claim made before then cannot include it.</param>
    /// <param name="EvidenceFrom">When evidence for it was first uploaded; null when none is held (or none is needed).</param>
    /// <param name="Achieved">Every milestone of the participant, for the prerequisites.</param>
    private sealed record ClaimFact(
        Guid ParticipantId,
        int ParticipantIndex,
        string Reference,
        Cohort Cohort,
        DateOnly RegisteredOn,
        Milestone Milestone,
        DateOnly On,
        DateOnly RecordedOn,
        DateTimeOffset? EvidenceFrom,
        IReadOnlyList<AchievedMilestone> Achieved);
}

/// <summary>A demo participant's answer to the health condition question, decided before outcomes.</summary>
internal enum DemoHealth
{
    NotCollected,
    PreferNotToSay,
    No,
    Yes,
}
