using System.Net;
using System.Text.Json;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;
using static ConnectingCommunities.Web.Tests.Participants.Plan.PlanTestSupport;

namespace ConnectingCommunities.Web.Tests.Participants.Plan;

public sealed class ActionPlanTestsOnSqlite(SqliteApp fixture) : ActionPlanTests<SqliteApp>(fixture);

public sealed class ActionPlanTestsOnPostgres(PostgresApp fixture) : ActionPlanTests<PostgresApp>(fixture);

/// <summary>
/// Goals and actions of action plans: the catalogue by activity type, status moves, overdue, the
/// count of actions identified but not implemented, and who may see and change them. Each test
/// works on participants of its own; the summary test on a lot no other test here writes to.
/// </summary>
public abstract class ActionPlanTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private static readonly DateOnly Registered = new(2021, 3, 1);

    private TestApp App => fixture.App;

    public static TheoryData<string> Everyone => new([.. DemoUsers.OnePerRole, DemoUsers.Manager("SE"), DemoUsers.Advisor("SE")]);

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task The_action_plan_API_answers_each_role_and_lot(string email)
    {
        using var client = await App.ApiClientAsync(email);
        foreach (var lot in new[] { "WH", "SE" })
        {
            var participant = await App.ParticipantAsync(lot);
            var (goal, action) = await SeedPlanAsync(participant.Id, lot);
            var before = await App.PlanRowsAsync(participant.Id);
            var url = $"/api/v1/participants/{participant.Id}";

            var statuses = new Dictionary<string, HttpStatusCode>
            {
                ["GET goals"] = (await client.GetAsync($"{url}/goals")).StatusCode,
                ["GET goal"] = (await client.GetAsync($"{url}/goals/{goal}")).StatusCode,
                ["GET actions"] = (await client.GetAsync($"{url}/actions")).StatusCode,
                ["GET action"] = (await client.GetAsync($"{url}/actions/{action}")).StatusCode,
            };
            var writes = new Dictionary<string, HttpStatusCode>
            {
                ["POST goal"] = (await client.SendJsonAsync(HttpMethod.Post, $"{url}/goals", new { description = "Work in a warehouse", agreedOn = "2021-03-02" })).Status,
                ["PATCH goal"] = (await client.SendJsonAsync(HttpMethod.Patch, $"{url}/goals/{goal}", new { targetDate = "2021-12-01" })).Status,
                ["POST action"] = (await client.SendJsonAsync(HttpMethod.Post, $"{url}/actions", new { action = "tasterDay", identifiedOn = "2021-03-02" })).Status,
                ["PATCH action"] = (await client.SendJsonAsync(HttpMethod.Patch, $"{url}/actions/{action}", new { status = "Agreed" })).Status,
            };

            var (read, write) = Expected(email, lot);
            Assert.All(statuses, s => AssertStatus(read, s.Value, $"{email} {s.Key} of a {lot} participant"));
            Assert.All(writes, s => AssertStatus(
                write == HttpStatusCode.OK && s.Key.StartsWith("POST", StringComparison.Ordinal) ? HttpStatusCode.Created : write,
                s.Value, $"{email} {s.Key} of a {lot} participant"));
            var after = await App.PlanRowsAsync(participant.Id);
            Assert.Equal(write == HttpStatusCode.OK ? before with { Goals = before.Goals + 1, Actions = before.Actions + 1 } : before, after);
        }
    }

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task The_action_plan_pages_answer_each_role_and_lot(string email)
    {
        using var client = await App.SignInAsync(email);
        foreach (var lot in new[] { "WH", "SE" })
        {
            var participant = await App.ParticipantAsync(lot);
            var (goal, action) = await SeedPlanAsync(participant.Id, lot);
            var before = await App.PlanRowsAsync(participant.Id);
            var url = $"/participants/{participant.Id}/action-plan";

            var plan = await client.GetAsync(url);
            var pages = new Dictionary<string, HttpStatusCode>
            {
                ["add goal"] = (await client.GetAsync($"{url}/goals/new")).StatusCode,
                ["change goal"] = (await client.GetAsync($"{url}/goals/{goal}")).StatusCode,
                ["add action"] = (await client.GetAsync($"{url}/actions/new")).StatusCode,
                ["change action"] = (await client.GetAsync($"{url}/actions/{action}")).StatusCode,
            };
            var posts = new Dictionary<string, HttpStatusCode>
            {
                ["add goal"] = (await client.PostFormAsync($"{url}/goals/new", Form(("description", "Get a forklift licence"), ("agreedOn", Registered)), tokenFrom: "/")).StatusCode,
                ["add action"] = (await client.PostFormAsync($"{url}/actions/new", Form(("action", "cv"), ("status", "Identified"), ("identifiedOn", Registered)), tokenFrom: "/")).StatusCode,
                ["change action"] = (await client.PostFormAsync($"{url}/actions/{action}", Form(("status", "Agreed")), tokenFrom: "/")).StatusCode,
            };

            var (read, write) = Expected(email, lot);
            AssertStatus(read, plan.StatusCode, $"{email} action plan of a {lot} participant");
            Assert.All(pages, p => AssertStatus(write, p.Value, $"{email} {p.Key} page of a {lot} participant"));
            Assert.All(posts, p => AssertStatus(write == HttpStatusCode.OK ? HttpStatusCode.Redirect : write, p.Value, $"{email} {p.Key} for a {lot} participant"));
            if (write != HttpStatusCode.OK)
            {
                Assert.Equal(before, await App.PlanRowsAsync(participant.Id));
            }

            if (read == HttpStatusCode.OK)
            {
                var page = await client.ParseAsync(plan);
                Assert.Contains("Identify jobs that match skills", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
                Assert.Equal(write == HttpStatusCode.OK, page.QuerySelector($"a[href='{url}/actions/new']") is not null);
            }
        }
    }

    [Fact]
    public async Task Without_signing_in_the_API_answers_401_and_the_pages_send_people_to_sign_in()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = App.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/v1/participants/{participant.Id}/actions")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/action-plans/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participant.Id}/goals", new { description = "x" })).Status);
        var page = await client.GetAsync($"/participants/{participant.Id}/action-plan");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/sign-in", page.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_action_takes_its_activity_type_from_the_catalogue_and_moves_identified_agreed_completed()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var url = $"/api/v1/participants/{participant.Id}/actions";
        var (_, goal) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participant.Id}/goals",
            new { description = "A job in retail", agreedOn = "2021-03-01", targetDate = "2021-09-01" });

        var (created, action) = await client.SendJsonAsync(HttpMethod.Post, url,
            new { action = "cv", details = "Retail CV", status = "Identified", identifiedOn = "2021-03-01", dueOn = "2021-03-15", goalId = goal.GetProperty("id").GetString() });
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal("InformationAdviceGuidance", action.GetProperty("activityType").GetString());
        Assert.Equal("Identified", action.GetProperty("status").GetString());
        Assert.True(action.GetProperty("isNotImplemented").GetBoolean());
        Assert.Equal(goal.GetProperty("id").GetString(), action.GetProperty("goalId").GetString());
        var id = action.GetProperty("id").GetString();

        var (agreedStatus, agreed) = await client.SendJsonAsync(HttpMethod.Patch, $"{url}/{id}",
            new { status = "Agreed", reason = "Agreed at the second meeting", version = action.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, agreedStatus);
        Assert.Equal("Agreed", agreed.GetProperty("status").GetString());
        Assert.Equal(Iso(Today), agreed.GetProperty("agreedOn").GetString());
        Assert.False(agreed.GetProperty("isNotImplemented").GetBoolean());

        var (completedStatus, completed) = await client.SendJsonAsync(HttpMethod.Patch, $"{url}/{id}",
            new { status = "Completed", completedOn = Iso(Today), version = agreed.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, completedStatus);
        Assert.Equal("Completed", completed.GetProperty("status").GetString());
        Assert.Equal(Iso(Today), completed.GetProperty("completedOn").GetString());
        Assert.False(completed.GetProperty("isOverdue").GetBoolean());

        var (backStatus, back) = await client.SendJsonAsync(HttpMethod.Patch, $"{url}/{id}", new { status = "Agreed" });
        Assert.Equal(HttpStatusCode.BadRequest, backStatus);
        AssertFieldError(back, "status", "An action that is completed cannot be moved to Agreed. Allowed values: Completed");
        Assert.Equal("Completed", (await client.GetJsonAsync($"{url}/{id}")).GetProperty("status").GetString());

        var audit = await App.AuditAsync(participant.Id);
        var moved = audit.First(a => a.EntityType == "PlanAction" && a.Action == "updated");
        Assert.Equal("Agreed at the second meeting", moved.Reason);
        Assert.Equal(DemoUsers.Advisor("WH"), moved.UserName);
    }

    public static TheoryData<string, object, string?, string?> StatusMoves => new()
    {
        { "Identified", new { status = "NotDone", notDoneReason = "Found work before the course started" }, "NotDone", null },
        { "Identified", new { status = "Completed" }, "Completed", null },
        { "Agreed", new { status = "NotDone" }, null, "notDoneReason:Enter why the action was not done" },
        { "Agreed", new { status = "Identified" }, null, "status:Allowed values: Agreed, Completed, NotDone" },
        { "Completed", new { status = "NotDone", notDoneReason = "x" }, null, "status:Allowed values: Completed" },
        { "NotDone", new { status = "Completed" }, null, "status:Allowed values: NotDone" },
        { "Identified", new { status = "Done" }, null, "status:Allowed values: Identified, Agreed, Completed, NotDone" },
        { "Identified", new { status = "Agreed", completedOn = "2021-03-05" }, null, "completedOn:Only a completed action" },
        { "Identified", new { status = "Agreed", notDoneReason = "x" }, null, "notDoneReason:Only an action not done" },
        { "Identified", new { status = "Completed", completedOn = "2099-01-01" }, null, "completedOn:today or in the past" },
        { "Identified", new { status = "Completed", completedOn = "2021-02-01" }, null, "completedOn:on or after the day they registered, 1 March 2021" },
        { "Identified", new { status = "Agreed", agreedOn = "2099-01-01" }, null, "agreedOn:today or in the past" },
        { "Identified", new { dueOn = "2021-02-20" }, null, "dueOn:on or after the day the action was identified, 1 March 2021" },
        { "Agreed", new { status = "Completed", completedOn = "2021-03-01", agreedOn = "2021-03-05" }, null, "completedOn:on or after the day the action was agreed, 5 March 2021" },
    };

    [Theory]
    [MemberData(nameof(StatusMoves))]
    public async Task Status_moves_are_allowed_forward_only_and_a_refused_one_changes_nothing(string from, object change, string? to, string? error)
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var url = $"/api/v1/participants/{participant.Id}/actions";
        var body = new Dictionary<string, string> { ["action"] = "volunteering", ["status"] = from, ["identifiedOn"] = "2021-03-01" };
        if (from == "NotDone")
        {
            body["notDoneReason"] = "No placements";
        }
        else if (from == "Completed")
        {
            body["completedOn"] = "2021-03-10";
        }

        var (_, action) = await client.SendJsonAsync(HttpMethod.Post, url, body);
        Assert.Equal(from, action.GetProperty("status").GetString());
        var before = await client.GetJsonAsync($"{url}/{action.GetProperty("id").GetString()}");

        var (status, answer) = await client.SendJsonAsync(HttpMethod.Patch, $"{url}/{action.GetProperty("id").GetString()}", change);

        if (error is null)
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(to, answer.GetProperty("status").GetString());
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, status);
            var (field, message) = (error[..error.IndexOf(':', StringComparison.Ordinal)], error[(error.IndexOf(':', StringComparison.Ordinal) + 1)..]);
            AssertFieldError(answer, field, message);
            var after = await client.GetJsonAsync($"{url}/{action.GetProperty("id").GetString()}");
            Assert.Equal(before.ToString(), after.ToString());
        }
    }

    public static TheoryData<string, string, string> BadActions => new()
    {
        { """{"action":"writeCv"}""", "action", "'writeCv' is not an action code. Allowed values: careersAdvice, identifyMatchingJobs, cv" },
        { """{}""", "action", "Select the action. Allowed values: careersAdvice" },
        { """{"action":"otherGuidance"}""", "details", "needs details" },
        { """{"action":"otherBrokerage","details":"   "}""", "details", "needs details" },
        { """{"action":"cv","status":"Started"}""", "status", "Allowed values: Identified, Agreed, Completed, NotDone" },
        { """{"action":"cv","identifiedOn":"2021-02-28"}""", "identifiedOn", "on or after the day they registered, 1 March 2021" },
        { """{"action":"cv","identifiedOn":"2099-01-01"}""", "identifiedOn", "today or in the past" },
        { """{"action":"cv","identifiedOn":"2021-03-10","dueOn":"2021-03-09"}""", "dueOn", "on or after the day the action was identified, 10 March 2021" },
        { """{"action":"cv","dueOn":"soon"}""", "dueOn", "YYYY-MM-DD" },
        { """{"action":"cv","status":"Completed","identifiedOn":"2021-03-01","completedOn":"2099-01-01"}""", "completedOn", "today or in the past" },
        { """{"action":"cv","status":"Agreed","identifiedOn":"2021-03-05","agreedOn":"2021-03-04"}""", "agreedOn", "on or after the day the action was identified, 5 March 2021" },
        { """{"action":"cv","status":"NotDone"}""", "notDoneReason", "Enter why" },
        { """{"action":"cv","goalId":"0195e7c0-0000-7000-8000-000000000000"}""", "goalId", "one of this participant's goals" },
    };

    [Theory]
    [MemberData(nameof(BadActions))]
    public async Task A_bad_action_gives_a_field_error_and_writes_nothing(string body, string field, string message)
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var before = await App.PlanRowsAsync(participant.Id);

        var (status, problem) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participant.Id}/actions", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertFieldError(problem, field, message);
        Assert.Equal(before, await App.PlanRowsAsync(participant.Id));
    }

    [Fact]
    public async Task A_goal_of_another_participant_cannot_be_linked()
    {
        var participant = await App.ParticipantAsync("WH");
        var other = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var (_, goal) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{other.Id}/goals", new { description = "Theirs" });

        var (status, problem) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participant.Id}/actions",
            new { action = "cv", goalId = goal.GetProperty("id").GetString() });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertFieldError(problem, "goalId", "one of this participant's goals");
        Assert.Equal(0, (await App.PlanRowsAsync(participant.Id)).Actions);
    }

    [Fact]
    public async Task Goals_are_added_and_changed_with_a_reason_and_a_stale_version_is_a_conflict()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Manager("WH"));
        var url = $"/api/v1/participants/{participant.Id}/goals";

        var (created, goal) = await client.SendJsonAsync(HttpMethod.Post, url, new { description = "  A job as a care worker ", agreedOn = "2021-03-02", targetDate = "2021-10-01" });
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal("A job as a care worker", goal.GetProperty("description").GetString());
        Assert.False(goal.GetProperty("isAchieved").GetBoolean());
        var id = goal.GetProperty("id").GetString();
        var version = goal.GetProperty("version").GetInt32();

        var (changed, achieved) = await client.SendJsonAsync(HttpMethod.Patch, $"{url}/{id}", new { achievedOn = "2021-06-01", reason = "Started at a care home", version });
        var (stale, conflict) = await client.SendJsonAsync(HttpMethod.Patch, $"{url}/{id}", new { description = "Something else", version });
        var (early, earlyProblem) = await client.SendJsonAsync(HttpMethod.Patch, $"{url}/{id}", new { targetDate = "2021-03-01" });
        var (future, futureProblem) = await client.SendJsonAsync(HttpMethod.Patch, $"{url}/{id}", new { achievedOn = "2099-01-01" });
        var (blank, blankProblem) = await client.SendJsonAsync(HttpMethod.Post, url, new { description = " " });

        Assert.Equal(HttpStatusCode.OK, changed);
        Assert.True(achieved.GetProperty("isAchieved").GetBoolean());
        Assert.Equal("2021-10-01", achieved.GetProperty("targetDate").GetString());
        Assert.Equal(HttpStatusCode.Conflict, stale);
        Assert.Contains("changed", conflict.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.BadRequest, early);
        AssertFieldError(earlyProblem, "targetDate", "on or after the day the goal was agreed, 2 March 2021");
        Assert.Equal(HttpStatusCode.BadRequest, future);
        AssertFieldError(futureProblem, "achievedOn", "today or in the past");
        Assert.Equal(HttpStatusCode.BadRequest, blank);
        AssertFieldError(blankProblem, "description", "Enter the goal");
        var readBack = await client.GetJsonAsync($"{url}/{id}");
        Assert.Equal("A job as a care worker", readBack.GetProperty("description").GetString());
        Assert.Equal("2021-06-01", readBack.GetProperty("achievedOn").GetString());
        Assert.Equal(1, (await App.PlanRowsAsync(participant.Id)).Goals);
        var audit = await App.AuditAsync(participant.Id);
        Assert.Equal("Started at a care home", audit.Single(a => a.EntityType == "Goal" && a.Action == "updated").Reason);
    }

    [Fact]
    public async Task A_stale_action_version_is_a_conflict()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var url = $"/api/v1/participants/{participant.Id}/actions";
        var (_, action) = await client.SendJsonAsync(HttpMethod.Post, url, new { action = "jobFair", identifiedOn = "2021-03-01" });
        var id = action.GetProperty("id").GetString();
        var version = action.GetProperty("version").GetInt32();
        await client.SendJsonAsync(HttpMethod.Patch, $"{url}/{id}", new { dueOn = "2021-04-01", version });

        var (status, _) = await client.SendJsonAsync(HttpMethod.Patch, $"{url}/{id}", new { status = "NotDone", notDoneReason = "Cancelled", version });

        Assert.Equal(HttpStatusCode.Conflict, status);
        var readBack = await client.GetJsonAsync($"{url}/{id}");
        Assert.Equal("Identified", readBack.GetProperty("status").GetString());
        Assert.Equal("2021-04-01", readBack.GetProperty("dueOn").GetString());
    }

    [Fact]
    public async Task Someone_who_left_the_programme_gets_no_new_actions_or_goals()
    {
        var participant = await App.LeftParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        using var pages = await App.SignInAsync(DemoUsers.Advisor("WH"));

        var (actionStatus, actionProblem) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participant.Id}/actions", new { action = "cv" });
        var (goalStatus, goalProblem) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participant.Id}/goals", new { description = "A job" });
        var page = await pages.GetPageAsync($"/participants/{participant.Id}/action-plan");
        var form = await pages.ParseAsync(await pages.PostFormAsync($"/participants/{participant.Id}/action-plan/actions/new", Form(("action", "cv"), ("status", "Identified"), ("identifiedOn", Registered))));

        Assert.Equal(HttpStatusCode.BadRequest, actionStatus);
        AssertFieldError(actionProblem, "action", "left the programme on 1 May 2021");
        Assert.Equal(HttpStatusCode.BadRequest, goalStatus);
        AssertFieldError(goalProblem, "description", "left the programme on 1 May 2021");
        Assert.Equal((0, 0), ((await App.PlanRowsAsync(participant.Id)).Goals, (await App.PlanRowsAsync(participant.Id)).Actions));
        Assert.Contains("left the programme on 1 May 2021", page.QuerySelector(".govuk-inset-text")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"a[href='/participants/{participant.Id}/action-plan/actions/new']"));
        Assert.Contains("left the programme on 1 May 2021", form.QuerySelector("#action-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_actions_past_their_due_date_are_overdue_in_the_API_and_on_the_page()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        using var pages = await App.SignInAsync(DemoUsers.Advisor("WH"));
        var url = $"/api/v1/participants/{participant.Id}/actions";
        var yesterday = Iso(Today.AddDays(-1));
        var (_, late) = await client.SendJsonAsync(HttpMethod.Post, url, new { action = "workExperience", status = "Agreed", identifiedOn = "2021-03-01", dueOn = "2021-04-01" });
        var (_, dueToday) = await client.SendJsonAsync(HttpMethod.Post, url, new { action = "tasterDay", identifiedOn = "2021-03-01", dueOn = Iso(Today) });
        var (_, done) = await client.SendJsonAsync(HttpMethod.Post, url, new { action = "cv", status = "Completed", identifiedOn = "2021-03-01", dueOn = "2021-03-05", completedOn = "2021-03-10" });
        var (_, yesterdays) = await client.SendJsonAsync(HttpMethod.Post, url, new { action = "referralHousing", identifiedOn = "2021-03-01", dueOn = yesterday });

        Assert.True(late.GetProperty("isOverdue").GetBoolean());
        Assert.False(dueToday.GetProperty("isOverdue").GetBoolean());
        Assert.False(done.GetProperty("isOverdue").GetBoolean());
        Assert.True(yesterdays.GetProperty("isOverdue").GetBoolean());
        var page = await pages.GetPageAsync($"/participants/{participant.Id}/action-plan");
        Assert.Equal("Overdue", page.QuerySelector($"#action-{late.GetProperty("id").GetString()} .govuk-tag--red")!.TextContent.Trim());
        Assert.Contains("by 1 day", page.QuerySelector($"#action-{yesterdays.GetProperty("id").GetString()}")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"#action-{dueToday.GetProperty("id").GetString()} .govuk-tag--red"));
        Assert.Null(page.QuerySelector($"#action-{done.GetProperty("id").GetString()} .govuk-tag--red"));
        Assert.Equal("2", page.QuerySelector("#overdue")!.TextContent.Trim());
        // Identified (taster day, housing referral): not implemented; agreed and completed: not.
        Assert.StartsWith("2", page.QuerySelector("#not-implemented")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_summary_counts_actions_by_status_with_identified_but_not_implemented_and_overdue()
    {
        // Glascote: no other test in this class writes actions there.
        using var commissioner = await App.ApiClientAsync(DemoUsers.Commissioner);
        var before = await commissioner.GetJsonAsync("/api/v1/action-plans/summary?lotCode=GL");
        var participant = await App.ParticipantAsync("GL");
        using var advisor = await App.ApiClientAsync(DemoUsers.Advisor("GL"));
        var url = $"/api/v1/participants/{participant.Id}/actions";
        object[] actions =
        [
            new { action = "cv", identifiedOn = "2021-03-01" },
            new { action = "tasterDay", identifiedOn = "2021-03-01", dueOn = "2021-04-01" },
            new { action = "volunteering", status = "Agreed", identifiedOn = "2021-03-01", dueOn = "2021-04-01" },
            new { action = "guaranteedInterview", status = "Agreed", identifiedOn = "2021-03-01", dueOn = Iso(Today.AddDays(30)) },
            new { action = "skillsTraining", status = "Completed", identifiedOn = "2021-03-01", completedOn = "2021-03-20", dueOn = "2021-03-10" },
            new { action = "referralEsol", status = "NotDone", identifiedOn = "2021-03-01", notDoneReason = "No course places", dueOn = "2021-03-10" },
            new { action = "otherNetworks", details = "Allotment group", status = "NotDone", identifiedOn = "2021-03-01", notDoneReason = "Moved" },
        ];
        foreach (var action in actions)
        {
            Assert.Equal(HttpStatusCode.Created, (await advisor.SendJsonAsync(HttpMethod.Post, url, action)).Status);
        }

        var after = await commissioner.GetJsonAsync("/api/v1/action-plans/summary?lotCode=gl");

        int Delta(string field) => after.GetProperty(field).GetInt32() - before.GetProperty(field).GetInt32();
        Assert.Equal("GL", after.GetProperty("lotCode").GetString());
        Assert.Equal(Iso(Today), after.GetProperty("asOf").GetString());
        Assert.Equal((2, 2, 1, 2, 7), (Delta("identified"), Delta("agreed"), Delta("completed"), Delta("notDone"), Delta("total")));
        Assert.Equal(4, Delta("notImplemented"));
        Assert.Equal(2, Delta("overdue"));
        var lots = after.GetProperty("lots").EnumerateArray().ToList();
        Assert.Equal(["GL"], lots.Select(l => l.GetProperty("lotCode").GetString()));
        Assert.Equal(after.GetProperty("notImplemented").GetInt32(), lots[0].GetProperty("notImplemented").GetInt32());

        var all = await commissioner.GetJsonAsync("/api/v1/action-plans/summary");
        Assert.Equal(JsonValueKind.Null, all.GetProperty("lotCode").ValueKind);
        Assert.Equal(9, all.GetProperty("lots").GetArrayLength());
        Assert.Equal(all.GetProperty("lots").EnumerateArray().Sum(l => l.GetProperty("total").GetInt32()), all.GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task The_summary_is_scoped_to_the_lots_each_role_may_see(string email)
    {
        using var client = await App.ApiClientAsync(email);

        var all = await client.GetJsonAsync("/api/v1/action-plans/summary");
        var (seStatus, se) = await client.SendJsonAsync(HttpMethod.Get, "/api/v1/action-plans/summary?lotCode=SE", null);
        var (unknownStatus, unknown) = await client.SendJsonAsync(HttpMethod.Get, "/api/v1/action-plans/summary?lotCode=ZZ", null);

        var lots = all.GetProperty("lots").EnumerateArray().Select(l => l.GetProperty("lotCode").GetString()!).ToList();
        var own = email.Contains(".wh@", StringComparison.Ordinal) ? "WH" : email.Contains(".se@", StringComparison.Ordinal) ? "SE" : null;
        Assert.Equal(own is null ? DemoUsers.LotCodes.Order().ToList() : [own], lots);
        Assert.Equal(own is null or "SE" ? HttpStatusCode.OK : HttpStatusCode.BadRequest, seStatus);
        if (own == "WH")
        {
            // Another lot is answered as a lot that does not exist, naming only the lots this user can see.
            AssertFieldError(se, "lotCode", "'SE' is not a lot you can see. Allowed values: WH");
        }

        Assert.Equal(HttpStatusCode.BadRequest, unknownStatus);
        AssertFieldError(unknown, "lotCode", "is not a lot you can see");
        Assert.DoesNotContain("firstName", all.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_advisor_builds_a_plan_on_the_pages_grouped_by_activity_type()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.SignInAsync(DemoUsers.Advisor("WH"));
        var plan = $"/participants/{participant.Id}/action-plan";

        var goalForm = await client.GetPageAsync($"{plan}/goals/new");
        Assert.NotNull(goalForm.QuerySelector("#agreedOn"));
        var goal = await client.PostFormAsync($"{plan}/goals/new",
            Form(("description", "Work in a warehouse"), ("agreedOn", Registered), ("targetDate", new DateOnly(2021, 9, 1))));
        Assert.Equal(HttpStatusCode.Redirect, goal.StatusCode);

        var actionForm = await client.GetPageAsync($"{plan}/actions/new");
        var groups = actionForm.QuerySelectorAll("#action optgroup").Select(g => g.GetAttribute("label")).ToList();
        Assert.Equal(["Information, advice and guidance", "Skills development", "Partnership referral", "Networks and social capital", "Employer activity", "Job brokerage"], groups);
        Assert.Equal("Identify jobs that match skills", actionForm.QuerySelector("#action optgroup option[value=identifyMatchingJobs]")!.TextContent);
        var goalId = actionForm.QuerySelector("#goalId option:not([value=''])")!.GetAttribute("value")!;

        var first = await client.PostFormAsync($"{plan}/actions/new",
            Form(("action", "identifyMatchingJobs"), ("status", "Agreed"), ("identifiedOn", Registered), ("dueOn", new DateOnly(2021, 3, 20)), ("goalId", goalId)));
        var second = await client.PostFormAsync($"{plan}/actions/new",
            Form(("action", "vocationalQualification"), ("details", "Forklift licence"), ("status", "Identified"), ("identifiedOn", Registered)));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        var page = await client.GetPageAsync(plan);
        Assert.Contains("Vocational qualification", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Work in a warehouse", page.QuerySelector("#goals")!.TextContent, StringComparison.Ordinal);
        var iag = page.QuerySelector("table[data-activity-type=InformationAdviceGuidance]")!;
        var skills = page.QuerySelector("table[data-activity-type=SkillsDevelopment]")!;
        Assert.Contains("Information, advice and guidance", iag.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Identify jobs that match skills", iag.TextContent, StringComparison.Ordinal);
        Assert.Contains("Work in a warehouse", iag.TextContent, StringComparison.Ordinal);
        Assert.Equal("Overdue", iag.QuerySelector(".govuk-tag--red")!.TextContent.Trim());
        Assert.Contains("Forklift licence", skills.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("1", page.QuerySelector("#not-implemented")!.TextContent.Trim(), StringComparison.Ordinal);

        // Change the status of the identified action to not done, with the reason and why it changed.
        var change = skills.QuerySelector("a[href*='/actions/']")!.GetAttribute("href")!;
        var changeForm = await client.GetPageAsync(change);
        Assert.Equal(["Identified", "Agreed", "Completed", "NotDone"], changeForm.QuerySelectorAll("input[name=status]").Select(i => i.GetAttribute("value")));
        var refused = await client.ParseAsync(await client.PostFormAsync(change, Form(("status", "NotDone"), ("version", "0"))));
        Assert.Equal(["#notDoneReason"], refused.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")));
        var saved = await client.PostFormAsync(change, Form(
            ("status", "NotDone"), ("notDoneReason", "Course cancelled"), ("reason", "Provider withdrew the course"), ("version", "0")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var after = await client.GetPageAsync(plan);
        var skillsAfter = after.QuerySelector("table[data-activity-type=SkillsDevelopment]")!;
        Assert.Contains("Not done", skillsAfter.TextContent, StringComparison.Ordinal);
        Assert.Contains("Course cancelled", skillsAfter.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("1", after.QuerySelector("#not-implemented")!.TextContent.Trim(), StringComparison.Ordinal);
        var closedForm = await client.GetPageAsync(change);
        Assert.Equal(["NotDone"], closedForm.QuerySelectorAll("input[name=status]").Select(i => i.GetAttribute("value")));
        var audit = await App.AuditAsync(participant.Id);
        Assert.Equal("Provider withdrew the course", audit.Single(a => a.EntityType == "PlanAction" && a.Action == "updated").Reason);
        Assert.Contains(audit, a => a.Action == "viewed" && a.Summary == "action plan");
    }

    [Fact]
    public async Task The_add_action_page_shows_each_error_by_its_field_and_writes_nothing()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.SignInAsync(DemoUsers.Advisor("WH"));
        var url = $"/participants/{participant.Id}/action-plan/actions/new";

        var response = await client.PostFormAsync(url, new Dictionary<string, string>
        {
            ["action"] = "otherSkills",
            ["status"] = "Identified",
            ["identifiedOn.Day"] = "1",
            ["identifiedOn.Month"] = "3",
            ["identifiedOn.Year"] = "2021",
            ["dueOn.Day"] = "1",
            ["dueOn.Month"] = "13",
            ["dueOn.Year"] = "2021",
        });
        var unknown = await client.ParseAsync(await client.PostFormAsync(url, Form(("action", "knitting"), ("status", "Identified"), ("identifiedOn", Registered))));

        var page = await client.ParseAsync(response);
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        Assert.Equal(["#details", "#dueOn"], page.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Equal("otherSkills", page.QuerySelector("#action option[selected]")!.GetAttribute("value"));
        Assert.Contains("not an action code", unknown.QuerySelector("#action-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("govuk-select--error", unknown.QuerySelector("#action")!.ClassName, StringComparison.Ordinal);
        Assert.Equal(0, (await App.PlanRowsAsync(participant.Id)).Actions);
    }

    [Fact]
    public async Task An_unknown_participant_goal_or_action_is_404()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        using var pages = await App.SignInAsync(DemoUsers.Advisor("WH"));
        var url = $"/api/v1/participants/{participant.Id}";

        await client.GetJsonAsync($"/api/v1/participants/{Guid.NewGuid()}/actions", HttpStatusCode.NotFound);
        await client.GetJsonAsync($"{url}/actions/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        await client.GetJsonAsync($"{url}/goals/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendJsonAsync(HttpMethod.Patch, $"{url}/actions/{Guid.NewGuid()}", new { status = "Agreed" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendJsonAsync(HttpMethod.Patch, $"{url}/goals/{Guid.NewGuid()}", new { description = "x" })).Status);
        await pages.GetPageAsync($"/participants/{Guid.NewGuid()}/action-plan", HttpStatusCode.NotFound);
        await pages.GetPageAsync($"/participants/{participant.Id}/action-plan/actions/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        await pages.GetPageAsync($"/participants/{participant.Id}/action-plan/goals/{Guid.NewGuid()}", HttpStatusCode.NotFound);
    }

    /// <summary>A goal and an identified action put in through the API as the lot's advisor.</summary>
    private async Task<(string Goal, string Action)> SeedPlanAsync(Guid participantId, string lot)
    {
        using var client = await App.ApiClientAsync(DemoUsers.Advisor(lot));
        var (goalStatus, goal) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participantId}/goals",
            new { description = "A job near home", agreedOn = "2021-03-01" });
        var (actionStatus, action) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participantId}/actions",
            new { action = "identifyMatchingJobs", identifiedOn = "2021-03-01", goalId = goal.GetProperty("id").GetString() });
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (goalStatus, actionStatus));
        return (goal.GetProperty("id").GetString()!, action.GetProperty("id").GetString()!);
    }
}
