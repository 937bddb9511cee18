using BenchmarkDotNet.Attributes;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Domain.Outcomes;
using ConnectingCommunities.Domain.Programme;

namespace ConnectingCommunities.Claims.Bench;

/// <summary>
/// The validation steps alone (no database) over one claim of 10,000 lines: half engagements, half
/// job outcomes with their engagement achieved before them, a few failing each step so every
/// branch runs.
/// </summary>
[MemoryDiagnoser]
public class ValidateClaimBenchmark
{
    private IReadOnlyList<ClaimLineFacts> lines = [];
    private ClaimContext context = null!;

    [Params(10_000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        var random = new Random(20211231);
        var start = new DateOnly(2021, 3, 1);
        var list = new List<ClaimLineFacts>(Lines);
        for (var i = 0; i < Lines; i++)
        {
            var registered = start.AddDays(random.Next(0, 30));
            var engaged = registered.AddDays(random.Next(7, 40));
            var job = engaged.AddDays(random.Next(1, 40));
            var milestone = i % 2 == 0 ? Milestone.Engaged : Milestone.JobOutcome;
            var on = milestone == Milestone.Engaged ? engaged : job;
            list.Add(new ClaimLineFacts(
                milestone,
                on,
                milestone == Milestone.Engaged ? 300m : 889m,
                IsEligible: i % 97 != 0,
                ConsentedToPrivacyNotice: true,
                registered,
                [new AchievedMilestone(Milestone.Engaged, engaged), new AchievedMilestone(Milestone.JobOutcome, job)],
                InWorkOnMilestoneDate: milestone == Milestone.JobOutcome,
                HasEvidence: i % 89 != 0,
                OtherLineStatuses: i % 101 == 0 ? [ClaimLineStatus.Paid] : []));
        }

        lines = list;
        context = new ClaimContext(
            new DateRange(new DateOnly(2018, 6, 1), new DateOnly(2021, 12, 31)),
            [new ContractTerm(Guid.CreateVersion7(), "WH-001", new DateRange(new DateOnly(2018, 6, 1), new DateOnly(2021, 12, 31)))],
            new LotBudget(10_000_000m),
            new DateOnly(2021, 12, 31));
    }

    [Benchmark]
    public int ValidateClaim() => ClaimValidator.ValidateClaim(lines, context).Count(r => r.Passed);
}
