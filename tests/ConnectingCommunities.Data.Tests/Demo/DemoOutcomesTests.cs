using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ConnectingCommunities.Data.Demo;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Data.Seed;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Domain.Outcomes;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Domain.Reference;

namespace ConnectingCommunities.Data.Tests.Demo;

/// <summary>
/// The default demo caseload (4,000, seed 2018, the programme over) with demo users, so that claims
/// are made by each lot's manager and decided by the commissioner; evidence content kept to check it.
/// </summary>
public sealed class DemoOutcomesFixture
{
    public const int Participants = 4_000;

    public static readonly DateOnly Today = new(2026, 1, 1);

    public DemoOutcomesFixture()
    {
        var seeded = DemoProgramme.FromSeed(ProgrammeSeed.Load());
        Programme = seeded with
        {
            Lots = [.. seeded.Lots.Select(l => l with
            {
                Advisor = new DemoAdvisor(Guid.CreateVersion7(), $"{l.Name} Advisor"),
                Manager = new DemoAdvisor(Guid.CreateVersion7(), $"{l.Name} Manager"),
            })],
            Commissioner = new DemoAdvisor(Guid.CreateVersion7(), "Demo Commissioner"),
        };
        Generator = new DemoCaseloadGenerator(Programme, Participants, today: Today) { KeepEvidenceContent = true };
        Caseload = Generator.GenerateAll();
        MilestonesOf = Caseload.Milestones.ToLookup(m => m.ParticipantId);
        Seed = ProgrammeSeed.Load();
    }

    public DemoProgramme Programme { get; }

    public DemoCaseloadGenerator Generator { get; }

    public DemoCaseload Caseload { get; }

    public ILookup<Guid, ParticipantMilestone> MilestonesOf { get; }

    public ProgrammeSeed Seed { get; }

    public bool Has(Participant participant, Milestone milestone) => MilestonesOf[participant.Id].Any(m => m.Milestone == milestone);

    /// <summary>The targets in force over the programme: the original quarters, replaced from April 2020 by the Covid-19 variation's.</summary>
    public int Target(Milestone milestone) => Seed.Targets.Where(t => t.Milestone == milestone).GroupBy(t => t.Lot).Sum(lot =>
    {
        var varied = lot.Where(t => t.Reason is not null).ToList();
        var original = lot.Where(t => t.Reason is null).SelectMany(t => t.Quarters);
        return varied.Count == 0
            ? original.Sum(q => q.Value)
            : original.Where(q => string.CompareOrdinal(q.Key, "2020-Q2") < 0).Sum(q => q.Value) + varied.SelectMany(t => t.Quarters).Sum(q => q.Value);
    });
}

/// <summary>
/// Job outcomes, sustainment, progression, evidence, milestones, claims and payments of the demo
/// caseload against the documents' figures and the domain's rules.
/// </summary>
public sealed partial class DemoOutcomesTests(DemoOutcomesFixture fixture) : IClassFixture<DemoOutcomesFixture>
{
    private DemoCaseload Caseload => fixture.Caseload;

    private List<Participant> OutOfWork => [.. Caseload.Participants.Where(p => p.Cohort != Cohort.Employed)];

    private double JobRate(IEnumerable<Participant> people)
    {
        var list = people.ToList();
        return 100.0 * list.Count(p => fixture.Has(p, Milestone.JobOutcome)) / list.Count;
    }

    [Fact]
    public void Forty_one_percent_of_those_out_of_work_found_work() =>
        Assert.InRange(JobRate(OutOfWork), 39.5, 42.5);

    [Theory]
    [InlineData(Cohort.RapidProgression, 55)]
    [InlineData(Cohort.HarderToReach, 36)]
    [InlineData(Cohort.HardestToHelp, 30)]
    public void Each_out_of_work_cohort_found_work_at_the_documents_rate(Cohort cohort, double percent) =>
        Assert.InRange(JobRate(OutOfWork.Where(p => p.Cohort == cohort)), percent - 4.5, percent + 4.5);

    [Fact]
    public void Providers_rates_range_from_about_21_to_59_percent_with_most_between()
    {
        var byLot = fixture.Programme.Lots.Select(l => (l.Code, Rate: JobRate(OutOfWork.Where(p => p.LotId == l.Id)))).OrderBy(x => x.Rate).ToList();
        var rates = byLot.Select(x => x.Rate).ToList();
        var shown = string.Join(", ", byLot.Select(x => $"{x.Code} {x.Rate:0.0}%"));

        // Outcomes are draws from the demo's logistic model, and the smallest lots have under 200 people
        // out of work (a standard error near 4 points), so the ends are checked with that much room.
        Assert.True(rates[0] is >= 15 and <= 28, shown);
        Assert.True(rates[^1] is >= 52 and <= 66, shown);
        Assert.True(rates.Count(r => r is > 28 and < 50) >= 6, shown);
    }

    [Fact]
    public void Nobody_in_the_Employed_cohort_has_a_job_outcome() =>
        Assert.DoesNotContain(Caseload.Participants, p => p.Cohort == Cohort.Employed && fixture.Has(p, Milestone.JobOutcome));

    [Fact]
    public void Job_starts_are_plausible_jobs_between_registration_and_the_end()
    {
        var people = Caseload.Participants.ToDictionary(p => p.Id);
        var employers = Caseload.Employers.Select(e => e.Id).ToHashSet();
        Assert.All(Caseload.JobStarts, job =>
        {
            var person = people[job.ParticipantId];
            Assert.InRange(job.StartDate, person.RegisteredOn, fixture.Generator.DeliveryEnd);
            Assert.Contains(job.EmployerId, employers);
            Assert.True(job.SocCode is null || SocCode().IsMatch(job.SocCode), job.SocCode);
            Assert.InRange(job.WeeklyHours, 4m, 45m);
            Assert.True(job.HourlyWage >= NationalLivingWage.Published.RateInForceOn(job.StartDate)!.HourlyRate, $"{job.HourlyWage} on {job.StartDate}");
            Assert.Equal(job.EndDate is null, job.EndReason is null);
            Assert.True(job.EndDate is null || (job.EndDate >= job.StartDate && job.EndDate <= fixture.Generator.DeliveryEnd));
            Assert.True(DateOnly.FromDateTime(job.RecordedAt.UtcDateTime) >= job.StartDate);
        });
        Assert.True(Enum.GetValues<JobContractType>().All(t => Caseload.JobStarts.Any(j => j.ContractType == t)));
        Assert.True(Caseload.JobStarts.Select(j => j.EmployerId).Distinct().Count() > 40);
        Assert.True(Caseload.JobStarts.Select(j => j.SocCode).Distinct().Count() > 20);
        Assert.Contains(Caseload.Employers, e => e.Name.Contains("NHS", StringComparison.Ordinal));
        Assert.Contains(Caseload.Employers, e => e.Name.EndsWith("Council", StringComparison.Ordinal));
        Assert.Equal(Caseload.Employers.Count, Caseload.Employers.Select(e => e.NormalisedName).Distinct().Count());
    }

    [Fact]
    public void Some_jobs_end_and_some_people_change_job_within_the_allowed_gap()
    {
        var ended = Caseload.JobStarts.Where(j => j.EndDate is not null).ToList();
        var changes = Caseload.JobStarts.GroupBy(j => j.ParticipantId)
            .SelectMany(g => g.OrderBy(j => j.StartDate).Zip(g.OrderBy(j => j.StartDate).Skip(1)))
            .Select(pair => EmploymentContinuity.GapDays(pair.First.EndDate!.Value, pair.Second.StartDate))
            .ToList();

        Assert.InRange(100.0 * ended.Count / Caseload.JobStarts.Count, 40, 80);
        Assert.Contains(changes, gap => gap >= 0 && gap <= EmploymentContinuity.DefaultGapDays);
        Assert.Contains(changes, gap => gap > EmploymentContinuity.DefaultGapDays);
        Assert.Contains(ended, j => j.EndReason!.Contains("Covid-19", StringComparison.Ordinal) || j.EndReason.Contains("pandemic", StringComparison.Ordinal));
    }

    [Fact]
    public void Sustainment_falls_off_over_time_and_stays_below_target_at_every_point()
    {
        int Count(Milestone m) => Caseload.Milestones.Count(x => x.Milestone == m);

        Assert.True(Count(Milestone.JobOutcome) > Count(Milestone.Sustained13Weeks));
        Assert.True(Count(Milestone.Sustained13Weeks) > Count(Milestone.Sustained26Weeks));
        Assert.True(Count(Milestone.Sustained26Weeks) > Count(Milestone.Sustained52Weeks));
        foreach (var milestone in SustainmentSchedule.Milestones)
        {
            Assert.True(Count(milestone) < fixture.Target(milestone), $"{milestone}: {Count(milestone)} against a target of {fixture.Target(milestone)}");
            Assert.True(Count(milestone) > fixture.Target(milestone) * 0.6, $"{milestone}: {Count(milestone)} against a target of {fixture.Target(milestone)}");
        }

        // Job starts a little above target (the documents: 106%).
        Assert.InRange(100.0 * Count(Milestone.JobOutcome) / fixture.Target(Milestone.JobOutcome), 100, 112);
    }

    [Fact]
    public void Sustainment_checks_fall_due_on_the_schedule_and_in_work_checks_are_the_milestones()
    {
        var jobs = Caseload.JobStarts.ToDictionary(j => j.Id);
        Assert.All(Caseload.SustainmentChecks, check =>
        {
            Assert.Equal(SustainmentSchedule.DueOn(check.RunStart, check.Milestone), check.DueOn);
            Assert.True(check.DueOn <= fixture.Programme.End);
            Assert.True(check.CheckedOn >= check.DueOn);
            Assert.Equal(check.Result == SustainmentCheckResult.InWork, check.JobStartId is not null);
            if (check.JobStartId is { } jobId)
            {
                Assert.Equal(check.ParticipantId, jobs[jobId].ParticipantId);
            }
        });
        Assert.Contains(Caseload.SustainmentChecks, c => c.Result == SustainmentCheckResult.NotInWork);
        var inWork = Caseload.SustainmentChecks.Where(c => c.Result == SustainmentCheckResult.InWork).ToLookup(c => (c.ParticipantId, c.Milestone));
        foreach (var milestone in Caseload.Milestones.Where(m => SustainmentSchedule.IsSustainment(m.Milestone)))
        {
            Assert.Contains(inWork[(milestone.ParticipantId, milestone.Milestone)], c => c.DueOn == milestone.AchievedOn);
        }

        Assert.Equal(inWork.Count, Caseload.Milestones.Count(m => SustainmentSchedule.IsSustainment(m.Milestone)));
    }

    [Fact]
    public void Milestones_are_what_the_domain_rules_derive_from_the_records_with_prerequisites_met()
    {
        var jobs = Caseload.JobStarts.ToLookup(j => j.ParticipantId);
        var records = Caseload.ProgressionRecords.ToLookup(r => r.ParticipantId);
        foreach (var person in Caseload.Participants)
        {
            var spells = jobs[person.Id].Select(j => new JobSpell(j.StartDate, j.EndDate)).ToList();
            if (person.Cohort == Cohort.Employed)
            {
                spells.Add(new JobSpell(person.RegisteredOn, null));
            }

            var facts = new ParticipantFacts(
                person.RegisteredOn, person.Cohort, person.EngagedOn, spells,
                [.. records[person.Id].Select(r => new ProgressionEvent(r.ChangedOn, r.MeetsStrict))]);
            var derived = MilestoneRules.Derive(facts, fixture.Generator.DeliveryEnd);
            var actual = fixture.MilestonesOf[person.Id].Select(m => new AchievedMilestone(m.Milestone, m.AchievedOn)).OrderBy(a => a.On).ThenBy(a => a.Milestone);

            Assert.Equal(derived, actual);
            Assert.All(derived, m =>
            {
                Assert.True(MilestoneRules.PrerequisitesMet(m.Milestone, m.On, derived, facts.InWorkOn(m.On)), $"{person.Reference} {m.Milestone}");
                Assert.InRange(m.On, person.RegisteredOn, fixture.Programme.End);
            });
        }
    }

    [Fact]
    public void Exactly_458_progressions_among_the_Employed_and_job_starters_assessed_by_the_rules()
    {
        var progressed = Caseload.Milestones.Where(m => m.Milestone == Milestone.Progression).ToList();
        var people = Caseload.Participants.ToDictionary(p => p.Id);

        Assert.Equal(458, progressed.Count);
        Assert.All(progressed, m => Assert.True(people[m.ParticipantId].Cohort == Cohort.Employed || fixture.Has(people[m.ParticipantId], Milestone.JobOutcome)));
        Assert.InRange(progressed.Count(m => people[m.ParticipantId].Cohort == Cohort.Employed), 180, 320);
        Assert.All(Caseload.ProgressionRecords, r =>
        {
            var baseline = new JobTerms(r.BaselineWeeklyHours, r.BaselineHourlyWage, ContractOf(r.BaselineContractType));
            var change = new ProgressionChange(new JobTerms(r.WeeklyHours, r.HourlyWage, ContractOf(r.ContractType)), r.Promotion, r.LateralMove, r.LateralMoveReason);
            var assessed = ProgressionRules.EvaluateAll(baseline, change);
            Assert.Equal(assessed[0].IsMet, r.MeetsStrict);
            Assert.Equal(assessed[1].IsMet, r.MeetsWider);
            Assert.Equal(string.Join(',', assessed[1].Grounds), r.Grounds);
            Assert.True(r.HourlyWage >= NationalLivingWage.Published.RateInForceOn(r.ChangedOn)!.HourlyRate);
        });
        Assert.Contains(Caseload.ProgressionRecords, r => r.MeetsWider && !r.MeetsStrict);
        Assert.Contains(Caseload.ProgressionRecords, r => r.LateralMove && r.LateralMoveReason is not null);
    }

    [Fact]
    public void Progressions_scale_with_the_size_of_the_caseload()
    {
        var caseload = new DemoCaseloadGenerator(fixture.Programme, 1_000, today: DemoOutcomesFixture.Today).GenerateAll();

        Assert.Equal(115, caseload.Milestones.Count(m => m.Milestone == Milestone.Progression));
    }

    [Fact]
    public void Evidence_files_are_small_real_PDFs_with_their_hashes_for_most_but_not_all_outcomes()
    {
        var content = Caseload.EvidenceContent.ToDictionary(c => c.StoredFileName, c => c.Content);
        Assert.Equal(Caseload.EvidenceFiles.Count, content.Count);
        Assert.All(Caseload.EvidenceFiles, file =>
        {
            Assert.Equal(1, new[] { file.JobStartId, file.SustainmentCheckId, file.ProgressionRecordId }.Count(id => id is not null));
            var bytes = content[file.StoredFileName];
            Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5), StringComparison.Ordinal);
            Assert.Equal(bytes.Length, file.SizeBytes);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Sha256);
            Assert.Equal("application/pdf", file.ContentType);
            Assert.EndsWith(".pdf", file.StoredFileName, StringComparison.Ordinal);
        });
        Assert.Equal(Caseload.EvidenceFiles.Count, Caseload.EvidenceFiles.Select(f => f.StoredFileName).Distinct().Count());
        Assert.True(Caseload.EvidenceFiles.Select(f => f.Sha256).Distinct().Count() > Caseload.EvidenceFiles.Count * 0.9);

        var firstJobs = Caseload.JobStarts.GroupBy(j => j.ParticipantId).Select(g => g.MinBy(j => j.StartDate)!.Id).ToList();
        var proven = Caseload.EvidenceFiles.Where(f => f.JobStartId is not null).Select(f => f.JobStartId!.Value).ToHashSet();
        var share = 100.0 * firstJobs.Count(proven.Contains) / firstJobs.Count;
        Assert.InRange(share, 95, 99.9);
    }

    [Fact]
    public void Claim_lines_are_achieved_milestones_at_their_tariff_and_at_most_one_is_live_for_each()
    {
        var achieved = Caseload.Milestones.ToDictionary(m => (m.ParticipantId, m.Milestone), m => m.AchievedOn);
        var people = Caseload.Participants.ToDictionary(p => p.Id);
        var tariffs = new TariffSchedule(fixture.Programme.Tariffs);
        Assert.All(Caseload.ClaimLines, line =>
        {
            Assert.Equal(achieved[(line.ParticipantId, line.Milestone)], line.MilestoneDate);
            Assert.Equal(people[line.ParticipantId].Cohort, line.Cohort);
            Assert.Equal(people[line.ParticipantId].Reference, line.ParticipantReference);
            Assert.Equal(tariffs.AmountOn(line.Milestone, line.Cohort, line.MilestoneDate), line.Amount);
            Assert.True(line.Amount > 0);
        });
        Assert.Equal(889m, Caseload.ClaimLines.First(l => l.Milestone == Milestone.JobOutcome && l.Cohort == Cohort.HardestToHelp).Amount);
        Assert.Equal(400m, Caseload.ClaimLines.First(l => l.Milestone == Milestone.JobOutcome && l.Cohort == Cohort.RapidProgression).Amount);

        var live = Caseload.ClaimLines.Where(l => l.Status.BlocksAnotherClaim() && l.Status != ClaimLineStatus.Held).ToList();
        Assert.Equal(live.Count, live.Select(l => (l.ParticipantId, l.Milestone)).Distinct().Count());
        Assert.True(Caseload.ClaimLines.Count(l => l.Milestone == Milestone.Engaged) <= Caseload.Milestones.Count(m => m.Milestone == Milestone.Engaged) * 1.02);
        var claims = Caseload.Claims.ToDictionary(c => c.Id);
        Assert.All(Caseload.ClaimLines, l => Assert.True(l.MilestoneDate <= claims[l.ClaimId].PeriodEnd));
    }

    [Fact]
    public void Claims_are_monthly_per_lot_made_by_its_manager_and_decided_by_the_commissioner()
    {
        var lots = fixture.Programme.Lots.ToDictionary(l => l.Id);
        Assert.Equal(Caseload.Claims.Count, Caseload.Claims.Select(c => (c.LotId, c.Period)).Distinct().Count());
        Assert.Equal(Caseload.Claims.Count, Caseload.Claims.Select(c => c.Reference).Distinct().Count());
        Assert.All(Caseload.Claims, claim =>
        {
            var lot = lots[claim.LotId];
            Assert.Equal(ClaimPeriod.Parse(claim.Period).End, claim.PeriodEnd);
            Assert.Equal(lot.Manager!.Id, claim.SubmittedById);
            Assert.Equal(lot.Manager.Id, claim.CreatedById);
            Assert.Contains(lot.Contracts, c => c.ProviderId == claim.ProviderId);
            Assert.NotNull(claim.AuditSeed);
            Assert.True(claim.SubmittedAt >= claim.CreatedAt && claim.CreatedAt > new DateTimeOffset(claim.PeriodEnd.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero));
        });
        var claims = Caseload.Claims.ToDictionary(c => c.Id);
        var decided = Caseload.ClaimLines.Where(l => l.DecidedById is not null).ToList();
        Assert.All(decided, line =>
        {
            var claim = claims[line.ClaimId];
            Assert.Equal(fixture.Programme.Commissioner!.Id, line.DecidedById);
            Assert.NotEqual(claim.SubmittedById, line.DecidedById);
            Assert.True(line.DecidedAt > claim.SubmittedAt);
            Assert.Equal(line.Status is ClaimLineStatus.Rejected or ClaimLineStatus.Returned, line.DecisionReason is not null);
        });
        Assert.Contains(Caseload.ClaimLines, l => l.Status == ClaimLineStatus.Rejected);
        Assert.Contains(Caseload.ClaimLines, l => l.Status == ClaimLineStatus.Returned);
        Assert.Contains(Caseload.ClaimLines, l => l.AuditSelection is not null);
        var held = Caseload.ClaimLines.Where(l => l.Status == ClaimLineStatus.Held).ToList();
        Assert.Contains(held, l => l.ReasonCodes == nameof(ClaimReasonCode.EvidenceMissing));
        Assert.All(held, l => Assert.All(l.ReasonCodes.Split(','), code => Assert.True(Enum.TryParse<ClaimReasonCode>(code, out _), code)));
        Assert.True(held.Count < Caseload.ClaimLines.Count * 0.06);
    }

    [Fact]
    public void The_last_two_months_wait_for_the_commissioner_and_nothing_earlier_is_approved_but_unpaid()
    {
        var periods = Caseload.Claims.Select(c => c.Period).Distinct().Order(StringComparer.Ordinal).ToList();
        var lastTwo = periods.TakeLast(2).ToHashSet(StringComparer.Ordinal);
        var claims = Caseload.Claims.ToDictionary(c => c.Id);

        Assert.Equal("2021-12", periods[^1]);
        Assert.DoesNotContain(Caseload.ClaimLines, l => l.Status == ClaimLineStatus.Approved && !lastTwo.Contains(claims[l.ClaimId].Period));
        Assert.True(Caseload.ClaimLines.Count(l => l.Status == ClaimLineStatus.Submitted && lastTwo.Contains(claims[l.ClaimId].Period)) > 100);
        Assert.All(Caseload.Claims.Where(c => lastTwo.Contains(c.Period)), c => Assert.Equal(ClaimStatus.Submitted, c.Status));
        Assert.All(Caseload.Claims.Where(c => !lastTwo.Contains(c.Period)), c => Assert.Equal(ClaimStatus.Completed, c.Status));
        Assert.DoesNotContain(Caseload.PaymentRuns, r => lastTwo.Contains(r.Period));
    }

    [Fact]
    public void Each_paid_line_is_paid_once_and_runs_add_up_as_the_calculator_says()
    {
        var runLines = Caseload.PaymentRunLines.ToLookup(l => l.ClaimLineId);
        Assert.All(Caseload.ClaimLines, line =>
        {
            var payments = runLines[line.Id].Where(l => l.Kind == PaymentLineKind.Payment).ToList();
            var recoveries = runLines[line.Id].Where(l => l.Kind == PaymentLineKind.Recovery).ToList();
            switch (line.Status)
            {
                case ClaimLineStatus.Paid:
                    Assert.Equal(line.Amount, Assert.Single(payments).Amount);
                    Assert.Empty(recoveries);
                    break;
                case ClaimLineStatus.Recovered:
                    Assert.Equal(line.Amount, Assert.Single(payments).Amount);
                    Assert.Equal(-line.Amount, Assert.Single(recoveries).Amount);
                    Assert.NotNull(line.RecoveryReason);
                    break;
                default:
                    Assert.Empty(runLines[line.Id]);
                    break;
            }
        });
        Assert.Contains(Caseload.ClaimLines, l => l.Status == ClaimLineStatus.Recovered);

        var runs = Caseload.PaymentRuns.ToDictionary(r => r.Id);
        Assert.All(Caseload.PaymentRunLines.Where(l => l.Kind == PaymentLineKind.Recovery), recovery =>
        {
            var paidIn = runs[runLines[recovery.ClaimLineId].Single(l => l.Kind == PaymentLineKind.Payment).PaymentRunId];
            Assert.True(string.CompareOrdinal(runs[recovery.PaymentRunId].Period, paidIn.Period) > 0);
        });

        var linesOf = Caseload.PaymentRunLines.ToLookup(l => l.PaymentRunId);
        foreach (var provider in Caseload.PaymentRuns.GroupBy(r => r.ProviderId))
        {
            var balance = 0m;
            foreach (var run in provider.OrderBy(r => r.PeriodEnd))
            {
                var totals = PaymentRunCalculator.Calculate(linesOf[run.Id].Select(l => new PaymentLine(l.ClaimLineId, l.Kind, l.Amount)), balance);
                Assert.Equal(totals.Payments, run.GrossPayments);
                Assert.Equal(totals.Recoveries, run.Recoveries);
                Assert.Equal(balance, run.BroughtForward);
                Assert.Equal(totals.Payable, run.Total);
                Assert.Equal(totals.BalanceCarriedForward, run.CarriedForward);
                balance = run.CarriedForward;
            }
        }

        Assert.Equal(Caseload.PaymentRuns.Count, Caseload.PaymentRuns.Select(r => r.Reference).Distinct().Count());
        Assert.Equal(Caseload.PaymentRuns.Count, Caseload.PaymentRuns.Select(r => (r.ProviderId, r.Period)).Distinct().Count());
    }

    [Fact]
    public void No_lot_is_paid_more_than_three_quarters_of_its_value_so_new_claims_have_room()
    {
        foreach (var lot in fixture.Programme.Lots)
        {
            var net = Caseload.PaymentRunLines.Where(l => l.LotId == lot.Id).Sum(l => l.Amount);
            Assert.InRange(net, lot.Value * 0.4m, lot.Value * 0.75m);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_outcomes_claims_and_payments_in_batches_of_any_size()
    {
        var again = new DemoCaseload();
        foreach (var batch in new DemoCaseloadGenerator(fixture.Programme, DemoOutcomesFixture.Participants, today: DemoOutcomesFixture.Today).Generate(batchSize: 777))
        {
            again.Add(batch);
        }

        Assert.Equal(Caseload.JobStarts.Select(j => (j.Id, j.EmployerId, j.StartDate, j.EndDate, j.HourlyWage)), again.JobStarts.Select(j => (j.Id, j.EmployerId, j.StartDate, j.EndDate, j.HourlyWage)));
        Assert.Equal(Caseload.SustainmentChecks.Select(c => (c.Id, c.DueOn, c.Result)), again.SustainmentChecks.Select(c => (c.Id, c.DueOn, c.Result)));
        Assert.Equal(Caseload.EvidenceFiles.Select(f => (f.Id, f.Sha256)), again.EvidenceFiles.Select(f => (f.Id, f.Sha256)));
        Assert.Equal(Caseload.Milestones.Select(m => (m.Id, m.Milestone, m.AchievedOn)), again.Milestones.Select(m => (m.Id, m.Milestone, m.AchievedOn)));
        Assert.Equal(Caseload.ClaimLines.Select(l => (l.Id, l.Status, l.Amount, l.DecidedAt)), again.ClaimLines.Select(l => (l.Id, l.Status, l.Amount, l.DecidedAt)));
        Assert.Equal(Caseload.PaymentRuns.Select(r => (r.Id, r.Reference, r.Total)), again.PaymentRuns.Select(r => (r.Id, r.Reference, r.Total)));
        Assert.Empty(again.EvidenceContent);
    }

    [Fact]
    public void While_the_programme_runs_nothing_is_dated_after_today()
    {
        var today = new DateOnly(2020, 9, 30);
        var caseload = new DemoCaseloadGenerator(fixture.Programme, 600, today: today).GenerateAll();

        Assert.All(caseload.JobStarts, j => Assert.True(j.StartDate <= today && (j.EndDate ?? today) <= today));
        Assert.All(caseload.SustainmentChecks, c => Assert.True(c.CheckedOn <= today));
        Assert.All(caseload.Milestones, m => Assert.True(m.AchievedOn <= today));
        Assert.All(caseload.EvidenceFiles, f => Assert.True(DateOnly.FromDateTime(f.UploadedAt.UtcDateTime) <= today));
        Assert.All(caseload.Claims, c => Assert.True(DateOnly.FromDateTime(c.CreatedAt.UtcDateTime) <= today));
        Assert.All(caseload.PaymentRuns, r => Assert.True(DateOnly.FromDateTime(r.CreatedAt.UtcDateTime) <= today));
        Assert.All(caseload.ClaimLines.Where(l => l.DecidedAt is not null), l => Assert.True(DateOnly.FromDateTime(l.DecidedAt!.Value.UtcDateTime) <= today));
        Assert.NotEmpty(caseload.ClaimLines);
    }

    private static ContractType ContractOf(JobContractType type) => type switch
    {
        JobContractType.Permanent => ContractTypes.Permanent,
        JobContractType.FixedTerm => ContractTypes.FixedTerm,
        JobContractType.Temporary => ContractTypes.Temporary,
        JobContractType.ZeroHours => ContractTypes.ZeroHours,
        JobContractType.Apprenticeship => ContractTypes.Apprenticeship,
        _ => ContractTypes.SelfEmployed,
    };

    [GeneratedRegex("^[1-9][0-9]{3}$")]
    private static partial Regex SocCode();
}
