using System.Globalization;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Domain.Outcomes;
using ConnectingCommunities.Domain.Programme;

namespace ConnectingCommunities.Data.Demo;

public sealed partial class DemoCaseloadGenerator
{
    /// <summary>A lot claims monthly only while what it has been paid plus the claim stays within this share of its value.</summary>
    public const decimal RegularClaimCeiling = 0.70m;

    /// <summary>The claims awaiting a decision (the last two months) are made only while paid plus claimed stays within this share.</summary>
    public const decimal QueueClaimCeiling = 0.85m;

    /// <summary>
    /// The claims and payments of the programme's months, as the app makes them. Each month, each
    /// lot's provider manager claims every achieved milestone not yet on a live line, validated by the
    /// domain's <see cref="ClaimValidator"/> (lines missing evidence are held with their reason code),
    /// and submits it; the commissioner samples lines for audit (<see cref="AuditSampling"/>),
    /// approves most, rejects or returns a few (more of those sampled), later recovers a few paid
    /// ones, and pays the approved lines in a monthly run per provider (<see cref="PaymentRunCalculator"/>).
    /// A returned line is corrected and resubmitted the next month; a rejected or held milestone is
    /// claimed again. The last two months are submitted and wait for the commissioner. A lot stops
    /// claiming once its payments would pass <see cref="RegularClaimCeiling"/> of its value, so
    /// every lot has room left for claims made on the demo, and its later milestones stay achieved
    /// but unclaimed.
    /// </summary>
    private sealed class ClaimsWriter(DemoCaseloadGenerator generator, DemoCaseload batch)
    {
        private static readonly string[] RejectReasons =
        [
            "The payslip is for another person: the name does not match the participant.",
            "The evidence shows the job started before the participant registered.",
            "The employer letter is unsigned and undated, so it does not prove the job.",
            "The payslip does not cover the due date of the check.",
        ];

        private static readonly string[] ReturnReasons =
        [
            "Please attach a payslip that shows the employer's name.",
            "The hours on the contract differ from the job start record: please correct the record or explain.",
            "The evidence is unreadable: please upload a clearer copy.",
            "Please confirm the start date with the employer.",
        ];

        private static readonly string[] RecoveryReasons =
        [
            "Audit: the employer confirmed the participant never started the job.",
            "Audit: the payslip provided was not the participant's.",
            "Audit: the participant was already in this job before registering.",
        ];

        private readonly DemoRandom random = DemoRandom.For(generator.seed, ClaimStream, 0);
        private readonly Dictionary<Guid, decimal> balances = [];
        private readonly List<ClaimLine> recoveriesDue = [];
        private readonly List<(ClaimLine Line, int Period)> paid = [];
        private readonly List<ClaimLine> returned = [];
        private readonly Dictionary<ClaimLine, Entry> entryOf = [];
        private int claims;
        private int runs;

        private DemoProgramme Programme => generator.programme;

        public void Write()
        {
            var lots = generator.plans.Select(p => new LotState(p, generator.claimFacts[p.LotIndex].Select(f => new Entry(f)).ToList())).ToList();
            var periods = new List<ClaimPeriod>();
            for (var period = ClaimPeriod.Of(Programme.Start);
                 period.End <= generator.DeliveryEnd && ClaimMadeOn(period) <= generator.today;
                 period = ClaimPeriod.Of(period.End.AddDays(1)))
            {
                periods.Add(period);
            }

            for (var i = 0; i < periods.Count; i++)
            {
                var period = periods[i];
                var decided = i < periods.Count - 2;
                var made = ClaimMadeOn(period);
                var payDay = WorkingDay(made.AddDays(18));
                var commissioner = Programme.Commissioner?.Id;

                // Lines returned last month come back corrected, to be decided again with this month's claims.
                var resubmitted = new List<ClaimLine>();
                if (decided)
                {
                    foreach (var line in returned.ToList())
                    {
                        // Most providers put a returned line right within the month; a few take longer.
                        if (!random.Chance(0.7))
                        {
                            continue;
                        }

                        returned.Remove(line);
                        line.Status = ClaimLineStatus.Submitted;
                        line.DecidedById = null;
                        line.DecidedAt = null;
                        line.DecisionReason = null;
                        resubmitted.Add(line);
                    }
                }

                var submitted = new List<ClaimLine>(resubmitted);
                foreach (var lot in lots)
                {
                    if (MakeClaim(lot, period, made, decided) is { } lines)
                    {
                        submitted.AddRange(lines);
                    }
                }

                if (!decided)
                {
                    continue;
                }

                foreach (var line in submitted)
                {
                    Decide(line, made, commissioner);
                }

                RequestRecoveries(lots, i, made, commissioner);
                Pay(lots, period, i, payDay, commissioner);
            }

            var linesOf = batch.ClaimLines.ToLookup(l => l.ClaimId);
            foreach (var claim in batch.Claims)
            {
                var lines = linesOf[claim.Id];
                claim.Status = claim.SubmittedAt is null ? ClaimStatus.Draft
                    : lines.Any(l => l.Status == ClaimLineStatus.Submitted) ? ClaimStatus.Submitted
                    : ClaimStatus.Completed;
            }
        }

        private List<ClaimLine>? MakeClaim(LotState lot, ClaimPeriod period, DateOnly made, bool decided)
        {
            if (lot.Stopped && decided)
            {
                return null;
            }

            var due = lot.Entries
                .Where(e => e.Live is null && !e.Withdrawn && e.Fact.On <= period.End && e.Fact.RecordedOn <= made)
                .ToList();
            if (due.Count == 0)
            {
                return null;
            }

            var amounts = due.Select(e => generator.tariffs.AmountOn(e.Fact.Milestone, e.Fact.Cohort, e.Fact.On)).ToList();
            var ceiling = (decided ? RegularClaimCeiling : QueueClaimCeiling) * lot.Plan.Lot.Value;
            if (lot.PaidNet + lot.Queued + amounts.Sum() > ceiling)
            {
                lot.Stopped |= decided;
                return null;
            }

            var contract = lot.Plan.Lot.ContractOn(period.End) ?? lot.Plan.Lot.Contracts.LastOrDefault(c => c.Start <= period.End);
            if (contract is null)
            {
                return null;
            }

            var manager = lot.Plan.Lot.Manager?.Id;
            var number = generator.Participants + claims++;
            var createdAt = DemoCalendar.UkTimeToUtc(made, random.Between(9 * 60, 12 * 60));
            var submittedAt = createdAt.AddMinutes(random.Between(10, 240));
            var claim = DemoEntities.New<OutcomeClaim>();
            claim.Id = generator.IdFor(number, RecordKind.Claim, 0);
            claim.Reference = string.Create(CultureInfo.InvariantCulture, $"{lot.Plan.Lot.Code}-{period}-1");
            claim.LotId = lot.Plan.Lot.Id;
            claim.ProviderId = contract.ProviderId;
            claim.Period = period.ToString();
            claim.PeriodEnd = period.End;
            claim.CreatedById = manager;
            claim.CreatedAt = createdAt;
            claim.SubmittedById = manager;
            claim.SubmittedAt = submittedAt;
            claim.AuditSeed = random.NextUInt64().ToString("x16", CultureInfo.InvariantCulture);
            batch.Claims.Add(claim);

            var context = new ClaimContext(
                new DateRange(Programme.Start, Programme.End),
                [.. lot.Plan.Lot.Contracts.Select(c => new ContractTerm(c.Id, c.Reference, new DateRange(c.Start, c.End)))],
                new LotBudget(lot.Plan.Lot.Value, lot.Paid, lot.Recovered),
                made);
            var facts = due.Select((e, n) => new ClaimLineFacts(
                e.Fact.Milestone,
                e.Fact.On,
                amounts[n],
                IsEligible: true,
                ConsentedToPrivacyNotice: true,
                e.Fact.RegisteredOn,
                e.Fact.Achieved,
                InWorkOnMilestoneDate: true,
                HasEvidence: EvidenceOn(e.Fact, submittedAt),
                OtherLineStatuses: [])).ToList();
            var results = ClaimValidator.ValidateClaim(facts, context);
            var lines = new List<ClaimLine>(due.Count);
            for (var n = 0; n < due.Count; n++)
            {
                var entry = due[n];
                var line = DemoEntities.New<ClaimLine>();
                line.Id = generator.IdFor(number, RecordKind.ClaimLine, n);
                line.ClaimId = claim.Id;
                line.ParticipantId = entry.Fact.ParticipantId;
                line.ParticipantReference = entry.Fact.Reference;
                line.Milestone = entry.Fact.Milestone;
                line.MilestoneDate = entry.Fact.On;
                line.Cohort = entry.Fact.Cohort;
                line.Amount = amounts[n];
                line.ContractId = lot.Plan.Lot.ContractOn(entry.Fact.On)?.Id;
                line.ProviderId = claim.ProviderId;
                line.EvidenceCount = EvidenceRules.IsRequired(entry.Fact.Milestone) && facts[n].HasEvidence ? 1 : 0;
                if (results[n].Passed)
                {
                    line.Status = ClaimLineStatus.Submitted;
                    entry.Live = line;
                    lines.Add(line);
                    if (!decided)
                    {
                        lot.Queued += line.Amount;
                    }
                }
                else
                {
                    line.Status = ClaimLineStatus.Held;
                    line.ReasonCodes = string.Join(',', results[n].Failures);
                }

                entryOf[line] = entry;
                batch.ClaimLines.Add(line);
            }

            var policy = new AuditSamplePolicy(Programme.AuditSamplePercentage, Programme.AuditAllAboveAmount, Programme.FlaggedProviders);
            var picked = AuditSampling.Select(lines.Select(l => new AuditCandidate(l.Id, l.ProviderId, l.Amount)), policy, claim.AuditSeed);
            foreach (var line in lines)
            {
                line.AuditSelection = picked.TryGetValue(line.Id, out var reason) ? reason : null;
            }

            return lines;
        }

        private static bool EvidenceOn(ClaimFact fact, DateTimeOffset at) =>
            !EvidenceRules.IsRequired(fact.Milestone) || (fact.EvidenceFrom is { } from && from <= at);

        /// <summary>The commissioner's decision: mostly approve; reject or return a few, more of those picked for audit.</summary>
        private void Decide(ClaimLine line, DateOnly made, Guid? commissioner)
        {
            var entry = entryOf[line];
            var u = random.NextDouble();
            var audited = line.AuditSelection is not null;
            ClaimDecision decision;
            if (entry.Recovered)
            {
                decision = ClaimDecision.Reject;
            }
            else if (entry.RejectedBefore || entry.ReturnedBefore)
            {
                decision = ClaimDecision.Approve;
            }
            else
            {
                decision = u < (audited ? 0.05 : 0.012) ? ClaimDecision.Reject
                    : u < (audited ? 0.12 : 0.035) ? ClaimDecision.Return
                    : ClaimDecision.Approve;
            }

            line.Status = decision.Outcome();
            line.DecidedById = commissioner;
            line.DecidedAt = DemoCalendar.UkTimeToUtc(WorkingDay(made.AddDays(random.Between(3, 12))), random.Between(9 * 60, 17 * 60));
            switch (decision)
            {
                case ClaimDecision.Reject:
                    line.DecisionReason = entry.Recovered
                        ? "Claimed again after its payment was recovered on audit: not payable."
                        : random.Pick(RejectReasons);
                    entry.Live = null;
                    entry.RejectedBefore = true;
                    entry.Withdrawn = entry.Recovered;
                    break;
                case ClaimDecision.Return:
                    line.DecisionReason = random.Pick(ReturnReasons);
                    entry.ReturnedBefore = true;
                    returned.Add(line);
                    break;
                default:
                    line.DecisionReason = null;
                    break;
            }
        }

        /// <summary>Now and then an audit finds a line paid at least two months ago invalid: it is recovered in this month's run.</summary>
        private void RequestRecoveries(List<LotState> lots, int periodIndex, DateOnly made, Guid? commissioner)
        {
            foreach (var lot in lots)
            {
                if (!random.Chance(0.035))
                {
                    continue;
                }

                var candidates = paid.Where(p => p.Period <= periodIndex - 2 && p.Line.Status == ClaimLineStatus.Paid
                    && p.Line.RecoveryRequestedAt is null && entryOf[p.Line].Fact.ParticipantIndex >= lot.Plan.FirstParticipant
                    && entryOf[p.Line].Fact.ParticipantIndex < lot.Plan.FirstParticipant + lot.Plan.Count
                    && p.Line.Milestone != Milestone.Engaged).ToList();
                if (candidates.Count == 0)
                {
                    continue;
                }

                var line = random.Pick(candidates).Line;
                line.RecoveryRequestedAt = DemoCalendar.UkTimeToUtc(WorkingDay(made.AddDays(random.Between(2, 12))), random.Between(9 * 60, 17 * 60));
                line.RecoveryRequestedById = commissioner;
                line.RecoveryReason = random.Pick(RecoveryReasons);
                recoveriesDue.Add(line);
            }
        }

        /// <summary>The month's payment runs, one per provider with approved lines or recoveries due, totals by the domain's calculator.</summary>
        private void Pay(List<LotState> lots, ClaimPeriod period, int periodIndex, DateOnly payDay, Guid? commissioner)
        {
            var approved = batch.ClaimLines.Where(l => l.Status == ClaimLineStatus.Approved).ToList();
            var providers = approved.Select(l => l.ProviderId).Concat(recoveriesDue.Select(l => l.ProviderId)).Distinct().Order().ToList();
            var lotOf = batch.Claims.ToDictionary(c => c.Id, c => c.LotId);
            var states = lots.ToDictionary(l => l.Plan.Lot.Id);
            var number = 0;
            foreach (var provider in providers)
            {
                var toPay = approved.Where(l => l.ProviderId == provider).ToList();
                var toRecover = recoveriesDue.Where(l => l.ProviderId == provider).ToList();
                var lines = toPay.Select(l => PaymentLine.Payment(l.Id, l.Amount)).Concat(toRecover.Select(l => PaymentLine.Recovery(l.Id, l.Amount))).ToList();
                var totals = PaymentRunCalculator.Calculate(lines, balances.GetValueOrDefault(provider));
                var index = generator.Participants + 1_000_000 + runs++;
                var run = DemoEntities.New<PaymentRun>();
                run.Id = generator.IdFor(index, RecordKind.PaymentRun, 0);
                run.Reference = string.Create(CultureInfo.InvariantCulture, $"PAY-{period}-{++number:D4}");
                run.ProviderId = provider;
                run.Period = period.ToString();
                run.PeriodEnd = period.End;
                run.GrossPayments = totals.Payments;
                run.Recoveries = totals.Recoveries;
                run.BroughtForward = totals.BalanceBroughtForward;
                run.Total = totals.Payable;
                run.CarriedForward = totals.BalanceCarriedForward;
                run.CreatedById = commissioner;
                run.CreatedAt = DemoCalendar.UkTimeToUtc(payDay, random.Between(10 * 60, 16 * 60));
                batch.PaymentRuns.Add(run);
                balances[provider] = totals.BalanceCarriedForward;

                var n = 1;
                foreach (var (line, kind) in toPay.Select(l => (l, PaymentLineKind.Payment)).Concat(toRecover.Select(l => (l, PaymentLineKind.Recovery))))
                {
                    var row = DemoEntities.New<PaymentRunLine>();
                    row.Id = generator.IdFor(index, RecordKind.PaymentRun, n++);
                    row.PaymentRunId = run.Id;
                    row.ClaimLineId = line.Id;
                    row.LotId = lotOf[line.ClaimId];
                    row.ContractId = line.ContractId;
                    row.Kind = kind;
                    row.Amount = kind == PaymentLineKind.Payment ? line.Amount : -line.Amount;
                    batch.PaymentRunLines.Add(row);
                    var lot = states[row.LotId];
                    var entry = entryOf[line];
                    if (kind == PaymentLineKind.Payment)
                    {
                        line.Status = ClaimLineStatus.Paid;
                        lot.Paid += line.Amount;
                        paid.Add((line, periodIndex));
                    }
                    else
                    {
                        line.Status = ClaimLineStatus.Recovered;
                        lot.Recovered += line.Amount;
                        entry.Live = null;
                        entry.Recovered = true;
                    }
                }
            }

            recoveriesDue.Clear();
        }

        private static DateOnly WorkingDay(DateOnly day)
        {
            while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                day = day.AddDays(1);
            }

            return day;
        }

        private sealed class Entry(ClaimFact fact)
        {
            public ClaimFact Fact { get; } = fact;

            /// <summary>The line that still claims the milestone (draft, submitted, returned, approved or paid), if any.</summary>
            public ClaimLine? Live { get; set; }

            public bool RejectedBefore { get; set; }

            public bool ReturnedBefore { get; set; }

            /// <summary>Paid, then recovered after an audit.</summary>
            public bool Recovered { get; set; }

            /// <summary>Not claimed again: rejected after its payment was recovered.</summary>
            public bool Withdrawn { get; set; }
        }

        private sealed class LotState(LotPlan plan, List<Entry> entries)
        {
            public LotPlan Plan { get; } = plan;

            public List<Entry> Entries { get; } = entries;

            public decimal Paid { get; set; }

            public decimal Recovered { get; set; }

            public decimal PaidNet => Paid - Recovered;

            /// <summary>Submitted in the last two months and waiting for a decision.</summary>
            public decimal Queued { get; set; }

            public bool Stopped { get; set; }
        }
    }
}
