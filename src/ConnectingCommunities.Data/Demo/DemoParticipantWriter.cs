using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Domain.Reference;
using ConnectingCommunities.Domain.Support;
using Barrier = ConnectingCommunities.Domain.Reference.Barrier;

namespace ConnectingCommunities.Data.Demo;

public sealed partial class DemoCaseloadGenerator
{
    private enum GoalKind
    {
        PaidWork,
        Confidence,
        CvAndApplications,
        SkillsOrLicence,
        AroundChildcare,
        SuitsHealth,
        MoreHours,
        PermanentContract,
        Promotion,
        BetterPaidJob,
        QualificationForWork,
    }

    /// <summary>Writes one participant and their records, drawing only from the participant's own random stream.</summary>
    private sealed partial class ParticipantWriter
    {
        private readonly DemoCaseloadGenerator generator;
        private readonly LotPlan plan;
        private readonly DemoCaseload batch;
        private readonly DemoRandom random;
        private readonly int index;
        private readonly int number;
        private readonly DateOnly registeredOn;
        private readonly DemoContract contractAtRegistration;
        private readonly List<(DateOnly Date, bool Meaningful)> contacts = [];
        private readonly int[] counters = new int[RecordKindSlots];
        private DemoContract? transferredTo;
        private NameOrigin nameOrigin;

        public ParticipantWriter(DemoCaseloadGenerator generator, LotPlan plan, int k, DemoCaseload batch)
        {
            this.generator = generator;
            this.plan = plan;
            this.batch = batch;
            index = plan.FirstParticipant + k;
            number = k + 1;
            registeredOn = plan.RegistrationDates[k];
            contractAtRegistration = plan.Lot.ContractOn(registeredOn)
                ?? throw new InvalidOperationException($"No contract of lot {plan.Lot.Code} is active on {registeredOn:yyyy-MM-dd}.");
            random = DemoRandom.For(generator.seed, ParticipantStream, index);
        }

        private DateOnly End => generator.DeliveryEnd;

        public void Write()
        {
            var participant = Person();
            batch.Participants.Add(participant);

            var barriers = Barriers(participant);
            PlanContacts(participant);
            var goals = Goals(participant);
            var actions = Actions(participant, barriers, goals);
            Interventions(participant, actions);
            Reviews(barriers);
            Leaving(participant);
            Outcomes(participant);
            Transfer(participant);
        }

        private Guid NextId(RecordKind kind) => generator.IdFor(index, kind, counters[(int)kind]++);

        private Participant Person()
        {
            var lot = plan.Lot;
            var intended = plan.Cohorts[number - 1];
            // The band was decided with the outcomes (DemoOutcomeModel); the exact age within it is drawn here.
            var age = plan.AgeBands[number - 1] switch
            {
                AgeBand.Age16To24 => random.Between(16, 24),
                AgeBand.Age25To34 => random.Between(25, 34),
                AgeBand.Age35To54 => random.Between(35, 54),
                _ => random.Between(55, 66),
            };
            var dateOfBirth = DateOfBirthFor(age);
            var sex = DemoProfiles.Sexes.Pick(random);

            var ethnicity = plan.Ethnicities[number - 1] switch
            {
                DemoProfiles.EthnicityKind.NotSaid => Ethnicities.PreferNotToSay,
                DemoProfiles.EthnicityKind.Minority => DemoProfiles.MinoritiesIn(lot.Code).Pick(random),
                _ => Ethnicities.WhiteBritish,
            };
            var (firstOrigin, lastOrigin) = DemoProfiles.NameOriginsFor(ethnicity, random);
            var female = sex == Sexes.Female || (sex == Sexes.PreferNotToSay && random.Chance(0.5));
            var firstName = random.Pick(female ? DemoNames.For(firstOrigin).FemaleFirst : DemoNames.For(firstOrigin).MaleFirst);
            var lastName = random.Pick(DemoNames.For(lastOrigin).Last);
            if (female)
            {
                lastName = DemoNames.FemaleForm(lastName);
            }

            var band = AgeBands.On(dateOfBirth, registeredOn) ?? AgeBand.Age16To24;
            var postcode = random.Pick(lot.Postcodes);
            var participant = DemoEntities.New<Participant>();
            participant.Id = generator.IdFor(index, RecordKind.Participant, 0);
            participant.LotId = lot.Id;
            participant.ContractId = contractAtRegistration.Id;
            participant.Number = number;
            participant.Reference = $"{lot.Code}-{number:D6}";
            participant.FirstName = firstName;
            participant.LastName = lastName;
            participant.SearchFirstName = NameSimilarity.Normalise(firstName);
            participant.SearchLastName = NameSimilarity.Normalise(lastName);
            participant.DateOfBirth = dateOfBirth;
            participant.Postcode = postcode;
            participant.AddressLine1 = $"{random.Between(1, 180)} {random.Pick(DemoNames.Streets)}";
            participant.AddressLine2 = random.Chance(0.12) ? $"Flat {random.Between(1, 24)}" : null;
            participant.Town = DemoProfiles.TownFor(postcode, lot.LocalAuthority);
            participant.Sex = sex.Code;
            participant.GenderIdentity = DemoProfiles.GenderIdentities.Pick(random)?.Code;
            participant.Ethnicity = ethnicity.Code;
            participant.AgeBand = band;
            participant.RegisteredOn = registeredOn;
            participant.PrivacyNoticeAcknowledged = true;
            participant.EvaluationContactConsent = random.NextDouble() switch
            {
                < 0.68 => true,
                < 0.95 => false,
                _ => null,
            };
            participant.CreatedAt = DemoCalendar.UkTimeToUtc(registeredOn, random.Between(9 * 60, 17 * 60));
            participant.Email = random.Chance(0.65)
                ? $"{Ascii(participant.SearchFirstName)}.{Ascii(participant.SearchLastName)}{random.Between(1, 99)}@example.com"
                : null;
            participant.Phone = random.Chance(0.88) ? $"07700 900{random.Next(1000):D3}" : null;
            Nino(participant);
            Health(participant);
            participant.HighestQualification = DemoProfiles.QualificationsFor(intended).Pick(random).Code;
            Circumstances(participant, female, age, band, intended);
            Employment(participant, intended, age, dateOfBirth);
            Recruitment(participant);
            nameOrigin = lastOrigin;
            return participant;
        }

        private DateOnly DateOfBirthFor(int age)
        {
            // Born after this day a year earlier and on or before the anniversary: exactly this age at registration.
            var latest = registeredOn.AddYears(-age);
            var earliest = registeredOn.AddYears(-age - 1).AddDays(1);
            return earliest.AddDays(random.Next(latest.DayNumber - earliest.DayNumber + 1));
        }

        private void Nino(Participant participant)
        {
            if (random.Chance(0.04))
            {
                participant.NinoMissingReason = DemoProfiles.NinoMissingReasons.Pick(random);
            }
            else
            {
                participant.Nino = generator.ninos.For(index);
            }
        }

        /// <summary>The health answer decided with the outcomes (<see cref="DemoOutcomeModel"/>); how much it limits them is drawn here.</summary>
        private void Health(Participant participant)
        {
            switch (plan.Health[number - 1])
            {
                case DemoHealth.NotCollected:
                    return;
                case DemoHealth.PreferNotToSay:
                    participant.LongTermCondition = LongTermConditionAnswers.PreferNotToSay.Code;
                    return;
                case DemoHealth.Yes:
                    participant.LongTermCondition = LongTermConditionAnswers.Yes.Code;
                    participant.ActivityLimitation = DemoProfiles.Limitations.Pick(random).Code;
                    return;
                default:
                    participant.LongTermCondition = LongTermConditionAnswers.No.Code;
                    return;
            }
        }

        private void Circumstances(Participant participant, bool female, int age, AgeBand band, Cohort cohort)
        {
            var childcareAge = age is >= 18 and <= 54;
            participant.HasChildcareResponsibilities = random.Chance(!childcareAge ? 0.03 : female ? 0.38 : 0.12);
            participant.HasCaringResponsibilities = random.Chance(band == AgeBand.Age55AndOver ? 0.12 : 0.07);
            var online = band == AgeBand.Age55AndOver ? 0.72 : 0.88;
            participant.HasInternetAccess = random.Chance(0.01) ? null : random.Chance(cohort == Cohort.HardestToHelp ? online * 0.93 : online);
        }

        private void Employment(Participant participant, Cohort intended, int age, DateOnly dateOfBirth)
        {
            var earliestWork = dateOfBirth.AddYears(AgeBands.MinimumAge);
            switch (intended)
            {
                case Cohort.Employed:
                    participant.EmploymentStatus = EmploymentStatus.Employed;
                    var contract = DemoProfiles.EmploymentContracts.Pick(random);
                    participant.EmploymentContractType = contract.Code;
                    participant.WeeklyHours = contract == ContractTypes.ZeroHours
                        ? random.Between(6, 25)
                        : random.Between(32, 75) / 2m;
                    var minimum = NationalLivingWage.Published.RateInForceOn(registeredOn)?.HourlyRate ?? 8.00m;
                    participant.HourlyWage = minimum + (random.Chance(0.6) ? 0m : random.Between(1, 300) / 100m);
                    break;
                case Cohort.HardestToHelp:
                    var maxYears = Age.On(earliestWork, registeredOn);
                    if (maxYears < 2 || random.Chance(age < 25 ? 0.45 : 0.08))
                    {
                        participant.EmploymentStatus = EmploymentStatus.NeverWorked;
                    }
                    else
                    {
                        var years = Math.Min(maxYears, 2 + random.ExponentialDays(3));
                        OutOfWorkSince(participant, registeredOn.AddYears(-years - 1).AddDays(1), registeredOn.AddYears(-years), earliestWork);
                    }

                    break;
                case Cohort.HarderToReach:
                    OutOfWorkSince(participant, registeredOn.AddYears(-2).AddDays(1), registeredOn.AddYears(-1), earliestWork);
                    break;
                default:
                    OutOfWorkSince(participant, registeredOn.AddYears(-1).AddDays(1), registeredOn.AddDays(-7), earliestWork);
                    break;
            }

            participant.Cohort = participant.EmploymentStatus switch
            {
                EmploymentStatus.Employed => CohortClassifier.Classify(EmploymentAtRegistration.InWork(), registeredOn),
                EmploymentStatus.NeverWorked => CohortClassifier.Classify(EmploymentAtRegistration.OutOfWorkForMonths(int.MaxValue / 2), registeredOn),
                _ => CohortClassifier.ForOutOfWorkSince(participant.LastInWorkOn!.Value, registeredOn),
            };
        }

        private void OutOfWorkSince(Participant participant, DateOnly from, DateOnly to, DateOnly earliestWork)
        {
            if (from < earliestWork)
            {
                from = earliestWork;
            }

            if (to < from)
            {
                to = from > registeredOn ? registeredOn : from;
            }

            participant.EmploymentStatus = EmploymentStatus.OutOfWork;
            var last = from.AddDays(random.Next(to.DayNumber - from.DayNumber + 1));
            participant.LastInWorkOn = last > registeredOn ? registeredOn : last;
        }

        private void Recruitment(Participant participant)
        {
            var channel = DemoProfiles.ChannelsOn(registeredOn).Pick(random);
            participant.RecruitmentChannel = channel.Code;
            participant.Referrer = channel == RecruitmentChannels.OtherOrganisationReferral
                ? random.Pick(DemoProfiles.ReferringOrganisations)
                : channel == RecruitmentChannels.JobcentrePlus
                    ? $"{participant.Town} Jobcentre Plus"
                    : null;
        }

        private List<ParticipantBarrier> Barriers(Participant participant)
        {
            var hardest = participant.Cohort == Cohort.HardestToHelp;
            var qualification = participant.HighestQualification;
            var lowQualifications = qualification is "none" or "entryLevel";
            var chosen = new List<(Barrier Barrier, BarrierSeverity? Severity)>();
            void Maybe(Barrier barrier, double chance, BarrierSeverity? severity = null)
            {
                if (random.Chance(chance))
                {
                    chosen.Add((barrier, severity));
                }
            }

            Maybe(Domain.Reference.Barriers.EmployabilitySupport, 0.72);
            Maybe(Domain.Reference.Barriers.LowConfidence, hardest ? 0.62 : 0.45);
            Maybe(Domain.Reference.Barriers.LowMotivation, hardest ? 0.3 : 0.16);
            Maybe(Domain.Reference.Barriers.LackOfSkillsOrQualifications, lowQualifications ? 0.75 : qualification == "level1" ? 0.55 : qualification == "level2" ? 0.3 : 0.12);
            if (participant.LongTermCondition == LongTermConditionAnswers.Yes.Code)
            {
                Maybe(
                    Domain.Reference.Barriers.HealthConditionOrDisability,
                    participant.ActivityLimitation == ActivityLimitations.NotAtAll.Code ? 0.4 : 0.85,
                    participant.ActivityLimitation == ActivityLimitations.YesALot.Code ? BarrierSeverity.High : null);
            }

            if (participant.HasChildcareResponsibilities == true)
            {
                Maybe(Domain.Reference.Barriers.Childcare, 0.55);
            }

            if (participant.HasCaringResponsibilities == true)
            {
                Maybe(Domain.Reference.Barriers.CaringResponsibilities, 0.5);
            }

            Maybe(Domain.Reference.Barriers.Debt, 0.18);
            Maybe(Domain.Reference.Barriers.Transport, 0.16);
            Maybe(Domain.Reference.Barriers.InternetAccess, participant.HasInternetAccess == false ? (DemoCalendar.IsPandemic(registeredOn) ? 0.85 : 0.6) : 0.02);
            Maybe(Domain.Reference.Barriers.Housing, 0.07);
            Maybe(Domain.Reference.Barriers.Language, DemoProfiles.LanguageBarrierChance(nameOrigin));
            Maybe(Domain.Reference.Barriers.CriminalRecord, 0.05);
            Maybe(Domain.Reference.Barriers.SubstanceMisuse, 0.03);
            Maybe(Domain.Reference.Barriers.NoRecentWorkHistory, hardest ? 0.45 : participant.Cohort == Cohort.HarderToReach ? 0.2 : 0.02);
            if (chosen.Count == 0)
            {
                chosen.Add((Domain.Reference.Barriers.EmployabilitySupport, null));
            }

            var barriers = new List<ParticipantBarrier>(chosen.Count);
            foreach (var (barrier, fixedSeverity) in chosen)
            {
                var severity = fixedSeverity ?? (random.NextDouble() switch
                {
                    var u when u < (hardest ? 0.2 : 0.32) => BarrierSeverity.Low,
                    var u when u < (hardest ? 0.65 : 0.78) => BarrierSeverity.Medium,
                    _ => BarrierSeverity.High,
                });
                var item = DemoEntities.New<ParticipantBarrier>();
                item.Id = NextId(RecordKind.Barrier);
                item.ParticipantId = participant.Id;
                item.Barrier = barrier.Code;
                item.Severity = severity;
                item.IdentifiedOn = registeredOn;
                barriers.Add(item);
                batch.Barriers.Add(item);
            }

            return barriers;
        }

        /// <summary>
        /// Dates of contacts: the first at registration (usually the same day), then every couple of
        /// weeks, closer together when the programme is near its end. Engaged participants have at
        /// least the threshold of meaningful contacts; the rest have fewer. Short check-in calls do
        /// not count.
        /// </summary>
        private void PlanContacts(Participant participant)
        {
            var threshold = generator.programme.EngagementThreshold;
            var engagedTarget = random.Chance(DemoProfiles.EngagementChance(participant.Cohort));
            var meaningful = engagedTarget
                ? threshold + Math.Min(40, random.ExponentialDays(4.5))
                : Math.Max(0, threshold - 1 - (random.Chance(0.55) ? 0 : random.Chance(0.55) ? 1 : 2));
            var shortContactsPossible = generator.rule.MinimumMinutes > 5;
            var kinds = new List<bool>(meaningful + 4);
            for (var i = 0; i < meaningful; i++)
            {
                kinds.Add(true);
                if (shortContactsPossible && i > 0 && random.Chance(0.15))
                {
                    kinds.Add(false);
                }
            }

            if (kinds.Count == 0)
            {
                kinds.Add(!shortContactsPossible);
            }

            var available = End.DayNumber - registeredOn.DayNumber;
            var meanGap = Math.Max(1.0, Math.Min(16.0, available * 0.85 / kinds.Count));
            var day = random.Chance(0.85) ? registeredOn : registeredOn.AddDays(random.Between(1, 10));
            foreach (var isMeaningful in kinds)
            {
                if (day > End)
                {
                    break;
                }

                contacts.Add((day, isMeaningful));
                day = day.AddDays(1 + random.ExponentialDays(meanGap - 1));
            }
        }

        private bool PlannedToEngage => contacts.Count(c => c.Meaningful) >= generator.programme.EngagementThreshold;

        private List<Goal> Goals(Participant participant)
        {
            var count = random.NextDouble() switch
            {
                < 0.45 => 1,
                < 0.85 => 2,
                _ => 3,
            };
            var agreedOn = contacts.Count > 1 && random.Chance(0.3) ? contacts[1].Date : contacts.Count > 0 ? contacts[0].Date : registeredOn;
            var engaged = PlannedToEngage;
            var lastContact = contacts.Count > 0 ? contacts[^1].Date : registeredOn;
            var kinds = GoalKinds(participant);
            var goals = new List<Goal>(count);
            for (var i = 0; i < count && i < kinds.Length; i++)
            {
                // A partial shuffle picks distinct goals without sorting anything.
                var j = i + random.Next(kinds.Length - i);
                (kinds[i], kinds[j]) = (kinds[j], kinds[i]);
                var goal = DemoEntities.New<Goal>();
                goal.Id = NextId(RecordKind.Goal);
                goal.ParticipantId = participant.Id;
                goal.Description = GoalDescription(kinds[i]);
                goal.AgreedOn = agreedOn;
                goal.TargetDate = agreedOn.AddDays(random.Between(90, 180));
                if (engaged && random.Chance(0.3) && lastContact.DayNumber - agreedOn.DayNumber > 30)
                {
                    goal.AchievedOn = agreedOn.AddDays(random.Between(30, lastContact.DayNumber - agreedOn.DayNumber));
                }

                goals.Add(goal);
                batch.Goals.Add(goal);
            }

            return goals;
        }

        private static GoalKind[] GoalKinds(Participant participant)
        {
            if (participant.Cohort == Cohort.Employed)
            {
                return [GoalKind.MoreHours, GoalKind.PermanentContract, GoalKind.Promotion, GoalKind.BetterPaidJob, GoalKind.QualificationForWork];
            }

            var childcare = participant.HasChildcareResponsibilities == true;
            var health = participant.LongTermCondition == LongTermConditionAnswers.Yes.Code;
            return (childcare, health) switch
            {
                (true, true) => [GoalKind.PaidWork, GoalKind.Confidence, GoalKind.CvAndApplications, GoalKind.SkillsOrLicence, GoalKind.AroundChildcare, GoalKind.SuitsHealth],
                (true, false) => [GoalKind.PaidWork, GoalKind.Confidence, GoalKind.CvAndApplications, GoalKind.SkillsOrLicence, GoalKind.AroundChildcare],
                (false, true) => [GoalKind.PaidWork, GoalKind.Confidence, GoalKind.CvAndApplications, GoalKind.SkillsOrLicence, GoalKind.SuitsHealth],
                _ => [GoalKind.PaidWork, GoalKind.Confidence, GoalKind.CvAndApplications, GoalKind.SkillsOrLicence],
            };
        }

        private string GoalDescription(GoalKind kind) => kind switch
        {
            GoalKind.PaidWork => $"Find paid work as a {random.Pick(DemoProfiles.Jobs)}",
            GoalKind.Confidence => "Build my confidence to apply for jobs",
            GoalKind.CvAndApplications => "Write a CV and start applying for jobs",
            GoalKind.SkillsOrLicence => $"Gain the skills or licence I need to work as a {random.Pick(DemoProfiles.Jobs)}",
            GoalKind.AroundChildcare => "Find part-time work that fits around childcare",
            GoalKind.SuitsHealth => "Find work that suits my health condition",
            GoalKind.MoreHours => $"Increase my hours to {random.Between(25, 37)} a week",
            GoalKind.PermanentContract => "Move to a permanent contract",
            GoalKind.Promotion => "Get a promotion to supervisor",
            GoalKind.BetterPaidJob => $"Find a better paid job as a {random.Pick(DemoProfiles.Jobs)}",
            _ => "Gain a qualification that helps me progress at work",
        };

        private List<PlanAction> Actions(Participant participant, List<ParticipantBarrier> barriers, List<Goal> goals)
        {
            // Actions that answer the participant's barriers and cohort, each once.
            var candidates = new List<ActionTemplate>(24);
            void Consider(ActionTemplate[] templates)
            {
                foreach (var template in templates)
                {
                    if (!candidates.Contains(template))
                    {
                        candidates.Add(template);
                    }
                }
            }

            Consider(DemoProfiles.EveryoneActions);
            foreach (var barrier in barriers)
            {
                Consider(DemoProfiles.ActionsFor(barrier.Barrier));
            }

            Consider(DemoProfiles.ActionsFor(participant.Cohort));

            var engaged = PlannedToEngage;
            var count = Math.Min(candidates.Count, engaged ? random.Between(2, 6) : random.Between(1, 3));

            // Whether "Identify jobs that match skills" is completed was decided with the outcomes
            // (DemoOutcomeModel): those who complete it have it first in their plan.
            var matching = plan.IdentifyMatchingJobs[number - 1];
            if (matching)
            {
                var template = DemoProfiles.IdentifyMatchingJobs;
                candidates.Remove(template);
                candidates.Insert(0, template);
            }

            var actions = new List<PlanAction>(count);
            var lastContact = contacts.Count > 0 ? contacts[^1].Date : registeredOn;
            for (var i = 0; i < count; i++)
            {
                var j = matching && i == 0 ? 0 : i + random.Next(candidates.Count - i);
                (candidates[i], candidates[j]) = (candidates[j], candidates[i]);
                var template = candidates[i];
                var identifiedOn = contacts.Count > 0 ? contacts[random.Next(Math.Max(1, (contacts.Count + 1) / 2))].Date : registeredOn;
                var status = ActionStatusFor(template.Code, engaged);
                if (template == DemoProfiles.IdentifyMatchingJobs)
                {
                    status = matching ? ActionStatus.Completed : status == ActionStatus.Completed ? ActionStatus.Agreed : status;
                }

                var action = DemoEntities.New<PlanAction>();
                action.Id = NextId(RecordKind.Action);
                action.ParticipantId = participant.Id;
                action.GoalId = goals.Count > 0 && random.Chance(0.7) ? random.Pick(goals).Id : null;
                action.Action = template.Code;
                action.ActivityType = template.ActivityType;
                action.Status = status;
                action.IdentifiedOn = identifiedOn;
                action.DueOn = status == ActionStatus.Identified && random.Chance(0.3) ? null : identifiedOn.AddDays(random.Between(14, 56));
                if (status is ActionStatus.Agreed or ActionStatus.Completed)
                {
                    action.AgreedOn = identifiedOn;
                }

                if (status == ActionStatus.Completed)
                {
                    var latest = lastContact > identifiedOn ? lastContact : identifiedOn;
                    action.CompletedOn = identifiedOn.AddDays(random.Next(Math.Min(90, latest.DayNumber - identifiedOn.DayNumber) + 1));
                }

                if (status == ActionStatus.NotDone)
                {
                    action.NotDoneReason = DemoCalendar.IsPandemic(identifiedOn) && random.Chance(0.5)
                        ? "It could not go ahead during the Covid-19 restrictions."
                        : random.Pick(DemoProfiles.NotDoneReasons);
                }

                actions.Add(action);
                batch.Actions.Add(action);
            }

            return actions;
        }

        /// <summary>Most actions are done; work experience was identified more often than it happened (the documents).</summary>
        private ActionStatus ActionStatusFor(string code, bool engaged)
        {
            var u = random.NextDouble();
            if (code is "workExperience" or "tasterDay")
            {
                return u switch
                {
                    < 0.25 => ActionStatus.Completed,
                    < 0.35 => ActionStatus.Agreed,
                    < 0.65 => ActionStatus.Identified,
                    _ => ActionStatus.NotDone,
                };
            }

            return (engaged, u) switch
            {
                (true, < 0.55) => ActionStatus.Completed,
                (true, < 0.7) => ActionStatus.Agreed,
                (true, < 0.84) => ActionStatus.Identified,
                (true, _) => ActionStatus.NotDone,
                (false, < 0.2) => ActionStatus.Completed,
                (false, < 0.35) => ActionStatus.Agreed,
                (false, < 0.7) => ActionStatus.Identified,
                _ => ActionStatus.NotDone,
            };
        }

        private void Interventions(Participant participant, List<PlanAction> actions)
        {
            var meaningfulContacts = new List<Contact>(contacts.Count);
            var first = true;
            foreach (var (date, isMeaningful) in contacts)
            {
                InterventionMode mode;
                int duration;
                if (isMeaningful)
                {
                    mode = DemoProfiles.ModesOn(date).Pick(random);
                    duration = Math.Max(generator.rule.MinimumMinutes, random.Pick(DemoProfiles.DurationsOf(mode)));
                }
                else
                {
                    mode = random.Chance(0.6) ? InterventionMode.Telephone : InterventionMode.OnlineMessage;
                    duration = random.Between(5, generator.rule.MinimumMinutes - 1);
                }

                var activity = first || actions.Count == 0 || random.Chance(0.4)
                    ? (first ? ActivityType.InformationAdviceGuidance : DemoProfiles.ContactActivities.Pick(random))
                    : random.Pick(actions).ActivityType;
                var (advisorId, advisorName) = AdvisorOn(date);
                var recordedOn = random.Chance(0.1) && date < End ? date.AddDays(1) : date;
                var intervention = DemoEntities.New<Intervention>();
                intervention.Id = NextId(RecordKind.Intervention);
                intervention.ParticipantId = participant.Id;
                intervention.Date = date;
                intervention.AdvisorId = advisorId;
                intervention.AdvisorName = advisorName;
                intervention.Mode = mode;
                intervention.ActivityType = activity;
                intervention.DurationMinutes = duration;
                intervention.Notes = !isMeaningful
                    ? (DemoCalendar.IsPandemic(date) ? "Welfare check-in call." : "Short check-in; no change to the plan.")
                    : random.Chance(0.85) ? random.Pick(DemoProfiles.NotesFor(activity)) : null;
                intervention.IsMeaningful = generator.rule.IsMeaningful(duration);
                intervention.RecordedAt = DemoCalendar.UkTimeToUtc(recordedOn, random.Between(9 * 60, 18 * 60));
                batch.Interventions.Add(intervention);
                meaningfulContacts.Add(new Contact(date, duration));
                first = false;
            }

            participant.MeaningfulInterventions = meaningfulContacts.Count(c => generator.rule.IsMeaningful(c.DurationMinutes));
            participant.LastContactOn = contacts.Count > 0 ? contacts[^1].Date : null;
            participant.EngagedOn = EngagementRule.EngagedOn(meaningfulContacts, generator.rule, generator.programme.EngagementThreshold);
            if (participant.EngagedOn is { } engagedOn)
            {
                var milestone = DemoEntities.New<ParticipantMilestone>();
                milestone.Id = NextId(RecordKind.Milestone);
                milestone.ParticipantId = participant.Id;
                milestone.Milestone = Milestone.Engaged;
                milestone.AchievedOn = engagedOn;
                batch.Milestones.Add(milestone);
            }
        }

        /// <summary>The first judgement of each barrier, and for some a later review at a contact, when many eased or were resolved.</summary>
        private void Reviews(List<ParticipantBarrier> barriers)
        {
            foreach (var barrier in barriers)
            {
                var identified = DemoEntities.New<BarrierReview>();
                identified.Id = NextId(RecordKind.BarrierReview);
                identified.ParticipantBarrierId = barrier.Id;
                identified.ParticipantId = barrier.ParticipantId;
                identified.ReviewedOn = barrier.IdentifiedOn;
                identified.Severity = barrier.Severity;
                identified.ReviewedById = AdvisorOn(barrier.IdentifiedOn).Id;
                batch.BarrierReviews.Add(identified);

                // A later review happens at one of the meaningful contacts four weeks or more after the barrier was identified.
                var firstLater = contacts.FindIndex(c => c.Date.DayNumber - barrier.IdentifiedOn.DayNumber >= 28);
                if (firstLater < 0 || !random.Chance(0.45))
                {
                    continue;
                }

                var on = contacts[firstLater + random.Next(contacts.Count - firstLater)].Date;
                var severity = barrier.Severity > BarrierSeverity.Low && random.Chance(0.55) ? barrier.Severity - 1 : barrier.Severity;
                var resolved = random.Chance(severity == BarrierSeverity.Low ? 0.45 : 0.15);
                var review = DemoEntities.New<BarrierReview>();
                review.Id = NextId(RecordKind.BarrierReview);
                review.ParticipantBarrierId = barrier.Id;
                review.ParticipantId = barrier.ParticipantId;
                review.ReviewedOn = on;
                review.Severity = severity;
                review.Resolved = resolved;
                review.Notes = resolved ? "No longer stands in the way of work." : severity < barrier.Severity ? "Easing with support." : null;
                review.ReviewedById = AdvisorOn(on).Id;
                batch.BarrierReviews.Add(review);
                barrier.Severity = severity;
                barrier.ResolvedOn = resolved ? on : null;
            }
        }

        private void Leaving(Participant participant)
        {
            var engaged = participant.EngagedOn is not null;
            if (!random.Chance(engaged ? 0.08 : 0.45))
            {
                return;
            }

            var leftOn = (participant.LastContactOn ?? registeredOn).AddDays(random.Between(14, 90));
            if (leftOn > End)
            {
                return;
            }

            participant.Status = ParticipantStatus.Left;
            participant.LeftOn = leftOn;
            participant.LeavingReason = random.NextDouble() switch
            {
                < 0.35 => "lostContact",
                < 0.5 => "noLongerWantsSupport",
                < 0.62 => "movedOutOfArea",
                < 0.74 => "healthReasons",
                < 0.82 => "referredElsewhere",
                < 0.92 => "supportCompleted",
                _ => "other",
            };
            if (participant.LeavingReason == "other")
            {
                participant.LeavingNotes = "Started full-time education.";
            }
        }

        /// <summary>
        /// A participant still on the programme when their provider's contract ended moved, with their
        /// whole history, to the provider that took the lot over.
        /// </summary>
        private void Transfer(Participant participant)
        {
            if (transferredTo is null && contractAtRegistration.End is { } end && end < End
                && (participant.LeftOn is null || participant.LeftOn > end)
                && plan.Lot.ContractOn(end.AddDays(1)) is { } next)
            {
                transferredTo = next;
            }

            var current = transferredTo ?? contractAtRegistration;
            participant.ContractId = current.Id;
            participant.AdvisorId = plan.Advisors[current.Id].Id;
            if (transferredTo is not null)
            {
                var transfer = DemoEntities.New<ParticipantTransfer>();
                transfer.Id = NextId(RecordKind.Transfer);
                transfer.ParticipantId = participant.Id;
                transfer.TransferredOn = transferredTo.Start;
                transfer.FromContractId = contractAtRegistration.Id;
                transfer.ToContractId = transferredTo.Id;
                transfer.ToAdvisorId = participant.AdvisorId;
                transfer.Reason = $"Contract {contractAtRegistration.Reference} ended; the caseload moved to contract {transferredTo.Reference}.";
                batch.Transfers.Add(transfer);
            }
        }

        private (Guid? Id, string Name) AdvisorOn(DateOnly day) =>
            plan.Advisors[(plan.Lot.ContractOn(day) ?? contractAtRegistration).Id];

        /// <summary>Letters a to z only, for an email address.</summary>
        private static string Ascii(string normalised)
        {
            var letters = new string(normalised.Where(char.IsAsciiLetterLower).Take(20).ToArray());
            return letters.Length > 0 ? letters : "participant";
        }
    }
}
