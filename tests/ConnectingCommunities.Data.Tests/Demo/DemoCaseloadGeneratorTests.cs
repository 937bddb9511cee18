using ConnectingCommunities.Data.Demo;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Data.Seed;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Domain.Reference;
using ConnectingCommunities.Domain.Support;

namespace ConnectingCommunities.Data.Tests.Demo;

/// <summary>One demo caseload of 4,000 over the seeded programme, generated once for the tests that read it.</summary>
public sealed class DemoCaseloadFixture
{
    public const int Participants = 4_000;

    public DemoCaseloadFixture()
    {
        Programme = DemoProgramme.FromSeed(ProgrammeSeed.Load());
        Generator = new DemoCaseloadGenerator(Programme, Participants, today: new DateOnly(2026, 1, 1));
        Caseload = Generator.GenerateAll();
    }

    public DemoProgramme Programme { get; }

    public DemoCaseloadGenerator Generator { get; }

    public DemoCaseload Caseload { get; }

    public DemoLot LotOf(Participant participant) => Programme.Lots.Single(l => l.Id == participant.LotId);
}

/// <summary>
/// The demo caseload's headline figures against the evaluation's (36/14/35/16% cohorts, 42%
/// minority ethnic, a quarter with a health condition, 82% engaged), and its records against the
/// programme's rules.
/// </summary>
public sealed class DemoCaseloadGeneratorTests(DemoCaseloadFixture fixture) : IClassFixture<DemoCaseloadFixture>
{
    private const double Tolerance = 3.0;

    private DemoCaseload Caseload => fixture.Caseload;

    private List<Participant> People => fixture.Caseload.Participants;

    [Fact]
    public void The_same_number_and_seed_give_the_same_caseload_ids_included()
    {
        var again = new DemoCaseloadGenerator(fixture.Programme, DemoCaseloadFixture.Participants, today: new DateOnly(2026, 1, 1)).GenerateAll();

        Assert.Equal(Caseload.RowCount, again.RowCount);
        Assert.Equal(People.Select(Describe), again.Participants.Select(Describe));
        Assert.Equal(Caseload.Interventions.Select(i => (i.Id, i.Date, i.Mode, i.DurationMinutes, i.Notes)), again.Interventions.Select(i => (i.Id, i.Date, i.Mode, i.DurationMinutes, i.Notes)));
        Assert.Equal(Caseload.Actions.Select(a => (a.Id, a.Action, a.Status, a.DueOn)), again.Actions.Select(a => (a.Id, a.Action, a.Status, a.DueOn)));
        Assert.Equal(Caseload.BarrierReviews.Select(r => (r.Id, r.ReviewedOn, r.Severity)), again.BarrierReviews.Select(r => (r.Id, r.ReviewedOn, r.Severity)));
    }

    [Fact]
    public void Batches_of_any_size_give_the_same_caseload()
    {
        var generator = new DemoCaseloadGenerator(fixture.Programme, DemoCaseloadFixture.Participants, today: new DateOnly(2026, 1, 1));
        var batched = generator.Generate(batchSize: 333).SelectMany(b => b.Participants).Select(Describe);

        Assert.Equal(People.Select(Describe), batched);
    }

    [Fact]
    public void Another_seed_gives_another_caseload_of_the_same_size()
    {
        var other = new DemoCaseloadGenerator(fixture.Programme, DemoCaseloadFixture.Participants, seed: 7, today: new DateOnly(2026, 1, 1)).GenerateAll();

        Assert.Equal(DemoCaseloadFixture.Participants, other.Participants.Count);
        Assert.NotEqual(People.Select(p => p.Nino), other.Participants.Select(p => p.Nino));
        Assert.NotEqual(People.Select(p => p.LastName), other.Participants.Select(p => p.LastName));
    }

    [Fact]
    public void Participants_are_shared_between_lots_in_proportion_to_lot_value()
    {
        var total = fixture.Programme.Lots.Sum(l => l.Value);
        foreach (var lot in fixture.Programme.Lots)
        {
            var share = DemoCaseloadFixture.Participants * lot.Value / total;
            var count = People.Count(p => p.LotId == lot.Id);
            Assert.InRange(count, (int)Math.Floor(share), (int)Math.Ceiling(share));
            Assert.Equal(count, fixture.Generator.ParticipantsPerLot[lot.Code]);
        }

        Assert.Equal(DemoCaseloadFixture.Participants, People.Count);
    }

    [Theory]
    [InlineData(Cohort.HardestToHelp, 36)]
    [InlineData(Cohort.HarderToReach, 14)]
    [InlineData(Cohort.RapidProgression, 35)]
    [InlineData(Cohort.Employed, 16)]
    public void The_cohort_mix_is_the_documents(Cohort cohort, double percent) =>
        Assert.InRange(Percent(People, p => p.Cohort == cohort), percent - Tolerance, percent + Tolerance);

    [Fact]
    public void Forty_two_percent_are_of_a_minority_ethnic_group()
    {
        var known = People.Where(p => Ethnicities.Find(p.Ethnicity)!.IsMinorityEthnic is not null).ToList();

        Assert.InRange(Percent(known, p => Ethnicities.Find(p.Ethnicity)!.IsMinorityEthnic == true), 42 - Tolerance, 42 + Tolerance);
        Assert.All(People, p => Assert.NotNull(Ethnicities.Find(p.Ethnicity)));
        // West Midlands-like: Washwood Heath is mostly of Pakistani heritage; the town lots mostly White British.
        var washwoodHeath = People.Where(p => fixture.LotOf(p).Code == "WH").ToList();
        Assert.Equal("pakistani", washwoodHeath.GroupBy(p => p.Ethnicity).MaxBy(g => g.Count())!.Key);
        Assert.True(Percent(People.Where(p => fixture.LotOf(p).Code == "GL").ToList(), p => p.Ethnicity == "whiteBritish") > 80);
    }

    [Fact]
    public void A_quarter_have_a_long_term_health_condition()
    {
        Assert.InRange(Percent(People, p => p.LongTermCondition == LongTermConditionAnswers.Yes.Code), 25 - Tolerance, 25 + Tolerance);
        Assert.All(People.Where(p => p.ActivityLimitation is not null), p => Assert.Equal(LongTermConditionAnswers.Yes.Code, p.LongTermCondition));
    }

    [Fact]
    public void About_82_percent_are_engaged() =>
        Assert.InRange(Percent(People, p => p.EngagedOn is not null), 82 - Tolerance, 82 + Tolerance);

    [Fact]
    public void Engagement_is_dated_on_the_third_meaningful_intervention()
    {
        var interventions = Caseload.Interventions.ToLookup(i => i.ParticipantId);
        var milestones = Caseload.Milestones.Where(m => m.Milestone == Milestone.Engaged).ToDictionary(m => m.ParticipantId);
        var rule = new MeaningfulInterventionRule(fixture.Programme.MeaningfulInterventionMinutes);
        foreach (var participant in People)
        {
            var contacts = interventions[participant.Id].OrderBy(i => i.Date).ToList();
            var meaningful = contacts.Where(i => i.IsMeaningful).ToList();
            Assert.All(contacts, i => Assert.Equal(rule.IsMeaningful(i.DurationMinutes), i.IsMeaningful));
            Assert.Equal(meaningful.Count, participant.MeaningfulInterventions);
            Assert.Equal(meaningful.Count >= 3 ? meaningful[2].Date : null, participant.EngagedOn);
            Assert.Equal(EngagementRule.EngagedOn(contacts.Select(i => new Contact(i.Date, i.DurationMinutes)), rule), participant.EngagedOn);
            Assert.Equal(contacts.Count > 0 ? contacts[^1].Date : null, participant.LastContactOn);
            if (participant.EngagedOn is { } engagedOn)
            {
                Assert.Equal(Milestone.Engaged, milestones[participant.Id].Milestone);
                Assert.Equal(engagedOn, milestones[participant.Id].AchievedOn);
            }
            else
            {
                Assert.False(milestones.ContainsKey(participant.Id));
            }
        }
    }

    [Fact]
    public void Every_postcode_is_in_the_lots_area()
    {
        Assert.All(People, p =>
        {
            Assert.Contains(p.Postcode, fixture.LotOf(p).Postcodes);
            Assert.True(Postcode.TryParse(p.Postcode, out var parsed));
            Assert.Equal(parsed.Value, p.Postcode);
        });
    }

    [Fact]
    public void Every_registration_is_inside_an_active_contract_of_the_lot()
    {
        var transfers = Caseload.Transfers.ToDictionary(t => t.ParticipantId);
        Assert.All(People, p =>
        {
            var lot = fixture.LotOf(p);
            var atRegistration = transfers.TryGetValue(p.Id, out var transfer) ? transfer.FromContractId : p.ContractId;
            var contract = Assert.Single(lot.Contracts, c => c.Id == atRegistration);
            Assert.True(contract.IsActiveOn(p.RegisteredOn), $"{p.Reference} registered on {p.RegisteredOn} outside {contract.Reference}");
            Assert.InRange(p.RegisteredOn, fixture.Programme.Start, fixture.Programme.End);
        });
    }

    [Fact]
    public void Caseloads_of_withdrawn_providers_moved_to_the_new_provider_with_their_history()
    {
        var changed = fixture.Programme.Lots.Where(l => l.Contracts.Count > 1).ToList();
        Assert.Equal(3, changed.Count);
        Assert.NotEmpty(Caseload.Transfers);
        Assert.All(Caseload.Transfers, t =>
        {
            var participant = People.Single(p => p.Id == t.ParticipantId);
            var lot = fixture.LotOf(participant);
            var to = lot.Contracts.Single(c => c.Id == t.ToContractId);
            Assert.Equal(to.Id, participant.ContractId);
            Assert.Equal(to.Start, t.TransferredOn);
            Assert.True(participant.LeftOn is null || participant.LeftOn >= t.TransferredOn);
        });
    }

    [Fact]
    public void Face_to_face_falls_and_remote_contact_rises_from_March_2020()
    {
        var covid = new DateOnly(2020, 3, 16);
        var before = Caseload.Interventions.Where(i => i.Date < covid).ToList();
        var after = Caseload.Interventions.Where(i => i.Date >= covid).ToList();

        Assert.True(Percent(before, i => i.Mode == InterventionMode.FaceToFace) > Percent(after, i => i.Mode == InterventionMode.FaceToFace) + 20);
        Assert.True(Percent(after, i => i.Mode.IsRemote()) > Percent(before, i => i.Mode.IsRemote()) + 20);
        var lockdown = Caseload.Interventions.Where(i => i.Date >= new DateOnly(2020, 4, 1) && i.Date < new DateOnly(2020, 7, 1)).ToList();
        Assert.True(Percent(lockdown, i => i.Mode == InterventionMode.FaceToFace) < 10);
    }

    [Fact]
    public void Most_contacts_last_at_least_15_minutes_and_all_fall_between_registration_and_the_end()
    {
        var registered = People.ToDictionary(p => p.Id, p => p.RegisteredOn);
        Assert.True(Percent(Caseload.Interventions, i => i.DurationMinutes >= 15) > 80);
        Assert.All(Caseload.Interventions, i =>
        {
            Assert.InRange(i.Date, registered[i.ParticipantId], fixture.Generator.DeliveryEnd);
            Assert.InRange(i.DurationMinutes, 5, 180);
            Assert.Equal(TimeSpan.Zero, i.RecordedAt.Offset);
            Assert.False(string.IsNullOrEmpty(i.AdvisorName));
        });
    }

    [Fact]
    public void Cohort_and_age_band_follow_the_domain_rules()
    {
        Assert.All(People, p =>
        {
            var expected = p.EmploymentStatus switch
            {
                EmploymentStatus.Employed => Cohort.Employed,
                EmploymentStatus.NeverWorked => Cohort.HardestToHelp,
                _ => CohortClassifier.ForOutOfWorkSince(p.LastInWorkOn!.Value, p.RegisteredOn),
            };
            Assert.Equal(expected, p.Cohort);
            Assert.Equal(AgeBands.On(p.DateOfBirth, p.RegisteredOn), p.AgeBand);
            Assert.Equal(p.EmploymentStatus == EmploymentStatus.Employed, p.HourlyWage is not null && p.WeeklyHours is not null);
            Assert.True(p.LastInWorkOn is null || p.LastInWorkOn >= p.DateOfBirth.AddYears(16));
        });
        Assert.All(Enum.GetValues<AgeBand>(), band => Assert.Contains(People, p => p.AgeBand == band));
    }

    [Fact]
    public void References_number_each_lots_participants_in_order_of_registration()
    {
        foreach (var lot in People.GroupBy(p => p.LotId))
        {
            var code = fixture.Programme.Lots.Single(l => l.Id == lot.Key).Code;
            var ordered = lot.OrderBy(p => p.Number).ToList();
            Assert.Equal(Enumerable.Range(1, ordered.Count), ordered.Select(p => p.Number));
            Assert.Equal(ordered.Select(p => ParticipantReference.For(code, p.Number)), ordered.Select(p => p.Reference));
            Assert.Equal(ordered.Select(p => p.RegisteredOn).Order(), ordered.Select(p => p.RegisteredOn));
        }
    }

    [Fact]
    public void National_Insurance_numbers_are_valid_and_unique_or_missing_with_a_reason()
    {
        var numbers = People.Where(p => p.Nino is not null).Select(p => p.Nino!).ToList();

        Assert.All(numbers, n => Assert.True(Nino.TryParse(n, out var nino) && nino.Value == n, n));
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.All(People.Where(p => p.Nino is null), p => Assert.NotNull(p.NinoMissingReason));
        Assert.InRange(People.Count(p => p.Nino is null), 1, People.Count / 10);
    }

    [Fact]
    public void Names_are_varied_and_stored_for_search_as_the_domain_normalises_them()
    {
        Assert.All(People, p =>
        {
            Assert.Equal(NameSimilarity.Normalise(p.FirstName), p.SearchFirstName);
            Assert.Equal(NameSimilarity.Normalise(p.LastName), p.SearchLastName);
            Assert.NotEmpty(p.SearchLastName);
        });
        Assert.True(People.Select(p => p.LastName).Distinct().Count() > 250);
        Assert.Contains(People, p => p.LastName.Contains('\'', StringComparison.Ordinal));
        Assert.All(People.Where(p => p.Email is not null), p => Assert.EndsWith("@example.com", p.Email, StringComparison.Ordinal));
        Assert.All(People.Where(p => p.Phone is not null), p => Assert.StartsWith("07700 900", p.Phone, StringComparison.Ordinal));
    }

    [Fact]
    public void Characteristics_use_the_reference_catalogues()
    {
        Assert.All(People, p =>
        {
            Assert.NotNull(Sexes.Find(p.Sex));
            Assert.NotNull(QualificationLevels.Find(p.HighestQualification));
            Assert.NotNull(RecruitmentChannels.Find(p.RecruitmentChannel));
            Assert.True(p.GenderIdentity is null || GenderIdentityAnswers.Find(p.GenderIdentity) is not null);
            Assert.True(p.EmploymentContractType is null || ContractTypes.Find(p.EmploymentContractType) is not null);
            Assert.True(p.LeavingReason is null || LeavingReasons.Find(p.LeavingReason) is not null);
            Assert.True(p.PrivacyNoticeAcknowledged);
        });
        Assert.Contains(People, p => p.HighestQualification == QualificationLevels.None.Code);
        Assert.Contains(People, p => p.HighestQualification == QualificationLevels.Level6.Code);
    }

    [Fact]
    public void Barriers_are_realistic_with_severities_and_a_reviewed_history()
    {
        var barriers = Caseload.Barriers;
        Assert.All(barriers, b => Assert.NotNull(Barriers.Find(b.Barrier)));
        Assert.All(People, p => Assert.Contains(barriers, b => b.ParticipantId == p.Id));
        // The documents' most prominent barriers lead.
        var leading = barriers.GroupBy(b => b.Barrier).OrderByDescending(g => g.Count()).Take(3).Select(g => g.Key).ToList();
        Assert.Contains(Barriers.EmployabilitySupport.Code, leading);
        Assert.Contains(Barriers.LowConfidence.Code, leading);
        Assert.All(new[] { Barriers.HealthConditionOrDisability, Barriers.Childcare, Barriers.Debt, Barriers.Transport, Barriers.InternetAccess },
            barrier => Assert.True(Percent(People, p => barriers.Any(b => b.ParticipantId == p.Id && b.Barrier == barrier.Code)) > 5, barrier.Code));
        Assert.Equal(3, barriers.Select(b => b.Severity).Distinct().Count());

        var reviews = Caseload.BarrierReviews.ToLookup(r => r.ParticipantBarrierId);
        Assert.All(barriers, b =>
        {
            var history = reviews[b.Id].OrderBy(r => r.ReviewedOn).ToList();
            Assert.Equal(b.IdentifiedOn, history[0].ReviewedOn);
            Assert.Equal(b.Severity, history[^1].Severity);
            Assert.Equal(b.ResolvedOn is not null, history[^1].Resolved);
        });
        Assert.Contains(barriers, b => b.ResolvedOn is not null);
    }

    [Fact]
    public void Action_plans_come_from_the_catalogue_and_some_are_identified_but_not_implemented()
    {
        var actions = Caseload.Actions;
        Assert.All(actions, a =>
        {
            var template = ActionCatalogue.Find(a.Action);
            Assert.NotNull(template);
            Assert.Equal(template.ActivityType, a.ActivityType);
            Assert.Equal(a.Status == ActionStatus.Completed, a.CompletedOn is not null);
            Assert.Equal(a.Status == ActionStatus.NotDone, a.NotDoneReason is not null);
            Assert.True(a.AgreedOn is null || a.AgreedOn >= a.IdentifiedOn);
            Assert.True(a.CompletedOn is null || a.CompletedOn >= a.IdentifiedOn);
        });
        Assert.All(ActionStatuses.All, status => Assert.Contains(actions, a => a.Status == status));
        Assert.True(Percent(actions, a => a.Status.IsNotImplemented()) > 15);
        // More participants identified work experience than did it (the documents).
        var workExperience = actions.Where(a => a.Action == "workExperience").ToList();
        Assert.True(workExperience.Count(a => a.Status == ActionStatus.Completed) < workExperience.Count / 2);
        Assert.All(ActivityTypes.All, type => Assert.Contains(Caseload.Interventions, i => i.ActivityType == type));
        var goals = Caseload.Goals.Select(g => g.Id).ToHashSet();
        Assert.All(actions.Where(a => a.GoalId is not null), a => Assert.Contains(a.GoalId!.Value, goals));
    }

    [Fact]
    public void Nothing_is_dated_after_today_while_the_programme_is_running()
    {
        var today = new DateOnly(2020, 9, 30);
        var caseload = new DemoCaseloadGenerator(fixture.Programme, 500, today: today).GenerateAll();

        Assert.All(caseload.Participants, p => Assert.True(p.RegisteredOn <= today && (p.LeftOn ?? today) <= today));
        Assert.All(caseload.Interventions, i => Assert.True(i.Date <= today));
        Assert.All(caseload.Actions, a => Assert.True((a.CompletedOn ?? today) <= today));
        Assert.All(caseload.BarrierReviews, r => Assert.True(r.ReviewedOn <= today));
    }

    [Fact]
    public void A_longer_minimum_makes_fewer_contacts_meaningful_and_the_rule_is_applied()
    {
        var programme = fixture.Programme with { MeaningfulInterventionMinutes = 30 };
        var caseload = new DemoCaseloadGenerator(programme, 300, today: new DateOnly(2026, 1, 1)).GenerateAll();

        Assert.All(caseload.Interventions, i => Assert.Equal(i.DurationMinutes >= 30, i.IsMeaningful));
        Assert.Contains(caseload.Interventions, i => i.DurationMinutes is >= 15 and < 30);
    }

    [Fact]
    public void A_programme_with_no_time_or_no_area_cannot_have_demo_participants()
    {
        Assert.Throws<DemoDataException>(() => new DemoCaseloadGenerator(fixture.Programme, 10, today: new DateOnly(2017, 1, 1)));
        var noAreas = fixture.Programme with { Lots = [.. fixture.Programme.Lots.Select(l => l with { Postcodes = [] })] };
        Assert.Throws<DemoDataException>(() => new DemoCaseloadGenerator(noAreas, 10));
    }

    private static double Percent<T>(IReadOnlyCollection<T> items, Func<T, bool> predicate) =>
        items.Count == 0 ? 0 : 100.0 * items.Count(predicate) / items.Count;

    private static string Describe(Participant p) =>
        $"{p.Id} {p.Reference} {p.FirstName} {p.LastName} {p.DateOfBirth} {p.Nino} {p.Postcode} {p.Cohort} {p.RegisteredOn} {p.EngagedOn} {p.ContractId} {p.CreatedAt:O}";
}
