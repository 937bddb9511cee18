using System.Net;
using System.Text.Json;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ConnectingCommunities.Web.Tests.Claims.ClaimTestSupport;
using static ConnectingCommunities.Web.Tests.Participants.Plan.PlanTestSupport;

namespace ConnectingCommunities.Web.Tests.Claims;

public sealed class ClaimsApiTestsOnSqlite(SqliteApp fixture) : ClaimsApiTests<SqliteApp>(fixture);

public sealed class ClaimsApiTestsOnPostgres(PostgresApp fixture) : ClaimsApiTests<PostgresApp>(fixture);

/// <summary>
/// Claims through the API over a real database: the life cycle from draft to every line decided,
/// idempotent and concurrent creation, submission and decisions (real parallel requests), each
/// reason code, maker-checker, sampling, and who may do what. Each test claims for a lot of its
/// own, so that a claim sweeping up a lot's unclaimed milestones only finds that test's.
/// </summary>
public abstract class ClaimsApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private static readonly DateOnly April = new(2021, 4, 6);

    private TestApp App => fixture.App;

    [Fact]
    public async Task A_rejected_milestone_is_not_claimed_again_the_next_month_but_a_held_one_is()
    {
        var rejected = await App.PersonAsync("GL", Cohort.HardestToHelp);
        var later = await App.PersonAsync("GL", Cohort.HarderToReach);
        await App.JobOutcomeAsync(rejected, new DateOnly(2021, 8, 3));
        await App.JobOutcomeAsync(later, new DateOnly(2021, 9, 7));
        using var manager = await App.ApiClientAsync(DemoUsers.Manager("GL"));
        using var commissioner = await App.ApiClientAsync(DemoUsers.Commissioner);
        var august = await manager.CreateClaimAsync("GL", "2021-08");
        var augustId = august.GetProperty("id").GetString();
        await manager.PostAsync($"/api/v1/claims/{augustId}/submit");
        var line = LineOf(august, rejected.Id, "JobOutcome").GetProperty("id").GetString();
        await commissioner.PostAsync($"/api/v1/claims/{augustId}/lines/{line}/decision", new { decision = "Reject", reason = "Not the participant's payslip" });

        var september = await manager.CreateClaimAsync("GL", "2021-09");

        Assert.DoesNotContain(Lines(september), l => l.GetProperty("participantId").GetGuid() == rejected.Id);
        Assert.Equal("JobOutcome", LineOf(september, later.Id, "JobOutcome").GetProperty("milestone").GetString());
    }

    [Fact]
    public async Task A_claim_goes_from_draft_to_every_line_decided_at_the_seeded_tariffs()
    {
        var hardest = await App.PersonAsync("WH", Cohort.HardestToHelp);
        var rapid = await App.PersonAsync("WH", Cohort.RapidProgression);
        var harder = await App.PersonAsync("WH", Cohort.HarderToReach);
        await App.JobOutcomeAsync(hardest, April);
        await App.JobOutcomeAsync(rapid, April.AddDays(1));
        await App.JobOutcomeAsync(harder, April.AddDays(2));
        await App.MilestoneAsync(hardest, Milestone.Engaged, new DateOnly(2021, 3, 20));
        using var manager = await App.ApiClientAsync(DemoUsers.Manager("WH"));
        using var commissioner = await App.ApiClientAsync(DemoUsers.Commissioner);

        var created = await manager.CreateClaimAsync("WH", "2021-04");
        var id = created.GetProperty("id").GetString();
        Assert.Equal("Draft", created.GetProperty("status").GetString());
        Assert.Equal("WH", created.GetProperty("lotCode").GetString());
        Assert.Equal("2021-04", created.GetProperty("period").GetString());
        Assert.StartsWith("WH-2021-04-", created.GetProperty("reference").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(created.GetProperty("provider").GetString()));
        var job = LineOf(created, hardest.Id, "JobOutcome");
        Assert.Equal("889.00", job.GetProperty("amount").GetRawText());
        Assert.Equal("HardestToHelp", job.GetProperty("cohort").GetString());
        Assert.Equal(hardest.Reference, job.GetProperty("participantReference").GetString());
        Assert.Equal("2021-04-06", job.GetProperty("milestoneDate").GetString());
        Assert.Equal("Draft", job.GetProperty("status").GetString());
        Assert.Empty(Codes(job));
        Assert.Equal(1, job.GetProperty("evidenceCount").GetInt32());
        Assert.Equal("400.00", LineOf(created, rapid.Id, "JobOutcome").GetProperty("amount").GetRawText());
        Assert.Equal("650.00", LineOf(created, harder.Id, "JobOutcome").GetProperty("amount").GetRawText());
        var engaged = LineOf(created, hardest.Id, "Engaged");
        Assert.Equal("420.00", engaged.GetProperty("amount").GetRawText());
        Assert.Equal(0, engaged.GetProperty("evidenceCount").GetInt32());
        Assert.Equal(created.GetRawText(), (await manager.GetJsonAsync($"/api/v1/claims/{id}")).GetRawText());

        var submitted = await manager.PostAsync($"/api/v1/claims/{id}/submit");
        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());
        Assert.Equal("Washwood Heath Manager", submitted.GetProperty("submittedBy").GetString());
        Assert.False(string.IsNullOrEmpty(submitted.GetProperty("auditSeed").GetString()));
        Assert.All(Lines(submitted), l => Assert.Equal("Submitted", l.GetProperty("status").GetString()));
        var totals = submitted.GetProperty("totals").EnumerateArray().Single(t => t.GetProperty("status").GetString() == "Submitted");
        Assert.Equal(Lines(submitted).Count, totals.GetProperty("count").GetInt32());

        var lines = new Dictionary<string, string>
        {
            ["approve"] = job.GetProperty("id").GetString()!,
            ["reject"] = LineOf(created, rapid.Id, "JobOutcome").GetProperty("id").GetString()!,
            ["return"] = LineOf(created, harder.Id, "JobOutcome").GetProperty("id").GetString()!,
        };
        await commissioner.PostAsync($"/api/v1/claims/{id}/lines/{lines["approve"]}/decision", new { decision = "Approve" });
        await commissioner.PostAsync($"/api/v1/claims/{id}/lines/{lines["reject"]}/decision", new { decision = "Reject", reason = "The payslip is for another person" });
        await commissioner.PostAsync($"/api/v1/claims/{id}/lines/{lines["return"]}/decision", new { decision = "return", reason = "Upload the contract" });
        var afterDecisions = await commissioner.PostAsync($"/api/v1/claims/{id}/lines/{engaged.GetProperty("id").GetString()}/decision", new { decision = "Approve", reason = "" });

        Assert.Equal("Completed", afterDecisions.GetProperty("status").GetString());
        var approved = LineOf(afterDecisions, hardest.Id, "JobOutcome");
        Assert.Equal("Approved", approved.GetProperty("status").GetString());
        Assert.Equal("Demo Commissioner", approved.GetProperty("decision").GetProperty("by").GetString());
        var rejected = LineOf(afterDecisions, rapid.Id, "JobOutcome");
        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());
        Assert.Equal("The payslip is for another person", rejected.GetProperty("decision").GetProperty("reason").GetString());
        Assert.Equal("Returned", LineOf(afterDecisions, harder.Id, "JobOutcome").GetProperty("status").GetString());

        // The returned line comes back, is decided again, and the claim completes once more.
        var resubmitted = await manager.PostAsync($"/api/v1/claims/{id}/lines/{lines["return"]}/resubmit");
        Assert.Equal("Submitted", resubmitted.GetProperty("status").GetString());
        Assert.Equal("Submitted", LineOf(resubmitted, harder.Id, "JobOutcome").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, LineOf(resubmitted, harder.Id, "JobOutcome").GetProperty("decision").ValueKind);
        var done = await commissioner.PostAsync($"/api/v1/claims/{id}/lines/{lines["return"]}/decision", new { decision = "Approve" });
        Assert.Equal("Completed", done.GetProperty("status").GetString());

        var byStatus = done.GetProperty("totals").EnumerateArray().ToDictionary(t => t.GetProperty("status").GetString()!, t => t.GetProperty("amount").GetDecimal());
        Assert.Equal(889m + 650m + 420m, byStatus["Approved"]);
        Assert.Equal(400m, byStatus["Rejected"]);

        // Every change is on the audit trail with the reason given.
        var audit = await App.ReadAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.EntityType == nameof(ClaimLine) && a.EntityId == lines["reject"]).ToListAsync());
        Assert.Contains(audit, a => a.Action == "updated" && a.Reason == "The payslip is for another person" && a.UserName == DemoUsers.Commissioner);

        // The list finds it by lot, period and status.
        var list = await commissioner.GetJsonAsync("/api/v1/claims?lotCode=WH&period=2021-04&status=Completed");
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(id, item.GetProperty("id").GetString());
        Assert.Equal(Lines(done).Count, item.GetProperty("lineCount").GetInt32());
    }

    [Fact]
    public async Task Creating_and_submitting_the_same_claim_at_once_makes_one_claim_and_one_submission()
    {
        var person = await App.PersonAsync("SE");
        await App.JobOutcomeAsync(person, April);
        var clients = new List<TestClient>();
        for (var i = 0; i < 5; i++)
        {
            clients.Add(await App.ApiClientAsync(DemoUsers.Manager("SE")));
        }

        try
        {
            var creates = await Task.WhenAll(clients.Select(c => c.SendJsonAsync(HttpMethod.Post, "/api/v1/claims", new { lotCode = "se", period = "2021-04" })));
            Assert.Single(creates, c => c.Status == HttpStatusCode.Created);
            Assert.All(creates, c => Assert.True(c.Status is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)c.Status} {c.Body}"));
            var id = Assert.Single(creates.Select(c => c.Body.GetProperty("id").GetString()).Distinct());
            Assert.Equal(1, await App.ReadAsync(db => db.Claims.CountAsync(c => c.Lot!.Code == "SE" && c.Period == "2021-04")));
            Assert.Equal(1, await App.ReadAsync(db => db.ClaimLines.CountAsync(l => l.ParticipantId == person.Id)));

            // Again, one after the other: the same draft, 200.
            var again = await clients[0].CreateClaimAsync("SE", "2021-04", HttpStatusCode.OK);
            Assert.Equal(id, again.GetProperty("id").GetString());

            var submits = await Task.WhenAll(clients.Select(c => c.SendJsonAsync(HttpMethod.Post, $"/api/v1/claims/{id}/submit", null)));
            Assert.All(submits, s => Assert.True(s.Status == HttpStatusCode.OK, $"{(int)s.Status} {s.Body}"));
            Assert.All(submits, s => Assert.Equal("Submitted", s.Body.GetProperty("status").GetString()));
            Assert.Single(submits.Select(s => s.Body.GetProperty("submittedAt").GetString()).Distinct());
            Assert.Single(submits.Select(s => s.Body.GetProperty("auditSeed").GetString()).Distinct());
            var submissions = await App.ReadAsync(db => db.AuditEvents.CountAsync(a => a.EntityType == nameof(OutcomeClaim) && a.EntityId == id && a.Action == "updated"));
            Assert.Equal(1, submissions);

            // The claim's events carry its lot, so the lot's manager finds them in the audit history export.
            var se = await App.ReadAsync(db => db.Lots.Where(l => l.Code == "SE").Select(l => l.Id).SingleAsync());
            Assert.Equal(
                [se],
                await App.ReadAsync(db => db.AuditEvents.Where(a => a.EntityType == nameof(OutcomeClaim) && a.EntityId == id).Select(a => a.LotId).Distinct().ToListAsync()));

            // A double click after the fact: 200, unchanged.
            var repeat = await clients[1].PostAsync($"/api/v1/claims/{id}/submit");
            Assert.Equal(submits[0].Body.GetProperty("submittedAt").GetString(), repeat.GetProperty("submittedAt").GetString());
            Assert.Equal(submits[0].Body.GetProperty("version").GetInt32(), repeat.GetProperty("version").GetInt32());
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task Two_commissioners_deciding_one_line_at_once_one_wins_and_the_other_is_told()
    {
        var first = await App.PersonAsync("CN");
        var second = await App.PersonAsync("CN");
        var third = await App.PersonAsync("CN");
        await App.JobOutcomeAsync(first, April);
        await App.JobOutcomeAsync(second, April);
        await App.JobOutcomeAsync(third, April);
        using var manager = await App.ApiClientAsync(DemoUsers.Manager("CN"));
        using var one = await App.ApiClientAsync(DemoUsers.Commissioner);
        using var two = await App.ApiClientAsync(await App.SecondCommissionerAsync());
        var claim = await manager.CreateClaimAsync("CN", "2021-04");
        var id = claim.GetProperty("id").GetString();
        await manager.PostAsync($"/api/v1/claims/{id}/submit");
        var line = LineOf(claim, first.Id, "JobOutcome").GetProperty("id").GetString();
        var url = $"/api/v1/claims/{id}/lines/{line}/decision";

        var both = await Task.WhenAll(
            one.SendJsonAsync(HttpMethod.Post, url, new { decision = "Approve", reason = "Payslip matches" }),
            two.SendJsonAsync(HttpMethod.Post, url, new { decision = "Reject", reason = "Payslip is not theirs" }));

        var winner = Assert.Single(both, b => b.Status == HttpStatusCode.OK);
        var loser = Assert.Single(both, b => b.Status == HttpStatusCode.Conflict);
        var won = LineOf(winner.Body, first.Id, "JobOutcome");
        var verb = won.GetProperty("status").GetString() == "Approved" ? "approved" : "rejected";
        var by = won.GetProperty("decision").GetProperty("by").GetString();
        var detail = loser.Body.GetProperty("detail").GetString()!;
        Assert.Contains($"{verb} by {by}", detail, StringComparison.Ordinal);
        Assert.True(detail.Contains("decided this line first", StringComparison.Ordinal) || detail.Contains("already", StringComparison.Ordinal), detail);

        // The decision is audited once, with the winner's reason.
        var audit = await App.ReadAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.EntityType == nameof(ClaimLine) && a.EntityId == line && a.Action == "updated").ToListAsync());
        var decided = Assert.Single(audit, a => (a.Changes ?? "").Contains("DecidedById", StringComparison.Ordinal));
        Assert.Equal(won.GetProperty("decision").GetProperty("reason").GetString(), decided.Reason);

        // Later, one after the other: told who decided it and when; nothing changes.
        var (status, problem) = await one.SendJsonAsync(HttpMethod.Post, url, new { decision = "Approve" });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains($"already {verb} by {by} on ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Two different lines of the claim decided at the same moment: both stand, and the claim completes.
        var lineTwo = LineOf(claim, second.Id, "JobOutcome").GetProperty("id").GetString();
        var lineThree = LineOf(claim, third.Id, "JobOutcome").GetProperty("id").GetString();
        var pair = await Task.WhenAll(
            one.SendJsonAsync(HttpMethod.Post, $"/api/v1/claims/{id}/lines/{lineTwo}/decision", new { decision = "Approve" }),
            two.SendJsonAsync(HttpMethod.Post, $"/api/v1/claims/{id}/lines/{lineThree}/decision", new { decision = "Approve" }));
        Assert.All(pair, p => Assert.True(p.Status == HttpStatusCode.OK, $"{(int)p.Status} {p.Body}"));
        var final = await one.GetJsonAsync($"/api/v1/claims/{id}");
        Assert.Equal("Completed", final.GetProperty("status").GetString());
        Assert.DoesNotContain(Lines(final), l => l.GetProperty("status").GetString() == "Submitted");
    }

    [Fact]
    public async Task Whoever_submitted_a_claim_cannot_decide_its_lines()
    {
        var person = await App.PersonAsync("CH");
        var other = await App.PersonAsync("CH");
        await App.JobOutcomeAsync(person, April);
        await App.JobOutcomeAsync(other, April);
        using var manager = await App.ApiClientAsync(DemoUsers.Manager("CH"));
        using var commissioner = await App.ApiClientAsync(DemoUsers.Commissioner);
        var claim = await manager.CreateClaimAsync("CH", "2021-04");
        var id = claim.GetProperty("id").GetString()!;
        await manager.PostAsync($"/api/v1/claims/{id}/submit");

        // A commissioner cannot submit through the service; the rule is on the submitter, whoever they are.
        var commissionerId = await App.UserIdAsync(DemoUsers.Commissioner);
        await App.ChangeAsync(async db => (await db.Claims.SingleAsync(c => c.Id == Guid.Parse(id))).SubmittedById = commissionerId);
        var before = await App.CountsAsync();
        var line = LineOf(claim, person.Id, "JobOutcome").GetProperty("id").GetString();

        var (status, problem) = await commissioner.SendJsonAsync(HttpMethod.Post, $"/api/v1/claims/{id}/lines/{line}/decision", new { decision = "Approve" });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("You submitted this claim", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        (status, problem) = await commissioner.SendJsonAsync(HttpMethod.Post, $"/api/v1/claims/{id}/approve-unsampled", new { });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("someone else must decide", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await App.CountsAsync());

        using var second = await App.ApiClientAsync(await App.SecondCommissionerAsync());
        await second.PostAsync($"/api/v1/claims/{id}/lines/{line}/decision", new { decision = "Approve" });
    }

    [Fact]
    public async Task Each_validation_step_holds_a_failing_line_with_its_reason_code()
    {
        // A gap between Batchley and Brockhill's two contracts in July 2019, and £1,000 of value left.
        await App.ChangeAsync(async db =>
        {
            (await db.Lots.SingleAsync(l => l.Code == "BB")).Value = 1_000m;
            (await db.Contracts.SingleAsync(c => c.Reference == "CC-BB-01")).EndDate = new DateOnly(2019, 6, 30);
        });
        var eligible = await App.PersonAsync("BB");
        var laterEligible = await App.PersonAsync("BB");
        var noNotice = await App.PersonAsync("BB", configure: p => p.PrivacyNoticeAcknowledged = false);
        var outOfArea = await App.PersonAsync("BB", configure: p => p.Postcode = "ZZ9 9ZZ");
        var overridden = await App.PersonAsync("BB", configure: p => { p.Postcode = "ZZ9 9ZZ"; p.EligibilityOverrideReason = "Moved out of the area after referral"; });
        var noEvidence = await App.PersonAsync("BB");
        var noJobOutcome = await App.PersonAsync("BB");
        var beforeRegistration = await App.PersonAsync("BB", registered: new DateOnly(2021, 4, 1));
        var inTheGap = await App.PersonAsync("BB", registered: new DateOnly(2019, 7, 1));

        await App.JobOutcomeAsync(eligible, new DateOnly(2021, 4, 1));
        await App.JobOutcomeAsync(laterEligible, new DateOnly(2021, 4, 20));
        await App.JobOutcomeAsync(noNotice, April);
        await App.JobOutcomeAsync(outOfArea, April);
        await App.JobOutcomeAsync(overridden, new DateOnly(2021, 3, 25));
        await App.JobOutcomeAsync(noEvidence, April, evidence: false);
        await App.MilestoneAsync(noJobOutcome, Milestone.Sustained13Weeks, April);
        await App.JobOutcomeAsync(beforeRegistration, new DateOnly(2021, 3, 15));
        await App.MilestoneAsync(inTheGap, Milestone.Engaged, new DateOnly(2019, 7, 15));
        using var manager = await App.ApiClientAsync(DemoUsers.Manager("BB"));

        var claim = await manager.CreateClaimAsync("BB", "2021-04");

        Assert.Equal("Draft", LineOf(claim, overridden.Id, "JobOutcome").GetProperty("status").GetString());
        Assert.Empty(Codes(LineOf(claim, overridden.Id, "JobOutcome")));
        AssertHeld(LineOf(claim, noNotice.Id, "JobOutcome"), ClaimReasonCode.ParticipantNotEligible);
        AssertHeld(LineOf(claim, outOfArea.Id, "JobOutcome"), ClaimReasonCode.ParticipantNotEligible);
        AssertHeld(LineOf(claim, noEvidence.Id, "JobOutcome"), ClaimReasonCode.EvidenceMissing);
        AssertHeld(LineOf(claim, noJobOutcome.Id, "Sustained13Weeks"), ClaimReasonCode.PrerequisiteMissing);
        AssertHeld(LineOf(claim, beforeRegistration.Id, "JobOutcome"), ClaimReasonCode.DatesInconsistent);
        AssertHeld(LineOf(claim, inTheGap.Id, "Engaged"), ClaimReasonCode.ContractNotActive);
        Assert.Equal(["ContractNotActive"], Codes(LineOf(claim, inTheGap.Id, "Engaged")));

        // £1,000 of value: the earliest passing line (£889, 25 March) fits, the later ones do not.
        AssertHeld(LineOf(claim, eligible.Id, "JobOutcome"), ClaimReasonCode.LotValueExceeded);
        AssertHeld(LineOf(claim, laterEligible.Id, "JobOutcome"), ClaimReasonCode.LotValueExceeded);
        Assert.Single(Codes(LineOf(claim, laterEligible.Id, "JobOutcome")));

        // Fixed at source (evidence uploaded, value raised), the lines pass when the claim is submitted.
        await App.ChangeAsync(async db =>
        {
            (await db.Lots.SingleAsync(l => l.Code == "BB")).Value = 1_000_000m;
            db.EvidenceFiles.Add(Payslip(noEvidence.Id, (await db.JobStarts.SingleAsync(j => j.ParticipantId == noEvidence.Id)).Id));
        });
        var submitted = await manager.PostAsync($"/api/v1/claims/{claim.GetProperty("id").GetString()}/submit");
        Assert.Equal("Submitted", LineOf(submitted, noEvidence.Id, "JobOutcome").GetProperty("status").GetString());
        Assert.Equal("Submitted", LineOf(submitted, eligible.Id, "JobOutcome").GetProperty("status").GetString());
        Assert.Equal("Submitted", LineOf(submitted, laterEligible.Id, "JobOutcome").GetProperty("status").GetString());
        AssertHeld(LineOf(submitted, noNotice.Id, "JobOutcome"), ClaimReasonCode.ParticipantNotEligible);

        // A held line claims nothing: once its evidence is in, July's claim takes the milestone, and June's
        // held line for it is then already claimed when June is submitted.
        var twice = await App.PersonAsync("BB");
        await App.JobOutcomeAsync(twice, new DateOnly(2021, 6, 7), evidence: false);
        var june = await manager.CreateClaimAsync("BB", "2021-06");
        AssertHeld(LineOf(june, twice.Id, "JobOutcome"), ClaimReasonCode.EvidenceMissing);
        await App.ChangeAsync(async db => db.EvidenceFiles.Add(Payslip(twice.Id, (await db.JobStarts.SingleAsync(j => j.ParticipantId == twice.Id)).Id)));
        var july = await manager.CreateClaimAsync("BB", "2021-07");
        Assert.Equal("Draft", LineOf(july, twice.Id, "JobOutcome").GetProperty("status").GetString());
        var juneSubmitted = await manager.PostAsync($"/api/v1/claims/{june.GetProperty("id").GetString()}/submit");
        AssertHeld(LineOf(juneSubmitted, twice.Id, "JobOutcome"), ClaimReasonCode.AlreadyClaimed);
        Assert.Single(Codes(LineOf(juneSubmitted, twice.Id, "JobOutcome")));
    }

    private static EvidenceFile Payslip(Guid participantId, Guid jobStartId) => new()
    {
        ParticipantId = participantId,
        JobStartId = jobStartId,
        Kind = EvidenceKind.Payslip,
        OriginalFileName = "payslip.pdf",
        StoredFileName = $"{Guid.CreateVersion7():N}.pdf",
        ContentType = "application/pdf",
        SizeBytes = 10,
        Sha256 = new string('1', 64),
        UploadedAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public async Task Approving_the_lines_not_sampled_leaves_the_sampled_ones_and_a_returned_line_is_resubmitted()
    {
        using var commissioner = await App.ApiClientAsync(DemoUsers.Commissioner);
        var sampling = await commissioner.GetJsonAsync("/api/v1/claims/sampling");
        try
        {
            await commissioner.SendJsonAsync(HttpMethod.Put, "/api/v1/claims/sampling", new { percentage = 0, allAboveAmount = 500, flaggedProviders = Array.Empty<string>() });
            var hardest = await App.PersonAsync("BW", Cohort.HardestToHelp);
            var rapid = await App.PersonAsync("BW", Cohort.RapidProgression);
            var another = await App.PersonAsync("BW", Cohort.RapidProgression);
            await App.JobOutcomeAsync(hardest, April);
            await App.JobOutcomeAsync(rapid, April);
            await App.JobOutcomeAsync(another, April);
            using var manager = await App.ApiClientAsync(DemoUsers.Manager("BW"));
            var id = (await manager.CreateClaimAsync("BW", "2021-04")).GetProperty("id").GetString();
            var submitted = await manager.PostAsync($"/api/v1/claims/{id}/submit");
            Assert.Equal("AboveValue", LineOf(submitted, hardest.Id, "JobOutcome").GetProperty("auditSelection").GetString());
            Assert.Equal(JsonValueKind.Null, LineOf(submitted, rapid.Id, "JobOutcome").GetProperty("auditSelection").ValueKind);

            var approved = await commissioner.PostAsync($"/api/v1/claims/{id}/approve-unsampled", new { reason = "Sample checked" });
            Assert.Equal("Approved", LineOf(approved, rapid.Id, "JobOutcome").GetProperty("status").GetString());
            Assert.Equal("Approved", LineOf(approved, another.Id, "JobOutcome").GetProperty("status").GetString());
            Assert.Equal("Submitted", LineOf(approved, hardest.Id, "JobOutcome").GetProperty("status").GetString());
            Assert.Equal("Submitted", approved.GetProperty("status").GetString());
            var rapidLine = LineOf(approved, rapid.Id, "JobOutcome").GetProperty("id").GetString();
            Assert.True(await App.ReadAsync(db => db.AuditEvents.AnyAsync(a => a.EntityId == rapidLine && a.Reason == "Sample checked")));
            var (status, _) = await commissioner.SendJsonAsync(HttpMethod.Post, $"/api/v1/claims/{id}/approve-unsampled", new { });
            Assert.Equal(HttpStatusCode.Conflict, status);

            // Returned for correction; resubmitted; returned again after its evidence went: held, with the reason.
            var sampled = LineOf(approved, hardest.Id, "JobOutcome").GetProperty("id").GetString();
            var (refused, problem) = await commissioner.SendJsonAsync(HttpMethod.Post, $"/api/v1/claims/{id}/lines/{sampled}/decision", new { decision = "Return", reason = " " });
            Assert.Equal(HttpStatusCode.BadRequest, refused);
            AssertFieldError(problem, "reason", "Enter what the provider must correct");
            var returned = await commissioner.PostAsync($"/api/v1/claims/{id}/lines/{sampled}/decision", new { decision = "Return", reason = "The payslip is unreadable" });
            Assert.Equal("Completed", returned.GetProperty("status").GetString());
            var resubmitted = await manager.PostAsync($"/api/v1/claims/{id}/lines/{sampled}/resubmit");
            Assert.Equal("Submitted", resubmitted.GetProperty("status").GetString());
            await commissioner.PostAsync($"/api/v1/claims/{id}/lines/{sampled}/decision", new { decision = "Return", reason = "Still unreadable" });
            await App.ChangeAsync(async db => db.EvidenceFiles.RemoveRange(await db.EvidenceFiles.Where(f => f.ParticipantId == hardest.Id).ToListAsync()));
            var held = await manager.PostAsync($"/api/v1/claims/{id}/lines/{sampled}/resubmit");
            AssertHeld(LineOf(held, hardest.Id, "JobOutcome"), ClaimReasonCode.EvidenceMissing);
            Assert.Equal("Completed", held.GetProperty("status").GetString());
            (status, problem) = await manager.SendJsonAsync(HttpMethod.Post, $"/api/v1/claims/{id}/lines/{sampled}/resubmit", null);
            Assert.Equal(HttpStatusCode.Conflict, status);
            Assert.Contains("Only a line returned for correction", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await commissioner.SendJsonAsync(HttpMethod.Put, "/api/v1/claims/sampling", new
            {
                percentage = sampling.GetProperty("percentage").GetDecimal(),
                allAboveAmount = sampling.GetProperty("allAboveAmount").GetDecimal(),
                flaggedProviders = Array.Empty<string>(),
            });
        }
    }

    [Fact]
    public async Task Sampling_settings_are_checked_audited_and_pick_every_line_of_a_flagged_provider()
    {
        using var commissioner = await App.ApiClientAsync(DemoUsers.Commissioner);
        var sampling = await commissioner.GetJsonAsync("/api/v1/claims/sampling");
        Assert.Equal(10m, sampling.GetProperty("percentage").GetDecimal());
        Assert.Equal("1000.00", sampling.GetProperty("allAboveAmount").GetRawText());
        Assert.Equal(0, sampling.GetProperty("flaggedProviders").GetArrayLength());
        var provider = await App.ReadAsync(db => db.Contracts.Where(c => c.Lot!.Code == "CW").OrderByDescending(c => c.StartDate).Select(c => c.Provider!.Name).FirstAsync());
        var before = await App.ReadAsync(db => db.AuditEvents.CountAsync());

        foreach (var (body, field, message) in new (object, string, string)[]
                 {
                     (new { percentage = 101, flaggedProviders = Array.Empty<string>() }, "percentage", "from 0 to 100"),
                     (new { percentage = -1 }, "percentage", "from 0 to 100"),
                     (new { percentage = 12.345 }, "percentage", "2 decimal places"),
                     (new { allAboveAmount = 100 }, "percentage", "Enter the percentage"),
                     (new { percentage = 10, allAboveAmount = -5 }, "allAboveAmount", "from £0"),
                     (new { percentage = 10, flaggedProviders = new[] { "Nobody Ltd" } }, "flaggedProviders", "no provider called \"Nobody Ltd\""),
                 })
        {
            var (status, problem) = await commissioner.SendJsonAsync(HttpMethod.Put, "/api/v1/claims/sampling", body);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            AssertFieldError(problem, field, message);
        }

        Assert.Equal(before, await App.ReadAsync(db => db.AuditEvents.CountAsync()));
        try
        {
            var changed = await SendAsync(commissioner, HttpMethod.Put, "/api/v1/claims/sampling",
                new { percentage = 0, allAboveAmount = (decimal?)null, flaggedProviders = new[] { provider.ToUpperInvariant() }, reason = "Audit found errors in March" });
            Assert.Equal(provider, Assert.Single(changed.GetProperty("flaggedProviders").EnumerateArray()).GetString());
            Assert.Equal(JsonValueKind.Null, changed.GetProperty("allAboveAmount").ValueKind);
            Assert.True(await App.ReadAsync(db => db.AuditEvents.AnyAsync(a => a.EntityType == nameof(Provider) && a.Reason == "Audit found errors in March")));

            var person = await App.PersonAsync("CW", Cohort.RapidProgression, new DateOnly(2021, 1, 4));
            await App.JobOutcomeAsync(person, new DateOnly(2021, 2, 10));
            using var manager = await App.ApiClientAsync(DemoUsers.Manager("CW"));
            var id = (await manager.CreateClaimAsync("CW", "2021-02")).GetProperty("id").GetString();
            var submitted = await manager.PostAsync($"/api/v1/claims/{id}/submit");
            Assert.All(Lines(submitted), l => Assert.Equal("FlaggedProvider", l.GetProperty("auditSelection").GetString()));
        }
        finally
        {
            await SendAsync(commissioner, HttpMethod.Put, "/api/v1/claims/sampling", new { percentage = 10, allAboveAmount = 1000, flaggedProviders = Array.Empty<string>() });
        }
    }

    public static TheoryData<string, string, string, string> BadClaims => new()
    {
        { "a malformed period", "WH", "2021-4", "in the form yyyy-MM, like 2021-04" },
        { "a period in words", "WH", "April 2021", "in the form yyyy-MM, like 2021-04" },
        { "no period", "WH", "", "in the form yyyy-MM, like 2021-04" },
        { "a period after the programme", "WH", "2022-01", "Claims for 2022-01 are closed: the programme ran from June 2018 to December 2021" },
        { "a period before the programme", "WH", "2018-05", "Claims for 2018-05 are closed" },
        { "an unknown lot", "ZZ", "2021-04", "There is no lot with that code that you can claim for" },
        { "another manager's lot", "SE", "2021-04", "There is no lot with that code that you can claim for" },
        { "no lot", "", "2021-04", "Enter the code of the lot" },
    };

    [Theory]
    [MemberData(nameof(BadClaims))]
    public async Task A_bad_claim_is_refused_naming_the_field_and_nothing_is_written(string what, string lot, string period, string message)
    {
        using var manager = await App.ApiClientAsync(DemoUsers.Manager("WH"));
        var before = await App.CountsAsync();

        var (status, problem) = await manager.SendJsonAsync(HttpMethod.Post, "/api/v1/claims", new { lotCode = lot, period });

        Assert.True(status == HttpStatusCode.BadRequest, $"{what}: {(int)status} {problem}");
        AssertFieldError(problem, lot is "ZZ" or "SE" or "" ? "lotCode" : "period", message);
        Assert.Equal(before, await App.CountsAsync());
    }

    [Fact]
    public async Task A_month_with_nothing_to_claim_or_not_yet_started_is_refused()
    {
        using var manager = await App.ApiClientAsync(DemoUsers.Manager("GL"));
        var before = await App.CountsAsync();
        var (status, problem) = await manager.SendJsonAsync(HttpMethod.Post, "/api/v1/claims", new { lotCode = "GL", period = "2018-06" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertFieldError(problem, "period", "There are no achieved, unclaimed milestones for GL up to 30 June 2018");

        // While the programme runs, next month has not started: the programme's end is moved for the check.
        var end = await App.ReadAsync(db => db.Programmes.Select(p => p.EndDate).SingleAsync());
        await App.ChangeAsync(async db => (await db.Programmes.SingleAsync()).EndDate = Today.AddYears(2));
        try
        {
            var next = Today.AddMonths(1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            (status, problem) = await manager.SendJsonAsync(HttpMethod.Post, "/api/v1/claims", new { lotCode = "GL", period = next });
            Assert.Equal(HttpStatusCode.BadRequest, status);
            AssertFieldError(problem, "period", "has not started yet");
        }
        finally
        {
            await App.ChangeAsync(async db => (await db.Programmes.SingleAsync()).EndDate = end);
        }

        Assert.Equal(before.Claims, (await App.CountsAsync()).Claims);
    }

    [Fact]
    public async Task A_bad_decision_is_refused_naming_the_field_and_nothing_is_written()
    {
        var person = await App.PersonAsync("BL");
        await App.JobOutcomeAsync(person, April);
        using var manager = await App.ApiClientAsync(DemoUsers.Manager("BL"));
        using var commissioner = await App.ApiClientAsync(DemoUsers.Commissioner);
        var claim = await manager.CreateClaimAsync("BL", "2021-04");
        var id = claim.GetProperty("id").GetString();
        var line = LineOf(claim, person.Id, "JobOutcome").GetProperty("id").GetString();
        var url = $"/api/v1/claims/{id}/lines/{line}/decision";

        // Not submitted yet: nothing to decide.
        var (status, problem) = await commissioner.SendJsonAsync(HttpMethod.Post, url, new { decision = "Approve" });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("not waiting for a decision", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await manager.PostAsync($"/api/v1/claims/{id}/submit");
        var before = await App.CountsAsync();

        foreach (var (body, field, message) in new (object, string, string)[]
                 {
                     (new { decision = "Maybe" }, "decision", "Approve, Reject, Return"),
                     (new { reason = "x" }, "decision", "Approve, Reject, Return"),
                     (new { decision = "Reject" }, "reason", "Enter why the line is rejected"),
                     (new { decision = "Reject", reason = "   " }, "reason", "Enter why the line is rejected"),
                     (new { decision = "Approve", reason = new string('x', 2001) }, "reason", "2000 characters or fewer"),
                 })
        {
            (status, problem) = await commissioner.SendJsonAsync(HttpMethod.Post, url, body);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            AssertFieldError(problem, field, message);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await commissioner.SendJsonAsync(HttpMethod.Post, $"/api/v1/claims/{id}/lines/{Guid.NewGuid()}/decision", new { decision = "Approve" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await commissioner.SendJsonAsync(HttpMethod.Post, $"/api/v1/claims/{Guid.NewGuid()}/lines/{line}/decision", new { decision = "Approve" })).Status);
        Assert.Equal(before, await App.CountsAsync());
    }

    public static TheoryData<string> Everyone => new([.. DemoUsers.OnePerRole, DemoUsers.Manager("CW")]);

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task Every_claims_endpoint_answers_each_role_and_lot(string email)
    {
        var (draft, submitted, line) = await RoleClaimsAsync();
        using var client = await App.ApiClientAsync(email);
        var isCommissioner = email == DemoUsers.Commissioner;
        var isOwnManager = email == DemoUsers.Manager("CW");
        var isOtherManager = email == DemoUsers.Manager("WH");
        var reads = isCommissioner || isOwnManager ? HttpStatusCode.OK : isOtherManager ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden;
        var forbidden = !(isCommissioner || isOwnManager || isOtherManager);
        var before = await App.CountsAsync();

        var list = await client.GetAsync("/api/v1/claims?lotCode=CW");
        AssertStatus(forbidden ? HttpStatusCode.Forbidden : HttpStatusCode.OK, list.StatusCode, $"{email} GET claims");
        if (list.StatusCode == HttpStatusCode.OK)
        {
            var total = JsonDocument.Parse(await list.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("total").GetInt32();
            Assert.True(isOtherManager ? total == 0 : total >= 2, $"{email} sees {total} CW claims");
        }

        AssertStatus(reads, (await client.GetAsync($"/api/v1/claims/{draft}")).StatusCode, $"{email} GET claim");
        AssertStatus(reads, (await client.GetAsync($"/api/v1/claims/{submitted}/lines/{line}")).StatusCode, $"{email} GET claim line");

        // Making and submitting: managers of the lot; another lot is not revealed; commissioners and the rest 403.
        var create = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/claims", new { lotCode = "CW", period = "2021-04" });
        AssertStatus(isOwnManager ? HttpStatusCode.OK : isOtherManager ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden, create.Status, $"{email} POST claim");
        var submit = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/claims/{Guid.NewGuid()}/submit", null);
        AssertStatus(isOwnManager || isOtherManager ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden, submit.Status, $"{email} POST submit (unknown)");
        if (!isOwnManager)
        {
            submit = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/claims/{draft}/submit", null);
            AssertStatus(isOtherManager ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden, submit.Status, $"{email} POST submit");
        }

        var resubmit = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/claims/{submitted}/lines/{line}/resubmit", null);
        AssertStatus(isOwnManager ? HttpStatusCode.Conflict : isOtherManager ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden, resubmit.Status, $"{email} POST resubmit");

        // Deciding and sampling: commissioners only (sent with a bad value, so nothing is decided).
        var decision = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/claims/{submitted}/lines/{line}/decision", new { decision = "Perhaps" });
        AssertStatus(isCommissioner ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden, decision.Status, $"{email} POST decision");
        var approveAll = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/claims/{submitted}/approve-unsampled", new { reason = new string('x', 2001) });
        AssertStatus(isCommissioner ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden, approveAll.Status, $"{email} POST approve-unsampled");
        AssertStatus(isCommissioner ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/claims/sampling")).StatusCode, $"{email} GET sampling");
        var sampling = await client.SendJsonAsync(HttpMethod.Put, "/api/v1/claims/sampling", new { percentage = 500 });
        AssertStatus(isCommissioner ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden, sampling.Status, $"{email} PUT sampling");

        Assert.Equal(before, await App.CountsAsync());
    }

    /// <summary>A draft (April) and a submitted claim (March) for Chelmsley Wood, made once and shared by the role checks.</summary>
    private async Task<(string Draft, string Submitted, string Line)> RoleClaimsAsync()
    {
        using var manager = await App.ApiClientAsync(DemoUsers.Manager("CW"));
        var existing = await manager.GetJsonAsync("/api/v1/claims?lotCode=CW&period=2021-03");
        string submitted;
        if (existing.GetProperty("total").GetInt32() == 0)
        {
            var march = await App.PersonAsync("CW");
            await App.JobOutcomeAsync(march, new DateOnly(2021, 3, 15));
            submitted = (await manager.CreateClaimAsync("CW", "2021-03")).GetProperty("id").GetString()!;
            await manager.PostAsync($"/api/v1/claims/{submitted}/submit");
            var april = await App.PersonAsync("CW");
            await App.JobOutcomeAsync(april, April);
        }
        else
        {
            submitted = existing.GetProperty("items")[0].GetProperty("id").GetString()!;
        }

        var draft = (await manager.SendJsonAsync(HttpMethod.Post, "/api/v1/claims", new { lotCode = "CW", period = "2021-04" })).Body.GetProperty("id").GetString()!;
        var line = Lines(await manager.GetJsonAsync($"/api/v1/claims/{submitted}"))[0].GetProperty("id").GetString()!;
        return (draft, submitted, line);
    }

    private static void AssertHeld(JsonElement line, ClaimReasonCode code)
    {
        Assert.Equal("Held", line.GetProperty("status").GetString());
        Assert.Contains(code.ToString(), Codes(line));
        Assert.Contains(code.Description(), line.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
    }

    private static async Task<JsonElement> SendAsync(TestClient client, HttpMethod method, string url, object body)
    {
        var (status, json) = await client.SendJsonAsync(method, url, body);
        Assert.True(status == HttpStatusCode.OK, $"{method} {url}: {(int)status} {json}");
        return json;
    }
}
