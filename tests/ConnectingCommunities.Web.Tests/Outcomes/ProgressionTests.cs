using System.Net;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;
using ConnectingCommunities.Web.Tests.Participants.Plan;
using static ConnectingCommunities.Web.Tests.Outcomes.JobStartTestSupport;
using static ConnectingCommunities.Web.Tests.Outcomes.OutcomeTestSupport;
using static ConnectingCommunities.Web.Tests.Participants.Plan.PlanTestSupport;
using ProgrammeDefinition = ConnectingCommunities.Domain.Outcomes.ProgressionDefinition;

namespace ConnectingCommunities.Web.Tests.Outcomes;

public sealed class ProgressionTestsOnSqlite(SqliteApp fixture) : ProgressionTests<SqliteApp>(fixture);

public sealed class ProgressionTestsOnPostgres(PostgresApp fixture) : ProgressionTests<PostgresApp>(fixture);

/// <summary>
/// In-work progression through the API and the pages: the baseline it is compared with, both
/// definitions in numbers and words, the Progression milestone under the definition that pays,
/// evidence, who may do what, and every refused input leaving nothing behind.
/// </summary>
public abstract class ProgressionTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private TestApp App => fixture.App;

    public static TheoryData<string> Everyone => new([.. DemoUsers.OnePerRole, DemoUsers.Manager("SE"), DemoUsers.Advisor("SE")]);

    public static TheoryData<string, object, string, string> BadChanges => new()
    {
        { "no date", Without(Change(), "changedOn"), "changedOn", "Enter the date of the change" },
        { "before registration", Change(changedOn: "2021-02-28"), "changedOn", "on or after the day they registered" },
        { "in the future", Change(changedOn: Iso(Today.AddDays(1))), "changedOn", "today or in the past" },
        { "before the job started", Change(changedOn: "2021-06-13"), "changedOn", "not in work on 13 June 2021" },
        { "no hours", Change(weeklyHours: 0m), "weeklyHours", "more than 0" },
        { "over 100 hours", Change(weeklyHours: 100.5m), "weeklyHours", "no more than 100" },
        { "a wage below zero", Change(hourlyWage: -1m), "hourlyWage", "£0 or more" },
        { "no contract type", Without(Change(), "contractType"), "contractType", "Allowed values: Permanent" },
        { "a lateral move without a reason", Change(lateralMove: true), "lateralMoveReason", "Enter why the lateral move improves their prospects" },
        { "an unknown job", Change(jobStartId: Guid.NewGuid().ToString()), "jobStartId", "no such job start" },
        { "a job title too long", Change(jobTitle: new string('x', 201)), "jobTitle", "200 characters or fewer" },
    };

    [Fact]
    public async Task A_rise_of_twelve_and_a_half_percent_meets_the_strict_definition_and_achieves_the_milestone()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var jobStartId = await client.JobStartAsync(participant.Id, "2021-06-14", weeklyHours: 20m, hourlyWage: 10m);

        var (status, body) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participant.Id}/progressions",
            Change("2021-10-01", weeklyHours: 20m, hourlyWage: 11.25m, jobTitle: "Team leader"));

        Assert.True(status == HttpStatusCode.Created, body.ToString());
        Assert.Equal("Weekly earnings up 12.5% (from £200.00 to £225.00): meets the strict definition", body.GetProperty("strict").GetString());
        Assert.StartsWith("Meets the wider definition: weekly earnings up by 10% or more", body.GetProperty("wider").GetString(), StringComparison.Ordinal);
        Assert.True(body.GetProperty("meetsStrict").GetBoolean());
        Assert.True(body.GetProperty("meetsWider").GetBoolean());
        Assert.Equal(0.125m, body.GetProperty("earningsChange").GetDecimal());
        Assert.Equal(["EarningsUpTenPercent"], body.GetProperty("grounds").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(jobStartId, body.GetProperty("jobStartId").GetString());
        Assert.Equal(200m, body.GetProperty("baseline").GetProperty("weeklyEarnings").GetDecimal());
        Assert.Equal("Strict", body.GetProperty("payingDefinition").GetString());
        Assert.Equal("2021-10-01", body.GetProperty("milestoneRecorded").GetProperty("achievedOn").GetString());
        Assert.Equal("JobOutcome 2021-06-14, Progression 2021-10-01", await App.MilestonesAsync(participant.Id));

        // A later qualifying change leaves the milestone where it is.
        var later = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participant.Id}/progressions", Change("2022-01-10", weeklyHours: 30m, hourlyWage: 11.25m));
        Assert.Contains("already achieved on 1 October 2021", later.Body.GetProperty("message").GetString(), StringComparison.Ordinal);
        var list = Items(await client.GetJsonAsync($"/api/v1/participants/{participant.Id}/progressions"));
        Assert.Equal(["2022-01-10", "2021-10-01"], list.Select(p => p.GetProperty("changedOn").GetString()));
        Assert.Equal("Weekly earnings up 12.5% (from £200.00 to £225.00): meets the strict definition", list[1].GetProperty("strict").GetString());
        Assert.Contains(await App.AuditAsync(participant.Id), a => a.EntityType == "ProgressionRecord" && a.Action == "created");
        Assert.Contains(await App.AuditAsync(participant.Id), a => a.Action == "viewed" && a.Summary == "progressions");
    }

    [Fact]
    public async Task Exactly_ten_percent_more_weekly_earnings_meets_the_strict_definition()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        await client.JobStartAsync(participant.Id, "2021-06-14", weeklyHours: 30m, hourlyWage: 9.50m);

        // 30 x £9.50 = £285.00; 33 x £9.50 = £313.50, exactly 10% more.
        var (_, body) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participant.Id}/progressions", Change(weeklyHours: 33m, hourlyWage: 9.50m));
        Assert.True(body.GetProperty("meetsStrict").GetBoolean());
        Assert.Equal(0.1m, body.GetProperty("earningsChange").GetDecimal());
        Assert.Equal("Weekly earnings up 10% (from £285.00 to £313.50): meets the strict definition", body.GetProperty("strict").GetString());
        Assert.Contains("Progression 2021-10-01", await App.MilestonesAsync(participant.Id), StringComparison.Ordinal);

        // A penny a week short is not.
        var other = await App.ParticipantAsync("WH");
        await client.JobStartAsync(other.Id, "2021-06-14", weeklyHours: 30m, hourlyWage: 9.50m);
        var (_, shortBody) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{other.Id}/progressions", Change(weeklyHours: 30m, hourlyWage: 10.44m));
        Assert.False(shortBody.GetProperty("meetsStrict").GetBoolean());
        Assert.DoesNotContain("Progression", await App.MilestonesAsync(other.Id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wider_only_change_does_not_pay_under_the_strict_definition_but_does_once_set_up_pays_the_wider_one()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        await client.JobStartAsync(participant.Id, "2021-06-14", weeklyHours: 20m, hourlyWage: 10m, contractType: "ZeroHours");
        var url = $"/api/v1/participants/{participant.Id}/progressions";

        var (_, strict) = await client.SendJsonAsync(HttpMethod.Post, url, Change("2021-10-01", weeklyHours: 20m, hourlyWage: 10m, contractType: "Permanent", promotion: true));
        Assert.False(strict.GetProperty("meetsStrict").GetBoolean());
        Assert.True(strict.GetProperty("meetsWider").GetBoolean());
        Assert.Equal(["Promotion", "BetterContract"], strict.GetProperty("grounds").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal("Weekly earnings unchanged (from £200.00 to £200.00): does not meet the strict definition, which needs weekly earnings up by 10% or more", strict.GetProperty("strict").GetString());
        Assert.Equal("Meets the wider definition: promotion; moved to a more secure contract", strict.GetProperty("wider").GetString());
        Assert.False(strict.GetProperty("meetsPayingDefinition").GetBoolean());
        Assert.Contains("does not meet the strict definition, which the programme pays on", strict.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("JobOutcome 2021-06-14", await App.MilestonesAsync(participant.Id));

        try
        {
            await App.SetProgrammeAsync(ProgrammeDefinition.Wider);
            var (_, wider) = await client.SendJsonAsync(HttpMethod.Post, url,
                Change("2021-11-01", weeklyHours: 20m, hourlyWage: 10m, contractType: "ZeroHours", lateralMove: true, lateralMoveReason: "A role with an NVQ level 3"));
            Assert.Equal(["LateralMoveImprovingProspects"], wider.GetProperty("grounds").EnumerateArray().Select(g => g.GetString()));
            Assert.True(wider.GetProperty("meetsPayingDefinition").GetBoolean());
            Assert.Equal("JobOutcome 2021-06-14, Progression 2021-11-01", await App.MilestonesAsync(participant.Id));
        }
        finally
        {
            await App.SetProgrammeAsync(ProgrammeDefinition.Strict);
        }
    }

    [Fact]
    public async Task The_employed_cohort_is_compared_with_the_job_they_held_at_registration()
    {
        var participant = await App.AddAsync("WH", p =>
        {
            p.Cohort = Cohort.Employed;
            p.EmploymentStatus = Domain.People.EmploymentStatus.Employed;
            p.WeeklyHours = 16m;
            p.HourlyWage = 9.00m;
            p.EmploymentContractType = "zeroHours";
        });
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));

        var (status, body) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participant.Id}/progressions", Change("2021-06-01", weeklyHours: 16m, hourlyWage: 9.90m, contractType: "ZeroHours"));

        Assert.True(status == HttpStatusCode.Created, body.ToString());
        Assert.Equal("their job at registration", body.GetProperty("baseline").GetProperty("from").GetString());
        Assert.Equal(JsonNullKind, body.GetProperty("jobStartId").ValueKind);
        Assert.Equal("Weekly earnings up 10% (from £144.00 to £158.40): meets the strict definition", body.GetProperty("strict").GetString());
        Assert.Equal("Progression 2021-06-01", await App.MilestonesAsync(participant.Id));
    }

    [Fact]
    public async Task A_claimed_progression_keeps_its_date_when_an_earlier_qualifying_change_is_recorded()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        await client.JobStartAsync(participant.Id, "2021-06-14", weeklyHours: 20m, hourlyWage: 10m);
        var url = $"/api/v1/participants/{participant.Id}/progressions";
        await client.SendJsonAsync(HttpMethod.Post, url, Change("2021-10-01", weeklyHours: 25m, hourlyWage: 10m));
        await App.ClaimAsync(participant.Id, Milestone.Progression, ClaimLineStatus.Approved);

        var (_, body) = await client.SendJsonAsync(HttpMethod.Post, url, Change("2021-08-01", weeklyHours: 25m, hourlyWage: 10m));
        Assert.Contains("stays dated 1 October 2021, as it is already claimed", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("Progression 2021-10-01", await App.MilestonesAsync(participant.Id), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadChanges))]
    public async Task A_bad_change_is_refused_naming_the_field_and_nothing_is_written(string what, object body, string field, string message)
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Manager("WH"));
        await client.JobStartAsync(participant.Id, "2021-06-14");
        var before = await App.OutcomeRowsAsync(participant.Id);

        var (status, problem) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participant.Id}/progressions", body);

        Assert.True(status == HttpStatusCode.BadRequest, $"{what}: {(int)status} {problem}");
        AssertFieldError(problem, field, message);
        Assert.Equal(before, await App.OutcomeRowsAsync(participant.Id));
    }

    [Fact]
    public async Task A_change_after_the_job_ended_or_for_someone_never_in_work_is_refused()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var url = $"/api/v1/participants/{participant.Id}/progressions";

        var (status, problem) = await client.SendJsonAsync(HttpMethod.Post, url, Change());
        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertFieldError(problem, "changedOn", "not in work on 1 October 2021: record their job start first");

        var jobStartId = await client.JobStartAsync(participant.Id, "2021-06-14");
        await client.EndJobAsync(participant.Id, jobStartId, "2021-09-01");
        var (chosen, chosenProblem) = await client.SendJsonAsync(HttpMethod.Post, url, Change(jobStartId: jobStartId));
        Assert.Equal(HttpStatusCode.BadRequest, chosen);
        AssertFieldError(chosenProblem, "changedOn", "That job ended on 1 September 2021");
        Assert.Equal(0, (await App.OutcomeRowsAsync(participant.Id)).Progressions);
    }

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task The_progression_API_answers_each_role_and_lot(string email)
    {
        using var client = await App.ApiClientAsync(email);
        foreach (var lot in new[] { "WH", "SE" })
        {
            var participant = await App.ParticipantAsync(lot);
            var (progressionId, evidenceId) = await SeedAsync(participant.Id, lot);
            var before = await App.OutcomeRowsAsync(participant.Id);
            var url = $"/api/v1/participants/{participant.Id}/progressions";
            var (read, write) = Expected(email, lot);

            AssertStatus(read, (await client.GetAsync(url)).StatusCode, $"{email} GET progressions of a {lot} participant");
            AssertStatus(read, (await client.GetAsync($"{url}/{progressionId}/evidence/{evidenceId}")).StatusCode, $"{email} GET progression evidence of a {lot} participant");
            var created = write == HttpStatusCode.OK ? HttpStatusCode.Created : write;
            AssertStatus(created, (await client.SendJsonAsync(HttpMethod.Post, url, Change("2021-11-01"))).Status, $"{email} POST a progression for a {lot} participant");
            AssertStatus(created, (await client.UploadAsync($"{url}/{progressionId}/evidence", Png, "contract.png", "Contract")).StatusCode, $"{email} POST progression evidence for a {lot} participant");
            Assert.Equal(
                write == HttpStatusCode.OK ? before with { Progressions = 2, Evidence = before.Evidence + 1, Files = before.Files + 1 } : before,
                await App.OutcomeRowsAsync(participant.Id));
        }
    }

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task The_progression_pages_answer_each_role_and_lot(string email)
    {
        using var client = await App.SignInAsync(email);
        foreach (var lot in new[] { "WH", "SE" })
        {
            var participant = await App.ParticipantAsync(lot);
            var (progressionId, evidenceId) = await SeedAsync(participant.Id, lot);
            var url = $"/participants/{participant.Id}/progressions";
            var (read, write) = Expected(email, lot);

            AssertStatus(write, (await client.GetAsync($"{url}/new")).StatusCode, $"{email} record progression page of a {lot} participant");
            AssertStatus(write, (await client.GetAsync($"{url}/{progressionId}/evidence/new")).StatusCode, $"{email} add progression evidence page of a {lot} participant");
            AssertStatus(read, (await client.GetAsync($"{url}/{progressionId}")).StatusCode, $"{email} progression page of a {lot} participant");
            AssertStatus(read, (await client.GetAsync($"{url}/{progressionId}/evidence/{evidenceId}")).StatusCode, $"{email} progression evidence download of a {lot} participant");
            if (read == HttpStatusCode.OK)
            {
                var page = await client.GetPageAsync($"/participants/{participant.Id}");
                Assert.Contains("Weekly earnings up", page.QuerySelector("#progressions")!.TextContent, StringComparison.Ordinal);
                Assert.NotNull(page.QuerySelector($"a[href='{url}/{progressionId}']"));
                Assert.Equal(write == HttpStatusCode.OK, page.QuerySelector($"a[href='{url}/new']") is not null);
            }

            var before = await App.OutcomeRowsAsync(participant.Id);
            var post = await client.PostPageAsync($"{url}/new", ValidForm());
            AssertStatus(write == HttpStatusCode.OK ? HttpStatusCode.Redirect : write, post.StatusCode, $"{email} posting a progression for a {lot} participant");
            Assert.Equal(write == HttpStatusCode.OK ? before.Progressions + 1 : before.Progressions, (await App.OutcomeRowsAsync(participant.Id)).Progressions);
        }
    }

    [Fact]
    public async Task An_advisor_records_a_change_on_the_page_and_sees_both_assessments_after_saving()
    {
        var participant = await App.ParticipantAsync("WH");
        using var api = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        await api.JobStartAsync(participant.Id, "2021-06-14", weeklyHours: 20m, hourlyWage: 10m);
        using var client = await App.SignInAsync(DemoUsers.Advisor("WH"));
        var url = $"/participants/{participant.Id}/progressions/new";
        var before = await App.OutcomeRowsAsync(participant.Id);

        var fields = ValidForm();
        fields["weeklyHours"] = "120";
        fields["changes"] = "lateralMove";
        var refused = await client.PostPageAsync(url, fields, Png, "payslip.pdf");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await client.ParseAsync(refused);
        var summary = page.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("no more than 100", summary, StringComparison.Ordinal);
        Assert.Contains("Enter why the lateral move improves their prospects", summary, StringComparison.Ordinal);
        Assert.Contains("content is a PNG", summary, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#weeklyHours-error"));
        Assert.NotNull(page.QuerySelector("#lateralMoveReason-error"));
        Assert.Equal("120", page.QuerySelector("input[name=weeklyHours]")!.GetAttribute("value"));
        Assert.Equal(before, await App.OutcomeRowsAsync(participant.Id));

        var saved = await client.PostPageAsync(url, ValidForm(), Pdf, "new-contract.pdf");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var result = await client.GetPageAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("Progression milestone achieved on 1 October 2021", result.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("meets the strict definition, which the programme pays on", result.QuerySelector("#assessment")!.TextContent, StringComparison.Ordinal);
        var definitions = result.QuerySelector("#definitions")!.TextContent;
        Assert.Contains("Weekly earnings up 12.5% (from £200.00 to £225.00): meets the strict definition", definitions, StringComparison.Ordinal);
        Assert.Contains("Meets the wider definition", definitions, StringComparison.Ordinal);
        Assert.Contains("new-contract.pdf", result.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before with { Progressions = 1, Evidence = before.Evidence + 1, Files = before.Files + 1, Milestones = "JobOutcome 2021-06-14, Progression 2021-10-01" },
            await App.OutcomeRowsAsync(participant.Id));
    }

    private static System.Text.Json.JsonValueKind JsonNullKind => System.Text.Json.JsonValueKind.Null;

    private static Dictionary<string, object?> Without(Dictionary<string, object?> body, string field)
    {
        body.Remove(field);
        return body;
    }

    private static Dictionary<string, string> ValidForm() => Form(
        ("changedOn", new DateOnly(2021, 10, 1)), ("jobTitle", "Team leader"), ("weeklyHours", "20"), ("hourlyWage", "11.25"),
        ("contractType", "Permanent"), ("kind", "Contract"));

    /// <summary>A job start of 20 hours at £10 and a change to £11.25 an hour with a PDF, by the lot's own advisor.</summary>
    private async Task<(string ProgressionId, string EvidenceId)> SeedAsync(Guid participantId, string lot)
    {
        using var advisor = await App.ApiClientAsync(DemoUsers.Advisor(lot));
        await advisor.JobStartAsync(participantId, "2021-06-14", weeklyHours: 20m, hourlyWage: 10m);
        var (status, body) = await advisor.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participantId}/progressions", Change(weeklyHours: 20m, hourlyWage: 11.25m));
        Assert.True(status == HttpStatusCode.Created, body.ToString());
        var id = body.GetProperty("id").GetString()!;
        var evidence = await TestClient.ReadJsonAsync(
            await advisor.UploadAsync($"/api/v1/participants/{participantId}/progressions/{id}/evidence", Pdf, "payslip.pdf"), HttpStatusCode.Created, "seed evidence");
        return (id, evidence.GetProperty("id").GetString()!);
    }
}
