using System.Globalization;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Domain.Outcomes;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Domain.Reference;

namespace ConnectingCommunities.Data.Demo;

public sealed partial class DemoCaseloadGenerator
{
    /// <summary>The day a month's claims are made: the first working day from the 5th of the next month.</summary>
    private static DateOnly ClaimMadeOn(ClaimPeriod period)
    {
        var day = period.End.AddDays(5);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>The first claim a milestone can be on: the month it was achieved, or the next if it was recorded after that month's claim was made.</summary>
    private static DateOnly FirstClaimMadeOn(DateOnly achievedOn, DateOnly recordedOn)
    {
        var period = ClaimPeriod.Of(achievedOn);
        var made = ClaimMadeOn(period);
        return recordedOn < made ? made : ClaimMadeOn(ClaimPeriod.Of(period.End.AddDays(1)));
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

    private static decimal LivingWageOn(DateOnly day) => NationalLivingWage.Published.RateInForceOn(day)?.HourlyRate ?? 7.83m;

    /// <summary>A job spell as generated: the job start record and its dates.</summary>
    private sealed record Spell(JobStart Job, DemoJob Kind)
    {
        public JobSpell Dates => new(Job.StartDate, Job.EndDate);
    }

    private sealed partial class ParticipantWriter
    {
        private DemoRandom outcomes = null!;
        private readonly List<Spell> spells = [];

        /// <summary>
        /// Job starts (with a change of job or a later job for some), the 13, 26 and 52-week checks
        /// with their results, changes of job terms assessed for progression, the evidence for each,
        /// and the milestones the domain's rules derive from them (<see cref="MilestoneRules.Derive"/>).
        /// Draws come from the participant's own outcome stream.
        /// </summary>
        private void Outcomes(Participant participant)
        {
            outcomes = DemoRandom.For(generator.seed, OutcomeStream, index);
            var k = number - 1;
            DateOnly? progressionOn = null;
            if (participant.Cohort != Cohort.Employed && plan.FirstJobs[k] is { } firstStart && firstStart <= End)
            {
                // Someone who found work stayed on the programme at least until then.
                if (participant.LeftOn is { } left && left < firstStart)
                {
                    var later = firstStart.AddDays(outcomes.Between(30, 150));
                    if (later > End)
                    {
                        participant.Status = ParticipantStatus.Active;
                        participant.LeftOn = null;
                        participant.LeavingReason = null;
                        participant.LeavingNotes = null;
                    }
                    else
                    {
                        participant.LeftOn = later;
                    }
                }

                if (plan.Progresses[k])
                {
                    var earliest = firstStart.AddDays(42);
                    progressionOn = earliest > End ? End : Min(End, firstStart.AddDays(outcomes.Between(42, 330)));
                }

                Jobs(participant, firstStart, progressionOn);
            }
            else if (participant.Cohort == Cohort.Employed && plan.Progresses[k])
            {
                var earliest = registeredOn.AddDays(21);
                progressionOn = earliest > End ? End : Min(End, registeredOn.AddDays(outcomes.Between(21, 420)));
            }

            var checks = SustainmentChecks(participant);
            var events = Progressions(participant, progressionOn);
            Milestones(participant, checks, events);
        }

        private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

        private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

        /// <summary>The first job and, when it ends, perhaps a change of job within the allowed gap or a later job after a break.</summary>
        private void Jobs(Participant participant, DateOnly firstStart, DateOnly? mustLastUntil)
        {
            var start = firstStart;
            JobStart? previous = null;
            for (var n = 0; n < 3; n++)
            {
                var kind = DemoJobs.JobIn(DemoJobs.Sectors.Pick(outcomes), outcomes);
                var job = NewJob(participant, kind, start, previous);
                var end = JobEnd(job, n == 0 ? mustLastUntil : null);
                spells.Add(new Spell(job, kind));
                if (end is not { } last)
                {
                    return;
                }

                // A change of job within the allowed gap keeps employment continuous; a later job after a longer break starts a new run.
                var u = outcomes.NextDouble();
                var movedOn = u < 0.22;
                var covid = job.StartDate < new DateOnly(2020, 6, 30) && last >= new DateOnly(2020, 3, 23) && last <= new DateOnly(2020, 6, 30);
                job.EndDate = last;
                job.EndReason = DemoJobs.EndReason(covid && !movedOn, movedOn, job.ContractType, outcomes);
                DateOnly next;
                if (movedOn)
                {
                    next = last.AddDays(1 + outcomes.Between(0, generator.programme.SustainmentGapDays));
                }
                else if (u < 0.38)
                {
                    next = last.AddDays(generator.programme.SustainmentGapDays + 2 + outcomes.ExponentialDays(80));
                }
                else
                {
                    return;
                }

                if (next > End)
                {
                    return;
                }

                start = next;
                previous = job;
            }
        }

        private JobStart NewJob(Participant participant, DemoJob kind, DateOnly start, JobStart? previous)
        {
            var job = DemoEntities.New<JobStart>();
            job.Id = NextId(RecordKind.JobStart);
            job.ParticipantId = participant.Id;
            job.EmployerId = generator.EmployerFor(kind.Sector, plan.Lot.Code, outcomes).Id;
            job.JobTitle = kind.Title;
            job.SocCode = outcomes.Chance(0.93) ? kind.SocCode : null;
            job.StartDate = start;
            job.ContractType = kind.Sector == JobSector.PublicSector && outcomes.Chance(0.5) ? JobContractType.Permanent : DemoJobs.ContractsOf.Pick(outcomes);
            var hours = outcomes.Between(kind.MinHours * 2, kind.MaxHours * 2) / 2m;
            job.WeeklyHours = job.ContractType == JobContractType.ZeroHours ? Math.Min(hours, outcomes.Between(8, 24)) : hours;
            var living = LivingWageOn(start);
            var wage = living + kind.Premium + (outcomes.Chance(0.45) ? 0m : outcomes.Between(1, 90) / 100m);
            if (previous is not null && wage < previous.HourlyWage)
            {
                // A change of job is rarely for less money an hour.
                wage = previous.HourlyWage;
            }

            job.HourlyWage = Math.Max(wage, living);
            var recordedOn = Min(End, start.AddDays(outcomes.Between(0, 9)));
            job.RecordedById = AdvisorOn(recordedOn).Id;
            job.RecordedAt = DemoCalendar.UkTimeToUtc(recordedOn, outcomes.Between(9 * 60, 17 * 60));
            batch.JobStarts.Add(job);
            var first = spells.Count == 0;
            Evidence(
                participant,
                outcomes.NextDouble() switch { < 0.4 => EvidenceKind.Contract, < 0.75 => EvidenceKind.Payslip, _ => EvidenceKind.EmployerLetter },
                start,
                recordedOn,
                job.RecordedAt,
                forMilestone: first,
                f => f.JobStartId = job.Id,
                $"Job start: {kind.Title} with {EmployerName(job.EmployerId)}",
                string.Create(CultureInfo.InvariantCulture, $"Start date {start:d MMMM yyyy}; {job.WeeklyHours:0.##} hours a week at GBP {job.HourlyWage:0.00} an hour; {job.ContractType}"));
            return job;
        }

        private string EmployerName(Guid id) => generator.employerNames[id];

        /// <summary>
        /// When a job ends, if it does before the end of the programme: nearly half within 13
        /// weeks, more of the temporary and zero-hours jobs, and some laid off in the first lockdown;
        /// a job with a progression to come lasts at least until it.
        /// </summary>
        private DateOnly? JobEnd(JobStart job, DateOnly? mustLastUntil)
        {
            var insecure = job.ContractType is JobContractType.ZeroHours or JobContractType.Temporary;
            var u = outcomes.NextDouble() / (insecure ? 1.25 : 0.95);
            int? days = u switch
            {
                < 0.47 => outcomes.Between(10, 90),
                < 0.62 => outcomes.Between(91, 181),
                < 0.74 => outcomes.Between(182, 363),
                < 0.88 => outcomes.Between(364, 900),
                _ => null,
            };
            DateOnly? end = days is { } d ? job.StartDate.AddDays(d) : null;
            var lockdown = new DateOnly(2020, 3, 23);
            if (job.StartDate < lockdown && (end is null || end > lockdown) && outcomes.Chance(0.18))
            {
                end = lockdown.AddDays(outcomes.Between(0, 98));
            }

            if (mustLastUntil is { } until && end is { } e && e <= until.AddDays(28))
            {
                end = outcomes.Chance(0.5) ? null : until.AddDays(outcomes.Between(60, 400));
            }

            // Nothing after the delivery end is known yet.
            return end is { } ended && ended < End ? ended : null;
        }

        /// <summary>
        /// The 13, 26 and 52-week checks of each run of continuous employment, due on the days the
        /// domain's schedule gives: in work when the run covers the due day (the milestone), not in
        /// work at the first check after it ended. A milestone already reached in an earlier run is not checked again.
        /// </summary>
        private List<SustainmentCheck> SustainmentChecks(Participant participant)
        {
            var made = new List<SustainmentCheck>();
            if (spells.Count == 0)
            {
                return made;
            }

            var reached = new HashSet<Milestone>();
            foreach (var run in EmploymentContinuity.Runs(spells.Select(s => s.Dates), generator.programme.SustainmentGapDays))
            {
                foreach (var due in SustainmentSchedule.ChecksFor(run.Start))
                {
                    if (reached.Contains(due.Milestone))
                    {
                        continue;
                    }

                    if (due.DueOn > End)
                    {
                        break;
                    }

                    var inWork = run.Covers(due.DueOn);
                    // The job held that day, or in an allowed gap the job that followed it.
                    var job = inWork
                        ? spells.FirstOrDefault(s => s.Dates.Covers(due.DueOn))?.Job
                            ?? spells.Where(s => s.Job.StartDate > due.DueOn).OrderBy(s => s.Job.StartDate).First().Job
                        : null;
                    var checkedOn = Min(End, Max(due.DueOn, job?.StartDate ?? due.DueOn).AddDays(outcomes.Between(0, 12)));
                    var check = DemoEntities.New<SustainmentCheck>();
                    check.Id = NextId(RecordKind.SustainmentCheck);
                    check.ParticipantId = participant.Id;
                    check.Milestone = due.Milestone;
                    check.RunStart = run.Start;
                    check.DueOn = due.DueOn;
                    check.JobStartId = job?.Id;
                    check.Result = inWork ? SustainmentCheckResult.InWork : SustainmentCheckResult.NotInWork;
                    check.CheckedOn = checkedOn;
                    check.Notes = inWork
                        ? (job!.StartDate > due.DueOn ? "Between jobs on the due day, within the allowed gap; now in the new job." : outcomes.Chance(0.5) ? "Confirmed with a payslip." : null)
                        : string.Create(CultureInfo.InvariantCulture, $"Not in work on the due day: the job ended on {run.End:d MMMM yyyy}.");
                    check.RecordedById = AdvisorOn(checkedOn).Id;
                    check.RecordedAt = DemoCalendar.UkTimeToUtc(checkedOn, outcomes.Between(9 * 60, 17 * 60));
                    batch.SustainmentChecks.Add(check);
                    made.Add(check);
                    if (!inWork)
                    {
                        break;
                    }

                    reached.Add(due.Milestone);
                    Evidence(
                        participant,
                        outcomes.Chance(0.85) ? EvidenceKind.Payslip : EvidenceKind.EmployerLetter,
                        due.DueOn,
                        checkedOn,
                        check.RecordedAt,
                        forMilestone: true,
                        f => f.SustainmentCheckId = check.Id,
                        $"{due.Milestone.DisplayName()} check: in work with {EmployerName(job!.EmployerId)}",
                        string.Create(CultureInfo.InvariantCulture, $"Due {due.DueOn:d MMMM yyyy}; run of employment from {run.Start:d MMMM yyyy}"));
                }
            }

            return made;
        }

        /// <summary>
        /// Changes of job terms: for those chosen to progress, a change meeting the strict definition
        /// (weekly earnings up 10% or more), sometimes after one that meets only the wider definition;
        /// for some others in work, changes that meet only the wider definition or neither.
        /// </summary>
        private List<ProgressionRecord> Progressions(Participant participant, DateOnly? progressionOn)
        {
            var records = new List<ProgressionRecord>();
            var employed = participant.Cohort == Cohort.Employed;
            if (!employed && spells.Count == 0)
            {
                return records;
            }

            var baseJob = employed ? null : spells[0].Job;
            var baseline = employed
                ? new JobTerms(participant.WeeklyHours ?? 20m, participant.HourlyWage ?? LivingWageOn(registeredOn), ContractTypes.Find(participant.EmploymentContractType) ?? ContractTypes.Permanent)
                : new JobTerms(baseJob!.WeeklyHours, baseJob.HourlyWage, ContractOf(baseJob.ContractType));
            var baseContract = employed
                ? (Enum.TryParse<JobContractType>(participant.EmploymentContractType, ignoreCase: true, out var parsed) ? parsed : JobContractType.Permanent)
                : baseJob!.ContractType;
            var from = employed ? registeredOn : baseJob!.StartDate;
            var until = employed ? End : Min(End, baseJob!.EndDate ?? End);

            if (progressionOn is { } on)
            {
                if (on.DayNumber - from.DayNumber > 60 && outcomes.Chance(0.2))
                {
                    Change(participant, baseJob, baseline, baseContract, from.AddDays(outcomes.Between(14, (on.DayNumber - from.DayNumber) / 2)), wider: true, records);
                }

                Change(participant, baseJob, baseline, baseContract, on, wider: false, records);
            }
            else if (until.DayNumber - from.DayNumber > 45 && outcomes.Chance(employed ? 0.14 : 0.06))
            {
                Change(participant, baseJob, baseline, baseContract, from.AddDays(outcomes.Between(30, until.DayNumber - from.DayNumber)), wider: true, records);
            }

            return records;
        }

        /// <summary>One change of terms; <paramref name="wider"/> makes one that is not strict progression (and is dropped if it happens to be).</summary>
        private void Change(
            Participant participant, JobStart? job, JobTerms baseline, JobContractType baseContract, DateOnly on, bool wider, List<ProgressionRecord> records)
        {
            var living = LivingWageOn(on);
            var hours = baseline.WeeklyHours;
            var wage = Math.Max(baseline.HourlyWage, living);
            var contract = baseContract;
            var promotion = false;
            var lateral = false;
            string? title = job?.JobTitle;
            var u = outcomes.NextDouble();
            if (!wider)
            {
                if (u < 0.45)
                {
                    wage = decimal.Round(wage * (1.10m + (outcomes.Between(2, 25) / 100m)), 2, MidpointRounding.AwayFromZero);
                }
                else if (u < 0.75)
                {
                    hours = Math.Min(45m, hours + Math.Max(4m, decimal.Round(hours * outcomes.Between(15, 60) / 100m)));
                }
                else
                {
                    promotion = true;
                    wage = decimal.Round(wage * (1.12m + (outcomes.Between(0, 25) / 100m)), 2, MidpointRounding.AwayFromZero);
                    title = title is null ? "Team leader" : $"Senior {title.ToLowerInvariant()}";
                }

                if (contract is JobContractType.ZeroHours or JobContractType.Temporary && outcomes.Chance(0.4))
                {
                    contract = JobContractType.Permanent;
                }

                // Hours capped, or a small baseline: make sure the rise reaches 10%.
                while (hours * wage < baseline.WeeklyEarnings * 1.10m)
                {
                    wage = decimal.Round(wage * 1.05m, 2, MidpointRounding.AwayFromZero);
                }
            }
            else
            {
                switch (u)
                {
                    case < 0.35 when contract is not JobContractType.Permanent and not JobContractType.SelfEmployed:
                        contract = JobContractType.Permanent;
                        break;
                    case < 0.6:
                        hours = Math.Min(45m, hours + 2m);
                        break;
                    case < 0.8:
                        promotion = true;
                        title = title is null ? "Shift supervisor" : $"Lead {title.ToLowerInvariant()}";
                        wage = decimal.Round(wage * 1.04m, 2, MidpointRounding.AwayFromZero);
                        break;
                    default:
                        lateral = true;
                        break;
                }
            }

            var change = new ProgressionChange(new JobTerms(hours, wage, ContractOf(contract)), promotion, lateral, lateral ? outcomes.Pick(DemoJobs.LateralMoveReasons) : null);
            var assessed = ProgressionRules.EvaluateAll(baseline, change);
            if (wider && assessed[0].IsMet)
            {
                // The statutory rise since the baseline already made it strict progression: not the record wanted here.
                return;
            }

            var recordedOn = Min(End, on.AddDays(outcomes.Between(0, 14)));
            var record = DemoEntities.New<ProgressionRecord>();
            record.Id = NextId(RecordKind.ProgressionRecord);
            record.ParticipantId = participant.Id;
            record.JobStartId = job?.Id;
            record.ChangedOn = on;
            record.JobTitle = title;
            record.WeeklyHours = hours;
            record.HourlyWage = wage;
            record.ContractType = contract;
            record.Promotion = promotion;
            record.LateralMove = lateral;
            record.LateralMoveReason = change.LateralMoveReason;
            record.BaselineWeeklyHours = baseline.WeeklyHours;
            record.BaselineHourlyWage = baseline.HourlyWage;
            record.BaselineContractType = baseContract;
            record.EarningsChange = assessed[0].EarningsChange is { } fraction ? decimal.Round(fraction, 6, MidpointRounding.ToZero) : null;
            record.MeetsStrict = assessed[0].IsMet;
            record.MeetsWider = assessed[1].IsMet;
            record.Grounds = string.Join(',', assessed[1].Grounds);
            record.RecordedById = AdvisorOn(recordedOn).Id;
            record.RecordedAt = DemoCalendar.UkTimeToUtc(recordedOn, outcomes.Between(9 * 60, 17 * 60));
            batch.ProgressionRecords.Add(record);
            records.Add(record);
            var paying = generator.programme.ProgressionDefinition == Domain.Outcomes.ProgressionDefinition.Wider ? record.MeetsWider : record.MeetsStrict;
            Evidence(
                participant,
                outcomes.Chance(0.7) ? EvidenceKind.Payslip : EvidenceKind.EmployerLetter,
                on,
                recordedOn,
                record.RecordedAt,
                forMilestone: paying,
                f => f.ProgressionRecordId = record.Id,
                $"Change of job terms{(title is null ? "" : ": " + title)}",
                string.Create(CultureInfo.InvariantCulture, $"From {on:d MMMM yyyy}: {hours:0.##} hours a week at GBP {wage:0.00} an hour; {contract}"));
        }

        /// <summary>The milestones the domain derives from the records, besides Engaged (made with the interventions).</summary>
        private void Milestones(Participant participant, List<SustainmentCheck> checks, List<ProgressionRecord> records)
        {
            var jobSpells = spells.Select(s => s.Dates).ToList();
            if (participant.Cohort == Cohort.Employed)
            {
                // The job held at registration, as claim validation counts it.
                jobSpells.Add(new JobSpell(registeredOn, null));
            }

            var wider = generator.programme.ProgressionDefinition == Domain.Outcomes.ProgressionDefinition.Wider;
            var facts = new ParticipantFacts(
                registeredOn,
                participant.Cohort,
                participant.EngagedOn,
                jobSpells,
                [.. records.Select(r => new ProgressionEvent(r.ChangedOn, wider ? r.MeetsWider : r.MeetsStrict))],
                generator.programme.SustainmentGapDays);
            // Most participants have no job and no change of job: their only milestone is Engaged, already written.
            IReadOnlyList<AchievedMilestone> achieved = jobSpells.Count == 0 || (spells.Count == 0 && records.Count == 0)
                ? (participant.EngagedOn is { } engaged && engaged <= End ? [new AchievedMilestone(Milestone.Engaged, engaged)] : [])
                : MilestoneRules.Derive(facts, End);
            var lotFacts = generator.claimFacts[plan.LotIndex];
            foreach (var milestone in achieved)
            {
                if (milestone.Milestone != Milestone.Engaged)
                {
                    var row = DemoEntities.New<ParticipantMilestone>();
                    row.Id = NextId(RecordKind.Milestone);
                    row.ParticipantId = participant.Id;
                    row.Milestone = milestone.Milestone;
                    row.AchievedOn = milestone.On;
                    batch.Milestones.Add(row);
                }

                var (recordedAt, owner) = milestone.Milestone switch
                {
                    Milestone.Engaged => (DemoCalendar.UkTimeToUtc(milestone.On.AddDays(1), 9 * 60), Guid.Empty),
                    Milestone.JobOutcome => spells.Where(s => s.Job.StartDate == milestone.On).Select(s => (s.Job.RecordedAt, s.Job.Id)).First(),
                    Milestone.Progression => records.Where(r => r.ChangedOn == milestone.On && (wider ? r.MeetsWider : r.MeetsStrict)).Select(r => (r.RecordedAt, r.Id)).First(),
                    _ => checks.Where(c => c.Milestone == milestone.Milestone && c.DueOn == milestone.On).Select(c => (c.RecordedAt, c.Id)).First(),
                };
                lotFacts.Add(new ClaimFact(
                    participant.Id, index, participant.Reference, participant.Cohort, registeredOn, milestone.Milestone, milestone.On,
                    DateOnly.FromDateTime(recordedAt.UtcDateTime), evidenceOf.GetValueOrDefault(owner), achieved));
            }
        }

        private readonly Dictionary<Guid, DateTimeOffset?> evidenceOf = [];

        /// <summary>
        /// An evidence file for a record. Evidence of a milestone is nearly always there: uploaded when
        /// the record was made, for about one in twenty only after the milestone's first claim (so that
        /// claim held the line for missing evidence), and for some recent milestones not yet at all.
        /// Other records have evidence more often than not.
        /// </summary>
        private void Evidence(
            Participant participant, EvidenceKind kind, DateOnly about, DateOnly recordedOn, DateTimeOffset recordedAt, bool forMilestone,
            Action<EvidenceFile> attach, string title, string detail)
        {
            var probe = DemoEntities.New<EvidenceFile>();
            attach(probe);
            var ownerId = probe.JobStartId ?? probe.SustainmentCheckId ?? probe.ProgressionRecordId ?? Guid.Empty;

            DateTimeOffset? uploadedAt;
            if (forMilestone)
            {
                if (about >= End.AddDays(-75) && outcomes.Chance(0.12))
                {
                    uploadedAt = null;
                }
                else if (outcomes.Chance(0.05))
                {
                    var late = FirstClaimMadeOn(about, recordedOn).AddDays(outcomes.Between(3, 18));
                    uploadedAt = late <= End ? DemoCalendar.UkTimeToUtc(late, outcomes.Between(9 * 60, 17 * 60)) : null;
                }
                else
                {
                    uploadedAt = recordedAt.AddMinutes(outcomes.Between(1, 30));
                }
            }
            else
            {
                uploadedAt = outcomes.Chance(0.6) ? recordedAt.AddMinutes(outcomes.Between(1, 30)) : null;
            }

            evidenceOf[ownerId] = uploadedAt;
            if (uploadedAt is not { } at)
            {
                return;
            }

            var file = probe;
            file.Id = NextId(RecordKind.EvidenceFile);
            file.ParticipantId = participant.Id;
            file.Kind = kind;
            var name = kind switch
            {
                EvidenceKind.Payslip => "payslip",
                EvidenceKind.Contract => "contract-of-employment",
                EvidenceKind.EmployerLetter => "letter-from-employer",
                _ => "evidence",
            };
            file.OriginalFileName = string.Create(CultureInfo.InvariantCulture, $"{name}-{about:yyyy-MM-dd}{DemoEvidence.Extension}");
            file.StoredFileName = file.Id.ToString("N") + DemoEvidence.Extension;
            file.ContentType = DemoEvidence.ContentType;
            var content = DemoEvidence.Pdf(
            [
                "SYNTHETIC DEMO EVIDENCE - NOT A REAL DOCUMENT",
                "Connecting Communities demonstration data: nobody named here is a real person.",
                "",
                $"{kind switch { EvidenceKind.Payslip => "Payslip", EvidenceKind.Contract => "Contract of employment", EvidenceKind.EmployerLetter => "Letter from the employer", _ => "Evidence" }} for participant {participant.Reference}",
                title,
                detail,
            ]);
            file.SizeBytes = content.Length;
            file.Sha256 = DemoEvidence.Sha256(content);
            file.UploadedById = AdvisorOn(DateOnly.FromDateTime(at.UtcDateTime)).Id;
            file.UploadedAt = at;
            batch.EvidenceFiles.Add(file);
            if (generator.KeepEvidenceContent)
            {
                batch.EvidenceContent.Add((file.StoredFileName, content));
            }
        }
    }
}
