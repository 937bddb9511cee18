using System.Buffers.Binary;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Programme;

namespace ConnectingCommunities.Data.Demo;

/// <summary>
/// Generates a synthetic caseload whose headline figures resemble the Connecting Communities
/// evaluation: participants spread across the lots in proportion to lot value, registered over
/// the delivery period within an active contract of their lot, the documents' cohort mix
/// (36/14/35/16%), 42% minority ethnic, a quarter with a long-term health condition, barriers,
/// action plans, interventions that move from face to face to the telephone and online from
/// March 2020, and about 82% engaged on their third meaningful intervention.
/// </summary>
/// <remarks>
/// Deterministic: the same programme, number and seed give the same records, ids included, on
/// every run. Each lot and each participant draws from a random stream of its own, so batches can
/// be generated in any order. Nothing here is a real person: names come from common-name lists,
/// telephone numbers from Ofcom's range for drama (07700 900xxx) and email addresses from the
/// reserved example.com domain.
/// </remarks>
public sealed partial class DemoCaseloadGenerator
{
    /// <summary>The seed the web app and <c>cc demo-data</c> use unless told otherwise.</summary>
    public const int DefaultSeed = 2018;

    private const int LotStream = 1;
    private const int ParticipantStream = 2;
    private const int NinoStream = 3;
    private const int OutcomePlanStream = 4;

    /// <summary>Age band, health and the job-matching action, decided before outcomes (<see cref="DemoOutcomeModel"/>).</summary>
    private const int CharacteristicsStream = 7;
    private const int OutcomeStream = 5;
    private const int ClaimStream = 6;

    private readonly DemoProgramme programme;
    private readonly int seed;
    private readonly MeaningfulInterventionRule rule;
    private readonly LotPlan[] plans;
    private readonly NinoSequence ninos;
    private readonly DateOnly today;
    private readonly TariffSchedule tariffs;
    private readonly List<ClaimFact>[] claimFacts;
    private readonly Employer[] employers;

    /// <param name="programme">The programme as set up (see <see cref="DemoProgramme.LoadAsync"/>).</param>
    /// <param name="participants">How many participants to generate, across all lots.</param>
    /// <param name="seed">Another seed gives another caseload of the same shape.</param>
    /// <param name="today">No record is dated after this day (delivery may still be under way).</param>
    /// <exception cref="DemoDataException">The programme gives nowhere or no time to register anyone.</exception>
    public DemoCaseloadGenerator(DemoProgramme programme, int participants, int seed = DefaultSeed, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentOutOfRangeException.ThrowIfNegative(participants);
        this.programme = programme;
        this.seed = seed;
        Participants = participants;
        rule = new MeaningfulInterventionRule(programme.MeaningfulInterventionMinutes);
        DeliveryStart = programme.Start;
        DeliveryEnd = today is { } day && day < programme.End ? day : programme.End;
        if (DeliveryEnd < DeliveryStart)
        {
            throw new DemoDataException($"The programme's delivery starts on {DeliveryStart:yyyy-MM-dd}, after today: there is no time in which to register demo participants.");
        }

        this.today = today ?? DateOnly.MaxValue;
        tariffs = new TariffSchedule(programme.Tariffs);
        plans = PlanLots(participants);
        PlanOutcomes(plans);
        ninos = new NinoSequence(seed, participants);
        claimFacts = [.. plans.Select(_ => new List<ClaimFact>())];
        employers = MakeEmployers();
    }

    /// <summary>
    /// Whether batches keep the bytes of each evidence file (<see cref="DemoCaseload.EvidenceContent"/>)
    /// for writing into the evidence folder; their hashes are on the rows either way.
    /// </summary>
    public bool KeepEvidenceContent { get; init; }

    public int Participants { get; }

    public DateOnly DeliveryStart { get; }

    /// <summary>The last day anything is dated: the programme's end, or today if that is earlier.</summary>
    public DateOnly DeliveryEnd { get; }

    /// <summary>How many participants each lot gets, by lot code.</summary>
    public IReadOnlyDictionary<string, int> ParticipantsPerLot => plans.ToDictionary(p => p.Lot.Code, p => p.Count, StringComparer.Ordinal);

    /// <summary>
    /// The caseload in batches of about <paramref name="batchSize"/> participants, lot by lot: the
    /// employers come with the first batch, and the claims and payment runs of the programme's months
    /// in a last batch of their own, made from the milestones of every lot.
    /// </summary>
    public IEnumerable<DemoCaseload> Generate(int batchSize = 5_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        foreach (var facts in claimFacts)
        {
            facts.Clear();
        }

        var first = true;
        foreach (var plan in plans)
        {
            for (var from = 0; from < plan.Count; from += batchSize)
            {
                var batch = GenerateBatch(plan, from, Math.Min(batchSize, plan.Count - from));
                if (first)
                {
                    batch.Employers.AddRange(employers);
                    first = false;
                }

                yield return batch;
            }
        }

        var claims = new DemoCaseload();
        if (first)
        {
            claims.Employers.AddRange(employers);
        }

        new ClaimsWriter(this, claims).Write();
        yield return claims;
    }

    /// <summary>The whole caseload in one batch.</summary>
    public DemoCaseload GenerateAll()
    {
        var all = new DemoCaseload();
        foreach (var batch in Generate())
        {
            all.Add(batch);
        }

        return all;
    }

    private DemoCaseload GenerateBatch(LotPlan plan, int from, int count)
    {
        var batch = new DemoCaseload();
        for (var k = from; k < from + count; k++)
        {
            new ParticipantWriter(this, plan, k, batch).Write();
        }

        return batch;
    }

    /// <summary>Shares participants between lots in proportion to value (largest remainder), then draws registration dates.</summary>
    private LotPlan[] PlanLots(int participants)
    {
        // Lots in code order, so the caseload depends on the programme and not on the order it was read in.
        var candidates = programme.Lots
            .OrderBy(lot => lot.Code, StringComparer.Ordinal)
            .Select((lot, index) => (Lot: lot, Index: index, Weights: RegistrationWeights(lot)))
            .Where(c => c.Weights is not null && c.Lot.Postcodes.Count > 0)
            .ToList();
        if (candidates.Count == 0 && participants > 0)
        {
            throw new DemoDataException(
                "No lot has both an area (postcodes) and a contract active during the programme's delivery period, so demo participants cannot be registered anywhere.");
        }

        var totalValue = candidates.Sum(c => Math.Max(0m, c.Lot.Value));
        var shares = candidates.Select(c => totalValue > 0
            ? participants * (double)(Math.Max(0m, c.Lot.Value) / totalValue)
            : participants / (double)candidates.Count).ToArray();
        var counts = shares.Select(s => (int)Math.Floor(s)).ToArray();
        var remainder = participants - counts.Sum();
        foreach (var i in Enumerable.Range(0, shares.Length).OrderByDescending(i => shares[i] - counts[i]).ThenBy(i => i).Take(remainder))
        {
            counts[i]++;
        }

        var result = new LotPlan[candidates.Count];
        var first = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            var (lot, index, weights) = candidates[i];
            var random = DemoRandom.For(seed, LotStream, index);
            var dates = new DateOnly[counts[i]];
            for (var k = 0; k < dates.Length; k++)
            {
                dates[k] = DrawDay(weights!, random);
            }

            Array.Sort(dates);
            var cohorts = Shares(DemoProfiles.CohortMix, dates.Length, random);
            FewerHardestToHelpInLockdowns(dates, cohorts, random);
            var ethnicities = Shares(DemoProfiles.EthnicityMix(lot.Code), dates.Length, random);
            result[i] = new LotPlan(lot, index, first, dates, cohorts, ethnicities, AdvisorsFor(lot, random));
            first += counts[i];
        }

        return result;
    }

    /// <summary>
    /// Exactly the documents' shares (largest remainder) in a random order, so that the headline
    /// figures hold for every lot and every size rather than only on average.
    /// </summary>
    private static T[] Shares<T>((T Item, double Weight)[] mix, int count, DemoRandom random)
    {
        var total = mix.Sum(m => m.Weight);
        var exact = mix.Select(m => count * m.Weight / total).ToArray();
        var counts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        foreach (var i in Enumerable.Range(0, mix.Length).OrderByDescending(i => exact[i] - counts[i]).ThenBy(i => i).Take(count - counts.Sum()))
        {
            counts[i]++;
        }

        var items = new T[count];
        var next = 0;
        for (var i = 0; i < mix.Length; i++)
        {
            for (var c = 0; c < counts[i]; c++)
            {
                items[next++] = mix[i].Item;
            }
        }

        for (var k = count - 1; k > 0; k--)
        {
            var j = random.Next(k + 1);
            (items[k], items[j]) = (items[j], items[k]);
        }

        return items;
    }

    /// <summary>Swaps some of the Hardest to Help registered in the lockdowns with others registered before Covid-19.</summary>
    private static void FewerHardestToHelpInLockdowns(DateOnly[] dates, Cohort[] cohorts, DemoRandom random)
    {
        var before = Enumerable.Range(0, dates.Length).Where(k => dates[k] < DemoCalendar.CovidStart).ToList();
        if (before.Count == 0)
        {
            return;
        }

        for (var k = 0; k < dates.Length; k++)
        {
            if (cohorts[k] == Cohort.HardestToHelp && DemoCalendar.IsPandemic(dates[k]) && random.Chance(DemoProfiles.HardestToHelpMovedOutOfLockdowns))
            {
                var other = before[random.Next(before.Count)];
                if (cohorts[other] != Cohort.HardestToHelp)
                {
                    (cohorts[k], cohorts[other]) = (cohorts[other], cohorts[k]);
                }
            }
        }
    }

    /// <summary>
    /// Cumulative daily weights of registration over the delivery period, zero where the lot has no
    /// active contract: a slow start while providers mobilised, a dip around a change of provider,
    /// fewer enrolments in the lockdowns, and recruitment winding down in the last weeks.
    /// </summary>
    private double[]? RegistrationWeights(DemoLot lot)
    {
        var days = DeliveryEnd.DayNumber - DeliveryStart.DayNumber + 1;
        var cumulative = new double[days];
        var total = 0.0;
        var handovers = lot.Contracts.Where(c => c.End is { } end && end < DeliveryEnd).Select(c => c.End!.Value).ToList();
        for (var d = 0; d < days; d++)
        {
            var day = DeliveryStart.AddDays(d);
            if (lot.ContractOn(day) is not null)
            {
                var weight = DemoCalendar.PeriodOf(day) switch
                {
                    DeliveryPeriod.BeforeCovid => 1.0,
                    DeliveryPeriod.FirstLockdown => 0.45,
                    DeliveryPeriod.Easing => 0.8,
                    DeliveryPeriod.WinterLockdown => 0.7,
                    _ => 0.95,
                };
                weight *= Math.Min(1.0, 0.25 + (0.75 * d / 210.0));
                if (handovers.Any(end => Math.Abs(day.DayNumber - end.DayNumber) <= 60))
                {
                    weight *= 0.5;
                }

                if (DeliveryEnd.DayNumber - day.DayNumber < 42)
                {
                    weight *= 0.35;
                }

                if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                {
                    weight *= 0.05;
                }

                total += weight;
            }

            cumulative[d] = total;
        }

        return total > 0 ? cumulative : null;
    }

    private DateOnly DrawDay(double[] cumulative, DemoRandom random)
    {
        var u = random.NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, u);
        index = index >= 0 ? index : ~index;
        // Skip days without weight (no contract) that share the cumulative value of the day before.
        while (index > 0 && cumulative[index] == cumulative[index - 1])
        {
            index++;
        }

        return DeliveryStart.AddDays(Math.Min(index, cumulative.Length - 1));
    }

    /// <summary>Who advises under each contract: the lot's demo advisor under its latest contract, named staff under earlier ones.</summary>
    private static Dictionary<Guid, (Guid? Id, string Name)> AdvisorsFor(DemoLot lot, DemoRandom random)
    {
        var advisors = new Dictionary<Guid, (Guid? Id, string Name)>();
        for (var i = 0; i < lot.Contracts.Count; i++)
        {
            var contract = lot.Contracts[i];
            var name = $"{random.Pick(DemoNames.AdvisorFirstNames)} {random.Pick(DemoNames.AdvisorLastNames)}";
            advisors[contract.Id] = i == lot.Contracts.Count - 1 && lot.Advisor is { } advisor
                ? (advisor.Id, advisor.DisplayName)
                : (null, name);
        }

        return advisors;
    }

    /// <summary>
    /// A deterministic UUIDv7: the timestamp is a fixed origin plus the participant's position, so
    /// each participant's records sort together and load in key order; the random bits hold the
    /// table and the record's number within the participant, then bits of the seed.
    /// </summary>
    private Guid IdFor(int participantIndex, RecordKind kind, int number)
    {
        Span<byte> bytes = stackalloc byte[16];
        var milliseconds = IdOrigin + participantIndex;
        BinaryPrimitives.WriteUInt64BigEndian(bytes, (ulong)milliseconds << 16);
        bytes[6] = (byte)(0x70 | ((int)kind & 0x0F));
        bytes[7] = (byte)(number >> 8);
        var random = DemoRandom.Mix(((ulong)(uint)seed << 32) | (uint)participantIndex);
        var tail = ((0x80UL | (random >> 58)) << 56) | ((ulong)(number & 0xFF) << 48) | (random & 0xFFFF_FFFF_FFFFUL);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], tail);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>1 January 2018 in Unix milliseconds: demo ids sort before anything the service creates.</summary>
    private const long IdOrigin = 1_514_764_800_000;

    /// <summary>Room for a counter per <see cref="RecordKind"/>, indexed by its value.</summary>
    private static readonly int RecordKindSlots = Enum.GetValues<RecordKind>().Max(k => (int)k) + 1;

    private enum RecordKind
    {
        Participant = 1,
        Barrier = 2,
        BarrierReview = 3,
        Goal = 4,
        Action = 5,
        Intervention = 6,
        Milestone = 7,
        Transfer = 8,
        JobStart = 9,
        SustainmentCheck = 10,
        ProgressionRecord = 11,
        EvidenceFile = 12,
        Claim = 13,
        ClaimLine = 14,

        /// <summary>A payment run (number 0) and its lines (numbers from 1); also employers, at positions before the first participant.</summary>
        PaymentRun = 15,
    }

    private sealed record LotPlan(
        DemoLot Lot,
        int LotIndex,
        int FirstParticipant,
        DateOnly[] RegistrationDates,
        Cohort[] Cohorts,
        DemoProfiles.EthnicityKind[] Ethnicities,
        Dictionary<Guid, (Guid? Id, string Name)> Advisors)
    {
        public int Count => RegistrationDates.Length;

        /// <summary>The first job start of each participant who finds work, or null (see <see cref="PlanOutcomes"/>).</summary>
        public DateOnly?[] FirstJobs { get; set; } = [];

        /// <summary>Whether each participant makes a progression that meets the strict definition.</summary>
        public bool[] Progresses { get; set; } = [];

        /// <summary>Each participant's age band at registration, decided before outcomes.</summary>
        public AgeBand[] AgeBands { get; set; } = [];

        /// <summary>Each participant's answer on health, decided before outcomes.</summary>
        public DemoHealth[] Health { get; set; } = [];

        /// <summary>Whether each participant completes "Identify jobs that match skills" (their plan actions show it).</summary>
        public bool[] IdentifyMatchingJobs { get; set; } = [];

        public DemoContract? LatestContract => Lot.Contracts.Count == 0 ? null : Lot.Contracts[^1];
    }

    /// <summary>
    /// Unique, valid National Insurance numbers: the participant's position, spread over every
    /// allowed prefix and six digits by a multiplication that is a bijection modulo their number.
    /// </summary>
    private sealed class NinoSequence
    {
        private const long Numbers = 1_000_000;
        private static readonly string[] Prefixes = ValidPrefixes();
        private readonly long space = Prefixes.Length * Numbers;
        private readonly long multiplier;
        private readonly long offset;
        private readonly int seed;

        public NinoSequence(int seed, int participants)
        {
            if (participants > space)
            {
                throw new DemoDataException($"At most {space:N0} demo participants can have distinct National Insurance numbers.");
            }

            this.seed = seed;
            offset = (long)(DemoRandom.Mix((ulong)(uint)seed) % (ulong)space);
            // An odd multiplier that is no multiple of 5 or of the number of prefixes is coprime with the space.
            multiplier = 7_919_771;
            while (Gcd(multiplier, space) != 1)
            {
                multiplier += 2;
            }
        }

        public string For(int participantIndex)
        {
            var position = ((participantIndex * multiplier) + offset) % space;
            var prefix = Prefixes[position / Numbers];
            var digits = position % Numbers;
            var suffix = "ABCD"[(int)(DemoRandom.Mix(((ulong)(uint)seed << 32) ^ (uint)participantIndex ^ NinoStream) & 3)];
            return string.Create(9, (prefix, digits, suffix), static (span, state) =>
            {
                span[0] = state.prefix[0];
                span[1] = state.prefix[1];
                var value = state.digits;
                for (var i = 7; i >= 2; i--)
                {
                    span[i] = (char)('0' + (value % 10));
                    value /= 10;
                }

                span[8] = state.suffix;
            });
        }

        private static string[] ValidPrefixes()
        {
            var prefixes = new List<string>();
            for (var a = 'A'; a <= 'Z'; a++)
            {
                for (var b = 'A'; b <= 'Z'; b++)
                {
                    if (Nino.IsValid($"{a}{b}000000A"))
                    {
                        prefixes.Add($"{a}{b}");
                    }
                }
            }

            return [.. prefixes];
        }

        private static long Gcd(long a, long b)
        {
            while (b != 0)
            {
                (a, b) = (b, a % b);
            }

            return a;
        }
    }
}
