using System.Buffers.Binary;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Evaluation;
using ConnectingCommunities.Domain.Programme;

namespace ConnectingCommunities.Data.Demo;

/// <summary>
/// The Theory of Change indicators for the demo caseload (scales from Domain.Evaluation.Scales): a baseline for
/// most participants at or soon after registration and a follow-up about six months later for about 60% of them.
/// Each participant has a level on each scale; each item's answer is that level plus the item's own noise, on the
/// item's options, stored raw (reversed items stored as asked) with the total after reverse-scoring. At follow-up
/// the level has moved up by <see cref="Improvement"/> standard deviations on average (more for the Rapid
/// Progression cohort), which with the item noise gives standardised changes in the totals of about 0.3 to 0.5.
/// </summary>
internal static class DemoIndicators
{
    private const ulong Stream = 0x1D1CA7025UL;

    /// <summary>Share of participants with a baseline.</summary>
    public const double BaselineShare = 0.88;

    /// <summary>Share of those with a baseline who also have a follow-up (when six months have passed by the demo's day).</summary>
    public const double FollowUpShare = 0.62;

    /// <summary>Average change in a participant's level between baseline and follow-up, in standard deviations.</summary>
    public const double Improvement = 0.42;

    /// <summary>The Rapid Progression cohort (out of work for less than a year) improves more.</summary>
    public const double RapidProgressionImprovement = 0.62;

    /// <summary>How closely the follow-up level follows the baseline level (correlation).</summary>
    private const double Stability = 0.6;

    /// <summary>Below the middle of each scale at the start: people long out of work report less self-esteem and control.</summary>
    private const double StartingMean = -0.3;

    /// <summary>Each item's own noise, in standard deviations of the level.</summary>
    private const double ItemNoise = 0.9;

    /// <summary>The chance that one scale was not asked at an assessment (left unanswered).</summary>
    private const double Unanswered = 0.03;

    public static void Add(DemoCaseload batch, int seed, DateOnly deliveryEnd, Func<Guid> nextId)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(nextId);
        foreach (var participant in batch.Participants)
        {
            var random = RandomFor(participant.Id, seed);
            if (!random.Chance(BaselineShare))
            {
                continue;
            }

            var latest = participant.LeftOn is { } left && left < deliveryEnd ? left : deliveryEnd;
            var baselineOn = participant.RegisteredOn.AddDays(random.Between(0, 14));
            if (baselineOn > latest)
            {
                baselineOn = participant.RegisteredOn > latest ? participant.RegisteredOn : latest;
            }

            if (baselineOn > deliveryEnd)
            {
                continue;
            }

            var levels = new double[Scales.All.Count];
            for (var s = 0; s < levels.Length; s++)
            {
                levels[s] = StartingMean + Normal(random);
            }

            batch.IndicatorAssessments.Add(Assessment(nextId(), participant, AssessmentPoint.Baseline, baselineOn, levels, random));

            var followUpOn = baselineOn.AddDays(random.Between(168, 196));
            if (!random.Chance(FollowUpShare) || followUpOn > deliveryEnd)
            {
                continue;
            }

            var improvement = participant.Cohort == Cohort.RapidProgression ? RapidProgressionImprovement : Improvement;
            for (var s = 0; s < levels.Length; s++)
            {
                // Standardised about the starting mean, kept partly, moved up by the improvement.
                var standardised = levels[s] - StartingMean;
                levels[s] = StartingMean + (Stability * standardised) + (Math.Sqrt(1 - (Stability * Stability)) * Normal(random)) + improvement;
            }

            batch.IndicatorAssessments.Add(Assessment(nextId(), participant, AssessmentPoint.FollowUp, followUpOn, levels, random));
        }
    }

    private static IndicatorAssessment Assessment(Guid id, Participant participant, AssessmentPoint point, DateOnly on, double[] levels, DemoRandom random)
    {
        var assessment = DemoEntities.New<IndicatorAssessment>();
        assessment.Id = id;
        assessment.ParticipantId = participant.Id;
        assessment.Point = point;
        assessment.AssessedOn = on;
        (assessment.SelfEsteemItems, assessment.SelfEsteem) = Answers(Scales.SelfEsteem, levels[0], random);
        (assessment.LocusOfControlItems, assessment.LocusOfControl) = Answers(Scales.LocusOfControl, levels[1], random);
        (assessment.AttitudeToWorkItems, assessment.AttitudeToWork) = Answers(Scales.AttitudeToWork, levels[2], random);
        (assessment.LabourMarketAwarenessItems, assessment.LabourMarketAwareness) = Answers(Scales.LabourMarketAwareness, levels[3], random);
        assessment.RecordedById = participant.AdvisorId;
        assessment.RecordedAt = DemoCalendar.UkTimeToUtc(on, 11 * 60);
        return assessment;
    }

    /// <summary>
    /// Answers to each item around the participant's level (the middle of the options at level 0, a third of the
    /// range per standard deviation), stored as asked: a reversed item's answer is given from the other end.
    /// </summary>
    private static (List<int> Items, int? Total) Answers(ScaleDefinition scale, double level, DemoRandom random)
    {
        if (random.Chance(Unanswered))
        {
            return ([], null);
        }

        var min = scale.MinAnswer;
        var max = scale.MaxAnswer;
        var centre = (min + max) / 2.0;
        var spread = (max - min) / 3.0;
        var items = new List<int>(scale.ItemCount);
        foreach (var item in scale.Items)
        {
            var agreement = (int)Math.Round(centre + (spread * (level + (ItemNoise * Normal(random)))), MidpointRounding.AwayFromZero);
            agreement = Math.Clamp(agreement, min, max);
            items.Add(item.Reversed ? min + max - agreement : agreement);
        }

        return (items, scale.Total(items));
    }

    /// <summary>A standard normal draw (Box-Muller).</summary>
    private static double Normal(DemoRandom random)
    {
        var u = 1.0 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    private static DemoRandom RandomFor(Guid id, int seed)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        var hi = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        var lo = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        return new DemoRandom(DemoRandom.Mix(lo ^ DemoRandom.Mix(hi ^ ((ulong)(uint)seed << 24) ^ Stream)));
    }
}
