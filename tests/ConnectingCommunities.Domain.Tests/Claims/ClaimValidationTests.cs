using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Domain.Outcomes;
using ConnectingCommunities.Domain.Programme;
using static ConnectingCommunities.Domain.Tests.Programme.DateRangeTests;

namespace ConnectingCommunities.Domain.Tests.Claims;

public sealed class ClaimValidationTests
{
    private static readonly ContractTerm FirstContract = new(Guid.NewGuid(), "CC-WH-1", Range("2018-06-01", "2020-05-31"));
    private static readonly ContractTerm SecondContract = new(Guid.NewGuid(), "CC-WH-2", Range("2020-07-01", "2022-03-31"));

    private static readonly ClaimContext Context = new(
        Range("2018-06-01", "2022-03-31"),
        [FirstContract, SecondContract],
        new LotBudget(10_000m, Paid: 5_000m, Recovered: 0m, ApprovedUnpaid: 1_000m),
        Day("2021-12-01"));

    // A Hardest to Help job outcome that passes every step.
    private static readonly ClaimLineFacts Good = new(
        Milestone.JobOutcome,
        Day("2021-03-01"),
        889m,
        IsEligible: true,
        ConsentedToPrivacyNotice: true,
        RegisteredOn: Day("2021-01-04"),
        Achieved: [new(Milestone.Engaged, Day("2021-01-20")), new(Milestone.JobOutcome, Day("2021-03-01"))],
        InWorkOnMilestoneDate: true,
        HasEvidence: true,
        OtherLineStatuses: []);

    [Fact]
    public void A_good_line_passes_every_step()
    {
        Assert.All(ClaimValidationSteps.All, step => Assert.Null(step.Check(Good, Context)));
        Assert.True(ClaimValidator.Validate(Good, Context).Passed);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public void An_ineligible_or_unconsented_participant_fails(bool eligible, bool consented) =>
        Assert.Equal(
            ClaimReasonCode.ParticipantNotEligible,
            ClaimValidationSteps.ParticipantEligible(Good with { IsEligible = eligible, ConsentedToPrivacyNotice = consented }, Context));

    [Theory]
    [InlineData("2018-06-01", true)]
    [InlineData("2020-05-31", true)]
    [InlineData("2020-06-01", false)]
    [InlineData("2020-06-30", false)]
    [InlineData("2020-07-01", true)]
    public void A_contract_must_be_active_on_the_milestone_date(string date, bool active) =>
        Assert.Equal(
            active ? null : ClaimReasonCode.ContractNotActive,
            ClaimValidationSteps.ContractActive(Good with { MilestoneDate = Day(date) }, Context));

    [Theory]
    [InlineData(new ClaimLineStatus[0], null)]
    [InlineData(new[] { ClaimLineStatus.Rejected }, null)]
    [InlineData(new[] { ClaimLineStatus.Recovered, ClaimLineStatus.Rejected }, null)]
    [InlineData(new[] { ClaimLineStatus.Draft }, ClaimReasonCode.AlreadyClaimed)]
    [InlineData(new[] { ClaimLineStatus.Held }, ClaimReasonCode.AlreadyClaimed)]
    [InlineData(new[] { ClaimLineStatus.Submitted }, ClaimReasonCode.AlreadyClaimed)]
    [InlineData(new[] { ClaimLineStatus.Returned }, ClaimReasonCode.AlreadyClaimed)]
    [InlineData(new[] { ClaimLineStatus.Approved }, ClaimReasonCode.AlreadyClaimed)]
    [InlineData(new[] { ClaimLineStatus.Paid }, ClaimReasonCode.AlreadyPaid)]
    [InlineData(new[] { ClaimLineStatus.Submitted, ClaimLineStatus.Paid }, ClaimReasonCode.AlreadyPaid)]
    public void A_milestone_cannot_be_claimed_again_while_another_line_holds_it(ClaimLineStatus[] others, ClaimReasonCode? expected) =>
        Assert.Equal(expected, ClaimValidationSteps.NotAlreadyClaimed(Good with { OtherLineStatuses = others }, Context));

    [Fact]
    public void Prerequisites_must_be_met()
    {
        var sustained = Good with { Milestone = Milestone.Sustained13Weeks, MilestoneDate = Day("2021-05-31") };
        var withoutJob = sustained with { Achieved = [new(Milestone.Engaged, Day("2021-01-20"))] };
        var progressionOutOfWork = Good with { Milestone = Milestone.Progression, InWorkOnMilestoneDate = false };

        Assert.Null(ClaimValidationSteps.PrerequisitesMet(sustained, Context));
        Assert.Equal(ClaimReasonCode.PrerequisiteMissing, ClaimValidationSteps.PrerequisitesMet(withoutJob, Context));
        Assert.Equal(ClaimReasonCode.PrerequisiteMissing, ClaimValidationSteps.PrerequisitesMet(progressionOutOfWork, Context));
    }

    [Theory]
    [InlineData(Milestone.Engaged, false, null)]
    [InlineData(Milestone.JobOutcome, true, null)]
    [InlineData(Milestone.JobOutcome, false, ClaimReasonCode.EvidenceMissing)]
    [InlineData(Milestone.Sustained13Weeks, false, ClaimReasonCode.EvidenceMissing)]
    [InlineData(Milestone.Sustained26Weeks, false, ClaimReasonCode.EvidenceMissing)]
    [InlineData(Milestone.Sustained52Weeks, false, ClaimReasonCode.EvidenceMissing)]
    [InlineData(Milestone.Progression, false, ClaimReasonCode.EvidenceMissing)]
    [InlineData(Milestone.Progression, true, null)]
    public void Evidence_is_needed_for_everything_but_engagement(Milestone milestone, bool hasEvidence, ClaimReasonCode? expected) =>
        Assert.Equal(expected, ClaimValidationSteps.EvidencePresent(Good with { Milestone = milestone, HasEvidence = hasEvidence }, Context));

    [Theory]
    [InlineData("2021-01-04", null)]
    [InlineData("2021-01-03", ClaimReasonCode.DatesInconsistent)]
    [InlineData("2021-12-01", null)]
    [InlineData("2021-12-02", ClaimReasonCode.DatesInconsistent)]
    public void The_milestone_must_be_after_registration_and_not_in_the_future(string date, ClaimReasonCode? expected) =>
        Assert.Equal(expected, ClaimValidationSteps.DatesConsistent(Good with { MilestoneDate = Day(date) }, Context));

    [Theory]
    [InlineData("2018-05-31", ClaimReasonCode.DatesInconsistent)]
    [InlineData("2018-06-01", null)]
    [InlineData("2022-03-31", null)]
    [InlineData("2022-04-01", ClaimReasonCode.DatesInconsistent)]
    public void The_milestone_must_be_within_the_programme(string date, ClaimReasonCode? expected)
    {
        var line = Good with { MilestoneDate = Day(date), RegisteredOn = Day("2018-01-01") };
        var context = Context with { Today = Day("2023-01-01") };

        Assert.Equal(expected, ClaimValidationSteps.DatesConsistent(line, context));
    }

    [Theory]
    [InlineData(4_000, null)]
    [InlineData(4_000.01, ClaimReasonCode.LotValueExceeded)]
    [InlineData(889, null)]
    public void Paid_plus_approved_plus_the_line_must_not_exceed_the_lot_value(double amount, ClaimReasonCode? expected) =>
        Assert.Equal(expected, ClaimValidationSteps.WithinLotValue(Good with { Amount = (decimal)amount }, Context));

    [Fact]
    public void Recoveries_give_value_back_to_the_lot()
    {
        var context = Context with { Budget = Context.Budget with { Recovered = 889m } };

        Assert.Null(ClaimValidationSteps.WithinLotValue(Good with { Amount = 4_889m }, context));
        Assert.Equal(ClaimReasonCode.LotValueExceeded, ClaimValidationSteps.WithinLotValue(Good with { Amount = 4_889m }, Context));
    }

    [Fact]
    public void The_validator_reports_every_failing_step_not_just_the_first()
    {
        var bad = Good with
        {
            Milestone = Milestone.Sustained13Weeks,
            Achieved = [],
            IsEligible = false,
            MilestoneDate = Day("2020-06-15"),
            OtherLineStatuses = [ClaimLineStatus.Paid],
            HasEvidence = false,
            Amount = 50_000m,
        };

        var result = ClaimValidator.Validate(bad, Context);

        Assert.False(result.Passed);
        Assert.Equal(
            [
                ClaimReasonCode.ParticipantNotEligible,
                ClaimReasonCode.ContractNotActive,
                ClaimReasonCode.AlreadyPaid,
                ClaimReasonCode.PrerequisiteMissing,
                ClaimReasonCode.EvidenceMissing,
                ClaimReasonCode.DatesInconsistent,
                ClaimReasonCode.LotValueExceeded,
            ],
            result.Failures);
    }

    [Fact]
    public void Lines_of_one_claim_count_against_the_lot_value_in_date_order()
    {
        var context = Context with { Budget = new LotBudget(2_000m) };
        ClaimLineFacts[] lines =
        [
            Good with { MilestoneDate = Day("2021-03-03") },
            Good with { MilestoneDate = Day("2021-03-01") },
            Good with { MilestoneDate = Day("2021-03-02"), HasEvidence = false },
            Good with { MilestoneDate = Day("2021-03-04"), Amount = 222m },
        ];

        var results = ClaimValidator.ValidateClaim(lines, context);

        // The failing line does not use up value; 889 + 889 + 222 reaches the value exactly.
        Assert.Equal([true, true, false, true], results.Select(r => r.Passed));
        Assert.Equal([ClaimReasonCode.EvidenceMissing], results[2].Failures);

        var oneTooMany = ClaimValidator.ValidateClaim([.. lines, Good with { MilestoneDate = Day("2021-03-05"), Amount = 0.01m }], context);
        Assert.Equal([ClaimReasonCode.LotValueExceeded], oneTooMany[4].Failures);
    }

    [Fact]
    public void Reason_codes_have_stable_names_and_descriptions()
    {
        Assert.Equal(
            ["ParticipantNotEligible", "ContractNotActive", "AlreadyClaimed", "AlreadyPaid", "PrerequisiteMissing", "EvidenceMissing", "DatesInconsistent", "LotValueExceeded"],
            ClaimReasonCodes.All.Select(c => c.ToString()));
        Assert.All(ClaimReasonCodes.All, c => Assert.False(string.IsNullOrWhiteSpace(c.Description())));
        Assert.Equal(7, ClaimValidationSteps.All.Select(s => s.Name).Distinct().Count());
    }

    [Theory]
    [InlineData(ClaimLineStatus.Submitted, true)]
    [InlineData(ClaimLineStatus.Draft, false)]
    [InlineData(ClaimLineStatus.Approved, false)]
    [InlineData(ClaimLineStatus.Rejected, false)]
    public void Only_a_submitted_line_awaits_a_decision(ClaimLineStatus status, bool awaits) =>
        Assert.Equal(awaits, status.AwaitsDecision());
}
