using System.Net;
using System.Security.Cryptography;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;
using ConnectingCommunities.Web.Tests.Participants.Plan;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ConnectingCommunities.Web.Tests.Outcomes.JobStartTestSupport;
using static ConnectingCommunities.Web.Tests.Outcomes.OutcomeTestSupport;
using static ConnectingCommunities.Web.Tests.Participants.Plan.PlanTestSupport;

namespace ConnectingCommunities.Web.Tests.Outcomes;

public sealed class SustainmentChecksTestsOnSqlite(SqliteApp fixture) : SustainmentChecksTests<SqliteApp>(fixture);

public sealed class SustainmentChecksTestsOnPostgres(PostgresApp fixture) : SustainmentChecksTests<PostgresApp>(fixture);

/// <summary>
/// Sustainment checks through the API and the pages: the checks of each run of employment, recording
/// them with the milestones they achieve (dated the due day, in order), continuity across a change of
/// job, double submissions, evidence, who may do what, and every refused input leaving nothing behind.
/// </summary>
public abstract class SustainmentChecksTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private TestApp App => fixture.App;

    public static TheoryData<string> Everyone => new([.. DemoUsers.OnePerRole, DemoUsers.Manager("SE"), DemoUsers.Advisor("SE")]);

    public static TheoryData<string, object, string, string> BadChecks => new()
    {
        { "no milestone", new { result = "InWork", checkedOn = "2021-09-20" }, "milestone", "Allowed values: Sustained13Weeks, Sustained26Weeks, Sustained52Weeks" },
        { "a milestone that is not a check", new { milestone = "JobOutcome", result = "InWork", checkedOn = "2021-09-20" }, "milestone", "is not a sustainment check" },
        { "no result", new { milestone = "Sustained13Weeks", checkedOn = "2021-09-20" }, "result", "Allowed values: InWork, NotInWork" },
        { "an unknown result", new { milestone = "Sustained13Weeks", result = "Maybe", checkedOn = "2021-09-20" }, "result", "InWork, NotInWork" },
        { "no date", new { milestone = "Sustained13Weeks", result = "InWork" }, "checkedOn", "Enter the date of the check" },
        { "a date in the future", new { milestone = "Sustained13Weeks", result = "InWork", checkedOn = Iso(Today.AddDays(1)) }, "checkedOn", "today or in the past" },
        { "before the due day", new { milestone = "Sustained13Weeks", result = "InWork", checkedOn = "2021-09-12" }, "checkedOn", "falls due on 13 September 2021: it can be recorded from that day" },
        { "notes too long", new { milestone = "Sustained13Weeks", result = "InWork", checkedOn = "2021-09-20", notes = new string('x', 2001) }, "notes", "2000 characters or fewer" },
        { "an unknown job", new { milestone = "Sustained13Weeks", result = "InWork", checkedOn = "2021-09-20", jobStartId = Guid.NewGuid() }, "jobStartId", "no such job start" },
        { "52 weeks without 26", new { milestone = "Sustained52Weeks", result = "InWork", checkedOn = "2022-06-20" }, "milestone", "Sustained 52 weeks needs Sustained 26 weeks first" },
        { "not in work while the job is open", new { milestone = "Sustained13Weeks", result = "NotInWork", checkedOn = "2021-09-20" }, "result", "Record when the job ended first" },
    };

    [Fact]
    public async Task The_checks_of_a_job_are_listed_with_their_due_days_and_status_and_the_view_is_logged()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        await client.JobStartAsync(participant.Id, "2021-06-14");

        var checks = Items(await client.GetJsonAsync($"/api/v1/participants/{participant.Id}/sustainment-checks"));

        Assert.Equal(["Sustained13Weeks", "Sustained26Weeks", "Sustained52Weeks"], checks.Select(c => c.GetProperty("milestone").GetString()));
        Assert.Equal(["2021-09-13", "2021-12-13", "2022-06-13"], checks.Select(c => c.GetProperty("dueOn").GetString()));
        Assert.All(checks, c => Assert.Equal("Overdue", c.GetProperty("status").GetString()));
        Assert.All(checks, c => Assert.Equal("2021-06-14", c.GetProperty("runStart").GetString()));
        Assert.Equal(Today.DayNumber - new DateOnly(2021, 9, 13).DayNumber, checks[0].GetProperty("daysOverdue").GetInt32());
        Assert.Contains(await App.AuditAsync(participant.Id), a => a.Action == "viewed" && a.Summary == "sustainment checks");
    }

    [Fact]
    public async Task Checks_recorded_in_work_achieve_each_milestone_dated_its_due_day_in_order()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var jobStartId = await client.JobStartAsync(participant.Id, "2021-06-14");

        var first = await client.CheckedAsync(participant.Id, "Sustained13Weeks", "2021-09-20");
        Assert.Equal("InWork", first.GetProperty("status").GetString());
        Assert.Equal(jobStartId, first.GetProperty("jobStartId").GetString());
        Assert.Equal("Sustained13Weeks", first.GetProperty("milestoneRecorded").GetProperty("milestone").GetString());
        Assert.Equal("2021-09-13", first.GetProperty("milestoneRecorded").GetProperty("achievedOn").GetString());
        Assert.Equal("Sustained 13 weeks achieved on 13 September 2021", first.GetProperty("message").GetString());

        await client.CheckedAsync(participant.Id, "Sustained26Weeks", "2021-12-13");
        await client.CheckedAsync(participant.Id, "Sustained52Weeks", Iso(Today));

        Assert.Equal("JobOutcome 2021-06-14, Sustained13Weeks 2021-09-13, Sustained26Weeks 2021-12-13, Sustained52Weeks 2022-06-13", await App.MilestonesAsync(participant.Id));
        var milestones = Items(await client.GetJsonAsync($"/api/v1/participants/{participant.Id}/milestones")).Select(m => m.GetProperty("milestone").GetString());
        Assert.Equal(["JobOutcome", "Sustained13Weeks", "Sustained26Weeks", "Sustained52Weeks"], milestones);
        var checks = Items(await client.GetJsonAsync($"/api/v1/participants/{participant.Id}/sustainment-checks"));
        Assert.All(checks, c => Assert.Equal("InWork", c.GetProperty("status").GetString()));
        Assert.Equal(["2021-09-20", "2021-12-13", Iso(Today)], checks.Select(c => c.GetProperty("checkedOn").GetString()));
        Assert.Contains(await App.AuditAsync(participant.Id), a => a.EntityType == "SustainmentCheck" && a.Action == "created");
    }

    [Theory]
    [MemberData(nameof(BadChecks))]
    public async Task A_bad_check_is_refused_naming_the_field_and_nothing_is_written(string what, object body, string field, string message)
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Manager("WH"));
        await client.JobStartAsync(participant.Id, "2021-06-14");
        var before = await App.OutcomeRowsAsync(participant.Id);

        var (status, problem) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participant.Id}/sustainment-checks", body);

        Assert.True(status == HttpStatusCode.BadRequest, $"{what}: {(int)status} {problem}");
        AssertFieldError(problem, field, message);
        Assert.Equal(before, await App.OutcomeRowsAsync(participant.Id));
    }

    [Fact]
    public async Task Recording_the_same_check_twice_is_a_conflict_that_changes_nothing_even_at_the_same_moment()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        await client.JobStartAsync(participant.Id, "2021-06-14");
        await client.CheckedAsync(participant.Id, "Sustained13Weeks", "2021-09-20");
        var before = await App.OutcomeRowsAsync(participant.Id);

        var (status, problem) = await client.CheckAsync(participant.Id, "Sustained13Weeks", "2021-09-21", "NotInWork");
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("was already recorded (in work, checked on 20 September 2021). Nothing was changed.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await App.OutcomeRowsAsync(participant.Id));

        // A double click: two requests at once, one wins.
        using var second = await App.ApiClientAsync(DemoUsers.Manager("WH"));
        var results = await Task.WhenAll(
            client.CheckAsync(participant.Id, "Sustained26Weeks", "2021-12-20"),
            second.CheckAsync(participant.Id, "Sustained26Weeks", "2021-12-20"));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], results.Select(r => r.Status).Order());
        var after = await App.OutcomeRowsAsync(participant.Id);
        Assert.Equal(before.Checks + 1, after.Checks);
        Assert.Contains("Sustained26Weeks 2021-12-13", after.Milestones, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_work_needs_the_jobs_to_cover_the_due_day_and_not_in_work_needs_the_end_recorded()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var jobStartId = await client.JobStartAsync(participant.Id, "2021-06-14");
        await client.EndJobAsync(participant.Id, jobStartId, "2021-08-01");
        var before = await App.OutcomeRowsAsync(participant.Id);

        var checks = Items(await client.GetJsonAsync($"/api/v1/participants/{participant.Id}/sustainment-checks"));
        Assert.All(checks, c => Assert.Equal("EmploymentEnded", c.GetProperty("status").GetString()));

        var (status, problem) = await client.CheckAsync(participant.Id, "Sustained13Weeks", "2021-09-20");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertFieldError(problem, "result", "not in work on 13 September 2021: Warehouse operative at Acme Logistics Ltd, started 14 June 2021, ended on 1 August 2021");
        Assert.Equal(before, await App.OutcomeRowsAsync(participant.Id));

        var notInWork = await client.CheckedAsync(participant.Id, "Sustained13Weeks", "2021-09-20", "NotInWork");
        Assert.Equal("NotInWork", notInWork.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, notInWork.GetProperty("milestoneRecorded").ValueKind);
        Assert.Equal("JobOutcome 2021-06-14", await App.MilestonesAsync(participant.Id));
    }

    [Fact]
    public async Task A_change_of_job_within_the_allowed_gap_keeps_the_run_and_the_check_counts_the_new_job()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var first = await client.JobStartAsync(participant.Id, "2021-06-14");
        await client.EndJobAsync(participant.Id, first, "2021-07-31");
        var second = await client.JobStartAsync(participant.Id, "2021-08-28");

        // 31 July to 28 August is a gap of 27 days: within 28, so one run from 14 June.
        var checks = Items(await client.GetJsonAsync($"/api/v1/participants/{participant.Id}/sustainment-checks"));
        Assert.Equal(3, checks.Count);
        Assert.All(checks, c => Assert.Equal("2021-06-14", c.GetProperty("runStart").GetString()));

        var recorded = await client.CheckedAsync(participant.Id, "Sustained13Weeks", "2021-09-20");
        Assert.Equal(second, recorded.GetProperty("jobStartId").GetString());
        Assert.Equal("JobOutcome 2021-06-14, Sustained13Weeks 2021-09-13", await App.MilestonesAsync(participant.Id));
    }

    [Fact]
    public async Task A_gap_beyond_the_allowed_days_starts_a_new_run_whose_checks_count_from_the_new_job()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var first = await client.JobStartAsync(participant.Id, "2021-06-14");
        await client.EndJobAsync(participant.Id, first, "2021-07-31");
        var second = await client.JobStartAsync(participant.Id, "2021-08-30");

        // A gap of 29 days breaks the run: the first run's checks fell after it ended; the second has its own.
        var checks = Items(await client.GetJsonAsync($"/api/v1/participants/{participant.Id}/sustainment-checks"));
        Assert.Equal(6, checks.Count);
        Assert.Equal(
            ["2021-06-14 2021-09-13 EmploymentEnded", "2021-08-30 2021-11-29 Overdue", "2021-06-14 2021-12-13 EmploymentEnded"],
            checks.Take(3).Select(c => $"{c.GetProperty("runStart").GetString()} {c.GetProperty("dueOn").GetString()} {c.GetProperty("status").GetString()}"));

        // Checked in October, the latest 13-week check due is the first run's, and they were out of work then.
        var (status, problem) = await client.CheckAsync(participant.Id, "Sustained13Weeks", "2021-10-01");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertFieldError(problem, "result", "not in work on 13 September 2021");

        var recorded = await client.CheckedAsync(participant.Id, "Sustained13Weeks", "2021-12-01");
        Assert.Equal("2021-08-30", recorded.GetProperty("runStart").GetString());
        Assert.Equal(second, recorded.GetProperty("jobStartId").GetString());
        Assert.Equal("JobOutcome 2021-06-14, Sustained13Weeks 2021-11-29", await App.MilestonesAsync(participant.Id));

        // Choosing the first job picks the first run's check, which can only be "not in work".
        await client.CheckedAsync(participant.Id, "Sustained13Weeks", "2021-10-01", "NotInWork", jobStartId: first);
        Assert.Equal("JobOutcome 2021-06-14, Sustained13Weeks 2021-11-29", await App.MilestonesAsync(participant.Id));
    }

    [Fact]
    public async Task The_allowed_gap_comes_from_programme_set_up()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var first = await client.JobStartAsync(participant.Id, "2021-06-14");
        await client.EndJobAsync(participant.Id, first, "2021-07-31");
        await client.JobStartAsync(participant.Id, "2021-08-30");
        try
        {
            await App.SetProgrammeAsync(Domain.Outcomes.ProgressionDefinition.Strict, gapDays: 29);
            var checks = Items(await client.GetJsonAsync($"/api/v1/participants/{participant.Id}/sustainment-checks"));
            Assert.Equal(3, checks.Count);
            Assert.All(checks, c => Assert.Equal("2021-06-14", c.GetProperty("runStart").GetString()));
        }
        finally
        {
            await App.SetProgrammeAsync(Domain.Outcomes.ProgressionDefinition.Strict, gapDays: 28);
        }
    }

    [Fact]
    public async Task Evidence_of_a_check_is_stored_with_its_hash_and_downloaded_by_the_lot_only()
    {
        var participant = await App.ParticipantAsync("WH");
        using var advisor = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        await advisor.JobStartAsync(participant.Id, "2021-06-14");
        var checkId = (await advisor.CheckedAsync(participant.Id, "Sustained13Weeks", "2021-09-20")).GetProperty("id").GetString();
        var url = $"/api/v1/participants/{participant.Id}/sustainment-checks/{checkId}/evidence";

        var created = await TestClient.ReadJsonAsync(await advisor.UploadAsync(url, Pdf, "payslip-september.pdf"), HttpStatusCode.Created, "upload");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), created.GetProperty("hash").GetString());
        var evidenceId = created.GetProperty("id").GetString();

        using var manager = await App.ApiClientAsync(DemoUsers.Manager("WH"));
        var download = await manager.GetAsync($"{url}/{evidenceId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains(await App.AuditAsync(participant.Id), a => a.Action == "viewed" && a.Summary == $"evidence file {evidenceId}");
        var listed = Items(await manager.GetJsonAsync($"/api/v1/participants/{participant.Id}/sustainment-checks"))[0];
        Assert.Equal(evidenceId, Assert.Single(listed.GetProperty("evidence").EnumerateArray()).GetProperty("id").GetString());

        using var otherLot = await App.ApiClientAsync(DemoUsers.Manager("SE"));
        Assert.Equal(HttpStatusCode.NotFound, (await otherLot.GetAsync($"{url}/{evidenceId}")).StatusCode);

        var before = await App.OutcomeRowsAsync(participant.Id);
        var refused = await TestClient.ReadJsonAsync(await advisor.UploadAsync(url, Png, "payslip.pdf"), HttpStatusCode.BadRequest, "PNG named .pdf");
        AssertFieldError(refused, "file", "content is a PNG");
        var tooBig = await TestClient.ReadJsonAsync(await advisor.UploadAsync(url, [.. Pdf, .. new byte[10 * 1024 * 1024]], "big.pdf"), HttpStatusCode.BadRequest, "too big");
        AssertFieldError(tooBig, "file", "smaller than 10 MB");
        var other = await App.ParticipantAsync("WH");
        Assert.Equal(HttpStatusCode.NotFound, (await advisor.UploadAsync($"/api/v1/participants/{other.Id}/sustainment-checks/{checkId}/evidence", Pdf, "payslip.pdf")).StatusCode);
        Assert.Equal(before, await App.OutcomeRowsAsync(participant.Id));
    }

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task The_sustainment_API_answers_each_role_and_lot(string email)
    {
        using var client = await App.ApiClientAsync(email);
        foreach (var lot in new[] { "WH", "SE" })
        {
            var participant = await App.ParticipantAsync(lot);
            var (checkId, evidenceId) = await SeedAsync(participant.Id, lot);
            var before = await App.OutcomeRowsAsync(participant.Id);
            var url = $"/api/v1/participants/{participant.Id}/sustainment-checks";
            var (read, write) = Expected(email, lot);

            AssertStatus(read, (await client.GetAsync(url)).StatusCode, $"{email} GET checks of a {lot} participant");
            var download = await client.GetAsync($"{url}/{checkId}/evidence/{evidenceId}");
            AssertStatus(read, download.StatusCode, $"{email} GET check evidence of a {lot} participant");
            var created = write == HttpStatusCode.OK ? HttpStatusCode.Created : write;
            AssertStatus(created, (await client.CheckAsync(participant.Id, "Sustained26Weeks", "2021-12-20")).Status, $"{email} POST a check for a {lot} participant");
            AssertStatus(created, (await client.UploadAsync($"{url}/{checkId}/evidence", Png, "letter.png", "EmployerLetter")).StatusCode, $"{email} POST check evidence for a {lot} participant");
            Assert.Equal(
                write == HttpStatusCode.OK ? before with { Checks = 2, Evidence = before.Evidence + 1, Files = before.Files + 1, Milestones = before.Milestones + ", Sustained26Weeks 2021-12-13" } : before,
                await App.OutcomeRowsAsync(participant.Id));
        }
    }

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task The_sustainment_pages_answer_each_role_and_lot(string email)
    {
        using var client = await App.SignInAsync(email);
        foreach (var lot in new[] { "WH", "SE" })
        {
            var participant = await App.ParticipantAsync(lot);
            var (checkId, evidenceId) = await SeedAsync(participant.Id, lot);
            var url = $"/participants/{participant.Id}/sustainment-checks";
            var (read, write) = Expected(email, lot);

            AssertStatus(write, (await client.GetAsync($"{url}/new?milestone=Sustained26Weeks")).StatusCode, $"{email} record check page of a {lot} participant");
            AssertStatus(write, (await client.GetAsync($"{url}/{checkId}/evidence/new")).StatusCode, $"{email} add check evidence page of a {lot} participant");
            AssertStatus(read, (await client.GetAsync($"{url}/{checkId}/evidence/{evidenceId}")).StatusCode, $"{email} check evidence download of a {lot} participant");
            if (read == HttpStatusCode.OK)
            {
                var page = await client.GetPageAsync($"/participants/{participant.Id}");
                var table = page.QuerySelector("#sustainment-checks")!;
                Assert.Contains("13-week check", table.TextContent, StringComparison.Ordinal);
                Assert.Contains("In work", table.TextContent, StringComparison.Ordinal);
                Assert.NotNull(page.QuerySelector($"a[href='{url}/{checkId}/evidence/{evidenceId}']"));
                Assert.Equal(write == HttpStatusCode.OK, page.QuerySelector($"a[href='{url}/new?milestone=Sustained26Weeks']") is not null);
            }

            var before = await App.OutcomeRowsAsync(participant.Id);
            var post = await client.PostPageAsync($"{url}/new", Form(("milestone", "Sustained26Weeks"), ("result", "InWork"), ("checkedOn", new DateOnly(2021, 12, 20))));
            AssertStatus(write == HttpStatusCode.OK ? HttpStatusCode.Redirect : write, post.StatusCode, $"{email} posting a check for a {lot} participant");
            Assert.Equal(write == HttpStatusCode.OK ? before.Checks + 1 : before.Checks, (await App.OutcomeRowsAsync(participant.Id)).Checks);
        }
    }

    [Fact]
    public async Task An_advisor_records_a_check_with_a_payslip_on_the_page_and_errors_show_a_summary_and_field_messages()
    {
        var participant = await App.ParticipantAsync("WH");
        using var api = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        await api.JobStartAsync(participant.Id, "2021-06-14");
        using var client = await App.SignInAsync(DemoUsers.Advisor("WH"));
        var url = $"/participants/{participant.Id}/sustainment-checks/new";

        var form = await client.GetPageAsync($"{url}?milestone=Sustained13Weeks");
        Assert.NotNull(form.QuerySelector("input[name=milestone][value=Sustained13Weeks][checked]"));
        Assert.Equal("multipart/form-data", form.QuerySelector("input[type=file]")!.Closest("form")!.GetAttribute("enctype"));
        var before = await App.OutcomeRowsAsync(participant.Id);

        var refused = await client.PostPageAsync(url, Form(("checkedOn", new DateOnly(2021, 9, 1))), Png, "payslip.pdf");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await client.ParseAsync(refused);
        var summary = page.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Select which check this is", summary, StringComparison.Ordinal);
        Assert.Contains("Select the result", summary, StringComparison.Ordinal);
        Assert.Contains("content is a PNG", summary, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#milestone-error"));
        Assert.NotNull(page.QuerySelector("#result-error"));
        Assert.NotNull(page.QuerySelector("#file-error"));
        Assert.Equal(before, await App.OutcomeRowsAsync(participant.Id));

        var early = await client.ParseAsync(await client.PostPageAsync(url, Form(("milestone", "Sustained13Weeks"), ("result", "InWork"), ("checkedOn", new DateOnly(2021, 9, 1)))));
        Assert.Contains("falls due on 13 September 2021", early.QuerySelector("#checkedOn-error")!.TextContent, StringComparison.Ordinal);

        var saved = await client.PostPageAsync(url, Form(("milestone", "Sustained13Weeks"), ("result", "InWork"), ("checkedOn", new DateOnly(2021, 9, 14)),
            ("notes", "Payslip seen"), ("kind", "Payslip")), Pdf, "payslip.pdf");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/participants/{participant.Id}#sustainment", saved.Headers.Location?.OriginalString);
        var details = await client.GetPageAsync($"/participants/{participant.Id}");
        Assert.Contains("Sustained 13 weeks achieved on 13 September 2021", details.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sustained 13 weeks", details.QuerySelector("#milestones")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("payslip.pdf", details.QuerySelector("#sustainment-checks")!.TextContent, StringComparison.Ordinal);
        var rows = await App.OutcomeRowsAsync(participant.Id);
        Assert.Equal((1, before.Evidence + 1), (rows.Checks, rows.Evidence));
    }

    [Fact]
    public async Task The_worklist_lists_overdue_and_soon_due_checks_earliest_first_with_days_overdue()
    {
        var (overdue, soon, later, unassigned) = await WorklistCaseloadAsync();
        using var advisor = await App.ApiClientAsync(DemoUsers.Advisor("CN"));

        var list = Items(await advisor.GetJsonAsync("/api/v1/sustainment-checks/due?lotCode=CN"));
        var ours = list.Where(c => new[] { overdue, soon, later, unassigned }.Any(p => p.Id.ToString() == c.GetProperty("participantId").GetString())).ToList();
        Assert.Equal([overdue.Reference, soon.Reference, unassigned.Reference], ours.Select(c => c.GetProperty("participantReference").GetString()));
        Assert.Equal(["Overdue", "Upcoming", "Upcoming"], ours.Select(c => c.GetProperty("status").GetString()));
        Assert.Equal(5, ours[0].GetProperty("daysOverdue").GetInt32());
        Assert.Equal($"{overdue.FirstName} {overdue.LastName}", ours[0].GetProperty("participantName").GetString());
        Assert.Equal("Sustained13Weeks", ours[0].GetProperty("milestone").GetString());
        Assert.Equal(Iso(Today.AddDays(-5)), ours[0].GetProperty("dueOn").GetString());
        var dues = list.Select(c => c.GetProperty("dueOn").GetString()).ToList();
        Assert.Equal(dues.Order(StringComparer.Ordinal), dues);

        var wider = Items(await advisor.GetJsonAsync("/api/v1/sustainment-checks/due?lotCode=CN&within=60"));
        Assert.Contains(wider, c => c.GetProperty("participantId").GetString() == later.Id.ToString());

        var advisorId = await App.QueryAsync(db => db.Users.Where(u => u.Email == DemoUsers.Advisor("CN")).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken));
        var own = Items(await advisor.GetJsonAsync($"/api/v1/sustainment-checks/due?advisorId={advisorId}"));
        Assert.DoesNotContain(own, c => c.GetProperty("participantId").GetString() == unassigned.Id.ToString());
        Assert.Contains(own, c => c.GetProperty("participantId").GetString() == overdue.Id.ToString());

        // Recorded, a check leaves the list.
        await advisor.CheckedAsync(overdue.Id, "Sustained13Weeks", Iso(Today));
        Assert.DoesNotContain(Items(await advisor.GetJsonAsync("/api/v1/sustainment-checks/due?lotCode=CN")), c => c.GetProperty("participantId").GetString() == overdue.Id.ToString());
    }

    [Theory]
    [InlineData("within=-1", "within", "from 0 to 366")]
    [InlineData("within=400", "within", "from 0 to 366")]
    [InlineData("lotCode=XX", "lotCode", "no lot with the code 'XX'")]
    public async Task A_bad_worklist_filter_is_refused_naming_it(string query, string field, string message)
    {
        using var client = await App.ApiClientAsync(DemoUsers.Manager("CN"));
        var (status, problem) = await client.SendJsonAsync(HttpMethod.Get, $"/api/v1/sustainment-checks/due?{query}", null);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertFieldError(problem, field, message);
    }

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task The_worklist_answers_each_role_with_their_own_lots_only(string email)
    {
        var (overdue, _, _, _) = await WorklistCaseloadAsync();
        using var client = await App.ApiClientAsync(email);
        using var pages = await App.SignInAsync(email);
        var lotScoped = email != DemoUsers.Commissioner;

        var (status, body) = await client.SendJsonAsync(HttpMethod.Get, "/api/v1/sustainment-checks/due", null);
        var page = await pages.GetAsync("/sustainment-checks?advisor=&lot=CN");
        if (email == DemoUsers.Evaluator)
        {
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
            return;
        }

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(body.GetProperty("total").GetInt32() >= Items(body).Count);
        Assert.Equal(!lotScoped, (await pages.ParseAsync(page)).QuerySelector($"#checks-due a[href='/participants/{overdue.Id}#sustainment']") is not null);

        // Naming a lot the user cannot see shows nothing of it; its own users and commissioners see its checks.
        var (cnStatus, cn) = await client.SendJsonAsync(HttpMethod.Get, "/api/v1/sustainment-checks/due?lotCode=CN&pageSize=500", null);
        Assert.Equal(HttpStatusCode.OK, cnStatus);
        Assert.Equal(!lotScoped, Items(cn).Any(c => c.GetProperty("participantId").GetString() == overdue.Id.ToString()));
        Assert.Equal(!lotScoped, Items(cn).Count > 0);
    }

    [Fact]
    public async Task The_worklist_page_starts_an_advisor_on_their_own_caseload_and_links_to_record_each_check()
    {
        var (overdue, soon, _, unassigned) = await WorklistCaseloadAsync();
        using var client = await App.SignInAsync(DemoUsers.Advisor("CN"));

        var page = await client.GetPageAsync("/sustainment-checks");
        Assert.Equal("Your sustainment checks due", page.QuerySelector("h1")!.TextContent);
        var table = page.QuerySelector("#checks-due")!;
        Assert.Contains(overdue.Reference, table.TextContent, StringComparison.Ordinal);
        Assert.Contains("5 days overdue", table.TextContent, StringComparison.Ordinal);
        Assert.Contains(soon.Reference, table.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(unassigned.Reference, table.TextContent, StringComparison.Ordinal);
        Assert.NotNull(table.QuerySelector($"a[href='/participants/{overdue.Id}/sustainment-checks/new?milestone=Sustained13Weeks']"));

        var lot = await client.GetPageAsync("/sustainment-checks?advisor=&within=60");
        Assert.Contains(unassigned.Reference, lot.QuerySelector("#checks-due")!.TextContent, StringComparison.Ordinal);

        var bad = await client.GetPageAsync("/sustainment-checks?within=soon");
        Assert.Contains("whole number", bad.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(bad.QuerySelector("#within-error"));

        using var commissioner = await App.SignInAsync(DemoUsers.Commissioner);
        var all = await commissioner.GetPageAsync("/sustainment-checks?lot=CN");
        Assert.Contains(overdue.Reference, all.QuerySelector("#checks-due")!.TextContent, StringComparison.Ordinal);
        Assert.Null(all.QuerySelector($"#checks-due a[href^='/participants/{overdue.Id}/sustainment-checks/new']"));
    }

    [Fact]
    public async Task The_worklist_for_a_lot_of_thousands_in_work_is_one_quick_request()
    {
        // 3,000 Glascote participants, each with a job start: a quarter have a 13-week check overdue.
        const int count = 3000;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Data.CcDbContext>();
            var ct = TestContext.Current.CancellationToken;
            var lot = await db.Lots.SingleAsync(l => l.Code == "GL", ct);
            var employer = new Data.Entities.Employer { Name = "Glascote Bulk Ltd", NormalisedName = "glascote bulk ltd", CreatedAt = DateTimeOffset.UtcNow };
            db.Employers.Add(employer);
            var first = (await db.Participants.Where(p => p.LotId == lot.Id).MaxAsync(p => (int?)p.Number, ct) ?? 0) + 1;
            for (var i = 0; i < count; i++)
            {
                var participant = new Data.Entities.Participant
                {
                    LotId = lot.Id,
                    Number = first + i,
                    Reference = $"GL-{first + i:D6}",
                    FirstName = "Bulk",
                    LastName = $"Person{i}",
                    Postcode = "B77 1AA",
                    DateOfBirth = new DateOnly(1980, 1, 1),
                    EmploymentStatus = Domain.People.EmploymentStatus.OutOfWork,
                    Cohort = Domain.Programme.Cohort.RapidProgression,
                    AgeBand = Domain.People.AgeBand.Age35To54,
                    RegisteredOn = Today.AddDays(-400),
                    PrivacyNoticeAcknowledged = true,
                    CreatedAt = DateTimeOffset.UtcNow,
                };
                db.Participants.Add(participant);
                // The rest worked a month about a year ago: every check of theirs fell after the job ended.
                var start = Today.AddDays(i % 4 == 0 ? -100 : -300 + (i % 50));
                db.JobStarts.Add(new Data.Entities.JobStart
                {
                    ParticipantId = participant.Id,
                    EmployerId = employer.Id,
                    JobTitle = "Picker",
                    StartDate = start,
                    EndDate = i % 4 == 0 ? null : start.AddDays(30),
                    WeeklyHours = 30m,
                    HourlyWage = 10m,
                    ContractType = Data.Entities.JobContractType.Permanent,
                    RecordedAt = DateTimeOffset.UtcNow,
                });
            }

            await db.SaveChangesAsync(ct);
        }

        using var manager = await App.ApiClientAsync(DemoUsers.Manager("GL"));
        await manager.GetJsonAsync("/api/v1/sustainment-checks/due?lotCode=GL&pageSize=1");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var page = await manager.GetJsonAsync("/api/v1/sustainment-checks/due?lotCode=GL");
        clock.Stop();

        Assert.Equal(count / 4, page.GetProperty("total").GetInt32());
        Assert.All(Items(page), c => Assert.Equal(9, c.GetProperty("daysOverdue").GetInt32()));
        TestContext.Current.TestOutputHelper?.WriteLine($"Checks due for {count} participants in work ({App.Kind}): {clock.ElapsedMilliseconds} ms");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"The worklist of {count} participants took {clock.ElapsedMilliseconds} ms");
    }

    /// <summary>Four Cannock North participants in work: 13-week checks 5 days overdue, due in 10 days (twice, one unassigned) and due in 40 days.</summary>
    private async Task<(Data.Entities.Participant Overdue, Data.Entities.Participant Soon, Data.Entities.Participant Later, Data.Entities.Participant Unassigned)> WorklistCaseloadAsync()
    {
        async Task<Data.Entities.Participant> InWorkAsync(int dueInDays, bool assigned = true)
        {
            var participant = await App.AddAsync("CN", p =>
            {
                p.RegisteredOn = Today.AddDays(-300);
                if (!assigned)
                {
                    p.AdvisorId = null;
                }
            });
            using var advisor = await App.ApiClientAsync(DemoUsers.Advisor("CN"));
            await advisor.JobStartAsync(participant.Id, Iso(Today.AddDays(dueInDays - 91)));
            return participant;
        }

        return (await InWorkAsync(-5), await InWorkAsync(10), await InWorkAsync(40), await InWorkAsync(10, assigned: false));
    }

    /// <summary>A job start with a 13-week check recorded in work with a PDF payslip, by the lot's own advisor.</summary>
    private async Task<(string CheckId, string EvidenceId)> SeedAsync(Guid participantId, string lot)
    {
        using var advisor = await App.ApiClientAsync(DemoUsers.Advisor(lot));
        await advisor.JobStartAsync(participantId, "2021-06-14");
        var checkId = (await advisor.CheckedAsync(participantId, "Sustained13Weeks", "2021-09-20")).GetProperty("id").GetString()!;
        var evidence = await TestClient.ReadJsonAsync(
            await advisor.UploadAsync($"/api/v1/participants/{participantId}/sustainment-checks/{checkId}/evidence", Pdf, "payslip.pdf"), HttpStatusCode.Created, "seed evidence");
        return (checkId, evidence.GetProperty("id").GetString()!);
    }
}
