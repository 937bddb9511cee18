using System.Net;
using System.Text.Json;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Tests.Payments;

public sealed class PaymentRunsTestsOnSqlite(SqliteApp fixture) : PaymentRunsTests<SqliteApp>(fixture);

public sealed class PaymentRunsTestsOnPostgres(PostgresApp fixture) : PaymentRunsTests<PostgresApp>(fixture);

/// <summary>
/// Payment runs through the API over a real database. Every run pays everything due, so each test
/// works with a provider of its own, picks its own provider's run out of the response, and leaves
/// nothing approved behind for the next test.
/// </summary>
public abstract class PaymentRunsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task A_run_pays_each_approved_line_once_and_a_second_run_finds_nothing_to_pay()
    {
        var provider = await App.AddProviderAsync();
        var approved = await App.AddClaimAsync("WH", provider, "2021-03", ClaimLineStatus.Approved, 889m, 400m);
        var submitted = await App.AddClaimAsync("WH", provider, "2021-03", ClaimLineStatus.Submitted, 300m);
        var rejected = await App.AddClaimAsync("WH", provider, "2021-03", ClaimLineStatus.Rejected, 300m);
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);

        var (status, body) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/payment-runs", new { period = "2021-04" });

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("2021-04", body.GetProperty("period").GetString());
        var run = RunOf(body, provider);
        Assert.Matches("^PAY-2021-04-[0-9]{4}$", run.GetProperty("reference").GetString());
        Assert.Equal("2021-04", run.GetProperty("period").GetString());
        Assert.Equal(1289m, run.GetProperty("grossPayments").GetDecimal());
        Assert.Equal(0m, run.GetProperty("recoveries").GetDecimal());
        Assert.Equal(0m, run.GetProperty("broughtForward").GetDecimal());
        Assert.Equal(1289m, run.GetProperty("total").GetDecimal());
        Assert.Equal(0m, run.GetProperty("carriedForward").GetDecimal());
        Assert.Equal(2, run.GetProperty("lineCount").GetInt32());
        foreach (var line in approved)
        {
            Assert.Equal(ClaimLineStatus.Paid, (await App.LineAsync(line.LineId)).Status);
            Assert.Equal(1, await App.RunLinesAsync(line.LineId, PaymentLineKind.Payment));
        }

        Assert.Equal(ClaimLineStatus.Submitted, (await App.LineAsync(submitted[0].LineId)).Status);
        Assert.Equal(ClaimLineStatus.Rejected, (await App.LineAsync(rejected[0].LineId)).Status);

        var detail = await client.GetJsonAsync($"/api/v1/payment-runs/{run.GetProperty("id").GetString()}");
        Assert.Equal(1289m, detail.GetProperty("total").GetDecimal());
        Assert.Equal("Demo Commissioner", detail.GetProperty("createdBy").GetString());
        Assert.False(detail.TryGetProperty("payments", out _));
        Assert.False(detail.TryGetProperty("recoveryLines", out _));
        var lines = detail.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal("Payment", l.GetProperty("kind").GetString()));
        Assert.Equal([400m, 889m], lines.Select(l => l.GetProperty("amount").GetDecimal()).Order());
        var first = lines.Single(l => l.GetProperty("amount").GetDecimal() == 889m);
        Assert.Equal(approved[0].LineId.ToString(), first.GetProperty("claimLineId").GetString());
        Assert.Equal(approved[0].ClaimReference, first.GetProperty("claimReference").GetString());
        Assert.Equal("WH", first.GetProperty("lotCode").GetString());
        Assert.Equal(approved[0].ParticipantReference, first.GetProperty("participantReference").GetString());
        Assert.Equal("JobOutcome", first.GetProperty("milestone").GetString());
        Assert.Equal("2021-03-28", first.GetProperty("milestoneDate").GetString());
        Assert.Equal("HardestToHelp", first.GetProperty("cohort").GetString());
        Assert.Contains("\"amount\":889.00", JsonSerializer.Serialize(first), StringComparison.Ordinal);

        var runsBefore = await App.RunCountAsync();
        var (again, problem) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/payment-runs", new { period = "2021-04" });
        Assert.Equal(HttpStatusCode.BadRequest, again);
        Assert.StartsWith("Nothing to pay up to April 2021", problem.GetProperty("errors").GetProperty("period")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(runsBefore, await App.RunCountAsync());
        foreach (var line in approved)
        {
            Assert.Equal(1, await App.RunLinesAsync(line.LineId, PaymentLineKind.Payment));
        }
    }

    [Fact]
    public async Task Each_provider_gets_a_run_of_its_own()
    {
        var first = await App.AddProviderAsync();
        var second = await App.AddProviderAsync();
        var firstLines = await App.AddClaimAsync("WH", first, "2021-02", ClaimLineStatus.Approved, 889m);
        var secondLines = await App.AddClaimAsync("SE", second, "2021-02", ClaimLineStatus.Approved, 400m, 400m);
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);

        var (status, body) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/payment-runs", new { period = "2021-02" });

        Assert.Equal(HttpStatusCode.Created, status);
        var firstRun = RunOf(body, first);
        var secondRun = RunOf(body, second);
        Assert.NotEqual(firstRun.GetProperty("reference").GetString(), secondRun.GetProperty("reference").GetString());
        Assert.Equal(889m, firstRun.GetProperty("total").GetDecimal());
        Assert.Equal(800m, secondRun.GetProperty("total").GetDecimal());
        var firstDetail = await client.GetJsonAsync($"/api/v1/payment-runs/{firstRun.GetProperty("id").GetString()}");
        var secondDetail = await client.GetJsonAsync($"/api/v1/payment-runs/{secondRun.GetProperty("id").GetString()}");
        Assert.Equal([firstLines[0].LineId.ToString()], LineIds(firstDetail));
        Assert.Equal(secondLines.Select(l => l.LineId.ToString()).Order(), LineIds(secondDetail).Order());

        var listed = await client.GetJsonAsync($"/api/v1/payment-runs?provider={second}");
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
        Assert.Equal(secondRun.GetProperty("id").GetString(), listed.GetProperty("items")[0].GetProperty("id").GetString());
        var byPeriod = await client.GetJsonAsync("/api/v1/payment-runs?period=2021-02&pageSize=500");
        Assert.Contains(byPeriod.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetString() == firstRun.GetProperty("id").GetString());
        Assert.All(byPeriod.GetProperty("items").EnumerateArray(), r => Assert.Equal("2021-02", r.GetProperty("period").GetString()));
    }

    [Fact]
    public async Task Lines_on_claims_for_a_later_period_wait_for_that_period()
    {
        var provider = await App.AddProviderAsync();
        var march = await App.AddClaimAsync("WH", provider, "2020-03", ClaimLineStatus.Approved, 889m);
        var may = await App.AddClaimAsync("WH", provider, "2020-05", ClaimLineStatus.Approved, 400m);
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);

        var (status, body) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/payment-runs", new { period = "2020-04" });

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(889m, RunOf(body, provider).GetProperty("total").GetDecimal());
        Assert.Equal(ClaimLineStatus.Paid, (await App.LineAsync(march[0].LineId)).Status);
        Assert.Equal(ClaimLineStatus.Approved, (await App.LineAsync(may[0].LineId)).Status);
        Assert.Equal(0, await App.RunLinesAsync(may[0].LineId, PaymentLineKind.Payment));

        var (later, laterBody) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/payment-runs", new { period = "2020-05" });
        Assert.Equal(HttpStatusCode.Created, later);
        Assert.Equal(400m, RunOf(laterBody, provider).GetProperty("total").GetDecimal());
        Assert.Equal(ClaimLineStatus.Paid, (await App.LineAsync(may[0].LineId)).Status);
    }

    [Fact]
    public async Task A_recovery_is_a_negative_line_in_the_next_run_and_the_line_becomes_recovered()
    {
        var provider = await App.AddProviderAsync();
        var lines = await App.AddClaimAsync("WH", provider, "2021-01", ClaimLineStatus.Approved, 889m);
        var line = lines[0];
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var (paid, paidBody) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/payment-runs", new { period = "2021-01" });
        Assert.Equal(HttpStatusCode.Created, paid);
        var paidRunId = RunOf(paidBody, provider).GetProperty("id").GetString();

        var (requested, recovery) = await client.SendJsonAsync(HttpMethod.Post,
            $"/api/v1/claims/{line.ClaimId}/lines/{line.LineId}/recovery", new { reason = "Audit found the payslip belongs to someone else" });

        Assert.Equal(HttpStatusCode.OK, requested);
        Assert.Equal("Paid", recovery.GetProperty("status").GetString());
        Assert.Equal("Audit found the payslip belongs to someone else", recovery.GetProperty("recoveryReason").GetString());
        Assert.Equal(paidRunId, recovery.GetProperty("paidInRunId").GetString());
        var stored = await App.LineAsync(line.LineId);
        Assert.NotNull(stored.RecoveryRequestedAt);
        Assert.NotNull(stored.RecoveryRequestedById);
        Assert.Equal(ClaimLineStatus.Paid, stored.Status);
        var audit = await App.QueryAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == "ClaimLine" && e.EntityId == line.LineId.ToString() && e.Reason == "Audit found the payslip belongs to someone else")
            .ToListAsync());
        Assert.Single(audit);
        Assert.Contains("RecoveryRequestedAt", audit[0].Changes, StringComparison.Ordinal);

        var (next, nextBody) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/payment-runs", new { period = "2021-02" });

        Assert.Equal(HttpStatusCode.Created, next);
        var run = RunOf(nextBody, provider);
        Assert.Equal(0m, run.GetProperty("grossPayments").GetDecimal());
        Assert.Equal(889m, run.GetProperty("recoveries").GetDecimal());
        Assert.Equal(0m, run.GetProperty("total").GetDecimal());
        Assert.Equal(-889m, run.GetProperty("carriedForward").GetDecimal());
        var detail = await client.GetJsonAsync($"/api/v1/payment-runs/{run.GetProperty("id").GetString()}");
        var recoveryLine = Assert.Single(detail.GetProperty("lines").EnumerateArray());
        Assert.Equal("Recovery", recoveryLine.GetProperty("kind").GetString());
        Assert.Equal(-889m, recoveryLine.GetProperty("amount").GetDecimal());
        Assert.Equal("Recovered", recoveryLine.GetProperty("status").GetString());
        Assert.Equal(ClaimLineStatus.Recovered, (await App.LineAsync(line.LineId)).Status);
        Assert.Equal(1, await App.RunLinesAsync(line.LineId, PaymentLineKind.Payment));
        Assert.Equal(1, await App.RunLinesAsync(line.LineId, PaymentLineKind.Recovery));

        // Once recovered, it is never recovered again.
        var (again, problem) = await client.SendJsonAsync(HttpMethod.Post,
            $"/api/v1/claims/{line.ClaimId}/lines/{line.LineId}/recovery", new { reason = "Twice" });
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Contains("already recovered in payment run PAY-2021-02-", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var (none, _) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/payment-runs", new { period = "2021-12" });
        Assert.Equal(HttpStatusCode.BadRequest, none);
        Assert.Equal(1, await App.RunLinesAsync(line.LineId, PaymentLineKind.Recovery));
    }

    [Fact]
    public async Task When_recoveries_exceed_payments_nothing_is_paid_and_the_balance_comes_off_the_next_run()
    {
        var provider = await App.AddProviderAsync();
        var first = await App.AddClaimAsync("WH", provider, "2019-03", ClaimLineStatus.Approved, 889m, 400m);
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var run1 = RunOf((await client.SendJsonAsync(HttpMethod.Post, "/api/v1/payment-runs", new { period = "2019-03" })).Body, provider);
        Assert.Equal(1289m, run1.GetProperty("total").GetDecimal());

        var (requested, _) = await client.SendJsonAsync(HttpMethod.Post,
            $"/api/v1/claims/{first[0].ClaimId}/lines/{first[0].LineId}/recovery", new { reason = "Job start not verified" });
        Assert.Equal(HttpStatusCode.OK, requested);
        await App.AddClaimAsync("WH", provider, "2019-04", ClaimLineStatus.Approved, 300m);

        var run2 = RunOf((await client.SendJsonAsync(HttpMethod.Post, "/api/v1/payment-runs", new { period = "2019-04" })).Body, provider);

        // 300 paid less 889 recovered is -589: nothing is paid and 589 is owed.
        Assert.Equal(300m, run2.GetProperty("grossPayments").GetDecimal());
        Assert.Equal(889m, run2.GetProperty("recoveries").GetDecimal());
        Assert.Equal(0m, run2.GetProperty("broughtForward").GetDecimal());
        Assert.Equal(0m, run2.GetProperty("total").GetDecimal());
        Assert.Equal(-589m, run2.GetProperty("carriedForward").GetDecimal());
        Assert.Equal(2, run2.GetProperty("lineCount").GetInt32());

        await App.AddClaimAsync("WH", provider, "2019-05", ClaimLineStatus.Approved, 1000m);
        var run3 = RunOf((await client.SendJsonAsync(HttpMethod.Post, "/api/v1/payment-runs", new { period = "2019-05" })).Body, provider);

        // 1000 paid less the 589 owed: 411 is paid and nothing is owed any more.
        Assert.Equal(1000m, run3.GetProperty("grossPayments").GetDecimal());
        Assert.Equal(0m, run3.GetProperty("recoveries").GetDecimal());
        Assert.Equal(-589m, run3.GetProperty("broughtForward").GetDecimal());
        Assert.Equal(411m, run3.GetProperty("total").GetDecimal());
        Assert.Equal(0m, run3.GetProperty("carriedForward").GetDecimal());

        // What was paid in all is what the provider earned: 889 + 400 + 300 + 1000 - 889.
        var totals = await App.QueryAsync(db => db.PaymentRuns.Where(r => r.ProviderId == provider).Select(r => r.Total).ToListAsync());
        Assert.Equal(1700m, totals.Sum());
    }

    [Fact]
    public async Task Two_runs_made_at_the_same_moment_pay_each_line_exactly_once()
    {
        using var one = await App.ApiClientAsync(DemoUsers.Commissioner);
        using var two = await App.ApiClientAsync(DemoUsers.Commissioner);
        for (var round = 0; round < 3; round++)
        {
            var provider = await App.AddProviderAsync();
            var lines = await App.AddClaimAsync("WH", provider, "2020-08", ClaimLineStatus.Approved, 889m, 400m, 300m, 280m, 320m);

            var results = await Task.WhenAll(
                one.SendJsonAsync(HttpMethod.Post, "/api/v1/payment-runs", new { period = "2020-08" }),
                two.SendJsonAsync(HttpMethod.Post, "/api/v1/payment-runs", new { period = "2020-08" }));

            var statuses = results.Select(r => r.Status).ToList();
            Assert.Single(statuses, HttpStatusCode.Created);
            var loser = statuses.Single(s => s != HttpStatusCode.Created);
            Assert.True(loser is HttpStatusCode.Conflict or HttpStatusCode.BadRequest, $"round {round}: {loser}");
            foreach (var line in lines)
            {
                Assert.Equal(1, await App.RunLinesAsync(line.LineId, PaymentLineKind.Payment));
                Assert.Equal(ClaimLineStatus.Paid, (await App.LineAsync(line.LineId)).Status);
            }

            var runs = await App.QueryAsync(db => db.PaymentRuns.Where(r => r.ProviderId == provider).ToListAsync());
            var run = Assert.Single(runs);
            Assert.Equal(2189m, run.Total);
        }
    }

    public static TheoryData<string?, string> BadPeriods => new()
    {
        { null, "Enter the period to pay up to" },
        { "", "Enter the period to pay up to" },
        { "April 2021", "in the form yyyy-MM, like 2021-04" },
        { "2021-4", "in the form yyyy-MM, like 2021-04" },
        { "2021-13", "in the form yyyy-MM, like 2021-04" },
        { "2021-04-01", "in the form yyyy-MM, like 2021-04" },
        { "2022-01", "Payment runs for 2022-01 are closed: the programme ran from June 2018 to December 2021" },
        { "2018-05", "Payment runs for 2018-05 are closed" },
        { "2099-01", "are closed" },
    };

    [Theory]
    [MemberData(nameof(BadPeriods))]
    public async Task A_bad_period_is_refused_on_the_period_field_and_nothing_is_paid(string? period, string message)
    {
        var provider = await App.AddProviderAsync();
        var lines = await App.AddClaimAsync("WH", provider, "2018-06", ClaimLineStatus.Approved, 889m);
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var before = await App.RunCountAsync();

        var (status, problem) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/payment-runs", new { period });
        var (previewStatus, previewProblem) = await client.SendJsonAsync(HttpMethod.Get, $"/api/v1/payment-runs/preview?period={Uri.EscapeDataString(period ?? "")}", null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, problem.GetProperty("errors").GetProperty("period")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, previewStatus);
        Assert.Contains(message, previewProblem.GetProperty("errors").GetProperty("period")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await App.RunCountAsync());
        Assert.Equal(ClaimLineStatus.Approved, (await App.LineAsync(lines[0].LineId)).Status);

        // Leave nothing approved for the next test.
        Assert.Equal(HttpStatusCode.Created, (await client.SendJsonAsync(HttpMethod.Post, "/api/v1/payment-runs", new { period = "2018-06" })).Status);
    }

    [Fact]
    public async Task The_preview_shows_what_would_be_paid_and_saves_nothing()
    {
        var provider = await App.AddProviderAsync();
        var lines = await App.AddClaimAsync("WH", provider, "2020-10", ClaimLineStatus.Approved, 889m, 400m);
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var before = await App.RunCountAsync();

        var preview = await client.GetJsonAsync("/api/v1/payment-runs/preview?period=2020-10");

        Assert.Equal("2020-10", preview.GetProperty("period").GetString());
        var mine = preview.GetProperty("runs").EnumerateArray().Single(r => r.GetProperty("summary").GetProperty("providerId").GetString() == provider.ToString());
        Assert.Equal(1289m, mine.GetProperty("summary").GetProperty("total").GetDecimal());
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("summary").GetProperty("id").ValueKind);
        Assert.Equal(2, mine.GetProperty("lines").GetArrayLength());
        Assert.Equal(before, await App.RunCountAsync());
        Assert.Equal(ClaimLineStatus.Approved, (await App.LineAsync(lines[0].LineId)).Status);

        Assert.Equal(HttpStatusCode.Created, (await client.SendJsonAsync(HttpMethod.Post, "/api/v1/payment-runs", new { period = "2020-10" })).Status);
        var (after, problem) = await client.SendJsonAsync(HttpMethod.Get, "/api/v1/payment-runs/preview?period=2020-10", null);
        Assert.Equal(HttpStatusCode.BadRequest, after);
        Assert.StartsWith("Nothing to pay up to October 2020", problem.GetProperty("errors").GetProperty("period")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recovery_needs_a_paid_line_a_reason_and_is_asked_for_once()
    {
        var provider = await App.AddProviderAsync();
        var approved = await App.AddClaimAsync("WH", provider, "2020-11", ClaimLineStatus.Approved, 889m);
        var paid = await App.AddClaimAsync("WH", provider, "2020-11", ClaimLineStatus.Paid, 400m);
        var other = await App.AddClaimAsync("WH", provider, "2020-11", ClaimLineStatus.Rejected, 300m);
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        string Url(SeededLine l) => $"/api/v1/claims/{l.ClaimId}/lines/{l.LineId}/recovery";

        var (notPaid, notPaidProblem) = await client.SendJsonAsync(HttpMethod.Post, Url(approved[0]), new { reason = "Audit" });
        Assert.Equal(HttpStatusCode.Conflict, notPaid);
        Assert.Equal("Only a paid line can be recovered: this line is approved and not yet paid", notPaidProblem.GetProperty("detail").GetString());
        var (rejected, rejectedProblem) = await client.SendJsonAsync(HttpMethod.Post, Url(other[0]), new { reason = "Audit" });
        Assert.Equal(HttpStatusCode.Conflict, rejected);
        Assert.Contains("rejected", rejectedProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        foreach (var reason in new[] { null, "", "   " })
        {
            var (noReason, problem) = await client.SendJsonAsync(HttpMethod.Post, Url(paid[0]), new { reason });
            Assert.Equal(HttpStatusCode.BadRequest, noReason);
            Assert.Equal("Enter why the payment for this line is being recovered", problem.GetProperty("errors").GetProperty("reason")[0].GetString());
        }

        var (tooLong, longProblem) = await client.SendJsonAsync(HttpMethod.Post, Url(paid[0]), new { reason = new string('x', 2001) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong);
        Assert.True(longProblem.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Null((await App.LineAsync(paid[0].LineId)).RecoveryRequestedAt);

        var (wrongClaim, _) = await client.SendJsonAsync(HttpMethod.Post,
            $"/api/v1/claims/{approved[0].ClaimId}/lines/{paid[0].LineId}/recovery", new { reason = "Audit" });
        Assert.Equal(HttpStatusCode.NotFound, wrongClaim);
        var (unknown, _) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/claims/{Guid.NewGuid()}/lines/{Guid.NewGuid()}/recovery", new { reason = "Audit" });
        Assert.Equal(HttpStatusCode.NotFound, unknown);

        var (ok, _) = await client.SendJsonAsync(HttpMethod.Post, Url(paid[0]), new { reason = "  Evidence was forged  " });
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal("Evidence was forged", (await App.LineAsync(paid[0].LineId)).RecoveryReason);
        var (twice, twiceProblem) = await client.SendJsonAsync(HttpMethod.Post, Url(paid[0]), new { reason = "Again" });
        Assert.Equal(HttpStatusCode.Conflict, twice);
        Assert.StartsWith("Recovery of this line was already requested by", twiceProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Evidence was forged", (await App.LineAsync(paid[0].LineId)).RecoveryReason);

        // A line marked paid without a run (an import) is recovered at its amount.
        var (run, runBody) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/payment-runs", new { period = "2020-11" });
        Assert.Equal(HttpStatusCode.Created, run);
        var mine = RunOf(runBody, provider);
        Assert.Equal(889m, mine.GetProperty("grossPayments").GetDecimal());
        Assert.Equal(400m, mine.GetProperty("recoveries").GetDecimal());
        Assert.Equal(489m, mine.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task Every_change_a_run_makes_is_on_the_audit_trail_with_who_and_why()
    {
        var provider = await App.AddProviderAsync();
        var lines = await App.AddClaimAsync("WH", provider, "2020-12", ClaimLineStatus.Approved, 889m);
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);

        var (status, body) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/payment-runs", new { period = "2020-12" });

        Assert.Equal(HttpStatusCode.Created, status);
        var runId = RunOf(body, provider).GetProperty("id").GetString();
        var events = await App.QueryAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityId == runId || e.EntityId == lines[0].LineId.ToString() || e.EntityType == "PaymentRunLine")
            .ToListAsync());
        var runEvent = Assert.Single(events, e => e.EntityType == "PaymentRun" && e.EntityId == runId);
        Assert.Equal("created", runEvent.Action);
        Assert.Equal(DemoUsers.Commissioner, runEvent.UserName, ignoreCase: true);
        Assert.Equal("Payment run for December 2020", runEvent.Reason);
        var lineEvent = Assert.Single(events, e => e.EntityType == "ClaimLine" && e.EntityId == lines[0].LineId.ToString() && e.Action == "updated");
        Assert.Contains("\"Status\":{\"from\":\"Approved\",\"to\":\"Paid\"}", lineEvent.Changes, StringComparison.Ordinal);
        Assert.Equal("Payment run for December 2020", lineEvent.Reason);
        Assert.Contains(events, e => e.EntityType == "PaymentRunLine" && e.Action == "created" && e.Changes!.Contains(lines[0].LineId.ToString(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Spend_per_lot_and_contract_follows_payments_recoveries_and_approvals()
    {
        var provider = await App.AddProviderAsync();
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var before = Lot(await client.GetJsonAsync("/api/v1/spend"), "CH");
        var contractBefore = Contract(before, "CC-CH-01");

        var lines = await App.AddClaimAsync("CH", provider, "2019-09", ClaimLineStatus.Approved, 889m, 400m);
        var afterApproval = Lot(await client.GetJsonAsync("/api/v1/spend"), "CH");
        Assert.Equal(Amount(before, "approvedUnpaid") + 1289m, Amount(afterApproval, "approvedUnpaid"));
        Assert.Equal(Amount(before, "spent"), Amount(afterApproval, "spent"));
        Assert.Equal(Amount(before, "remainingAfterApproved") - 1289m, Amount(afterApproval, "remainingAfterApproved"));

        Assert.Equal(HttpStatusCode.Created, (await client.SendJsonAsync(HttpMethod.Post, "/api/v1/payment-runs", new { period = "2019-09" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.SendJsonAsync(HttpMethod.Post,
            $"/api/v1/claims/{lines[0].ClaimId}/lines/{lines[0].LineId}/recovery", new { reason = "Audit" })).Status);
        await App.AddClaimAsync("CH", provider, "2019-10", ClaimLineStatus.Approved, 300m);
        Assert.Equal(HttpStatusCode.Created, (await client.SendJsonAsync(HttpMethod.Post, "/api/v1/payment-runs", new { period = "2019-10" })).Status);
        await App.AddClaimAsync("CH", provider, "2019-11", ClaimLineStatus.Approved, 280m);

        var spend = await client.GetJsonAsync("/api/v1/spend");
        var after = Lot(spend, "CH");
        Assert.Equal("Camp Hill", after.GetProperty("lotName").GetString());
        Assert.Equal(210000m, Amount(after, "value"));
        Assert.Equal(Amount(before, "paid") + 1589m, Amount(after, "paid"));
        Assert.Equal(Amount(before, "recovered") + 889m, Amount(after, "recovered"));
        Assert.Equal(Amount(before, "spent") + 700m, Amount(after, "spent"));
        Assert.Equal(Amount(after, "paid") - Amount(after, "recovered"), Amount(after, "spent"));
        Assert.Equal(Amount(before, "approvedUnpaid") + 280m, Amount(after, "approvedUnpaid"));
        Assert.Equal(210000m - Amount(after, "spent"), Amount(after, "remaining"));
        Assert.Equal(Amount(after, "remaining") - Amount(after, "approvedUnpaid"), Amount(after, "remainingAfterApproved"));
        var contract = Contract(after, "CC-CH-01");
        Assert.Equal(Amount(contractBefore, "paid") + 1589m, Amount(contract, "paid"));
        Assert.Equal(Amount(contractBefore, "recovered") + 889m, Amount(contract, "recovered"));
        Assert.Equal(Amount(contractBefore, "spent") + 700m, Amount(contract, "spent"));

        var everyLot = spend.GetProperty("lots").EnumerateArray().ToList();
        Assert.Equal(9, everyLot.Count);
        Assert.Equal(everyLot.Sum(l => Amount(l, "spent")), Amount(spend.GetProperty("totals"), "spent"));
        Assert.Equal(everyLot.Sum(l => Amount(l, "value")), Amount(spend.GetProperty("totals"), "value"));

        using var manager = await App.ApiClientAsync(DemoUsers.Manager("CH"));
        var mine = await manager.GetJsonAsync("/api/v1/spend");
        var only = Assert.Single(mine.GetProperty("lots").EnumerateArray());
        Assert.Equal("CH", only.GetProperty("lotCode").GetString());
        Assert.Equal(Amount(after, "spent"), Amount(only, "spent"));

        Assert.Equal(HttpStatusCode.Created, (await client.SendJsonAsync(HttpMethod.Post, "/api/v1/payment-runs", new { period = "2019-11" })).Status);
    }

    [Fact]
    public async Task The_remittance_csv_is_rfc_4180_with_a_header_and_guards_against_formulas()
    {
        var provider = await App.AddProviderAsync("=HYPERLINK(\"http://evil.example\",\"Click\")");
        var lines = await App.AddClaimAsync("WH", provider, "2019-06", ClaimLineStatus.Approved, 889m, 400m);
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var first = RunOf((await client.SendJsonAsync(HttpMethod.Post, "/api/v1/payment-runs", new { period = "2019-06" })).Body, provider);
        await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/claims/{lines[1].ClaimId}/lines/{lines[1].LineId}/recovery", new { reason = "Audit" });
        await App.AddClaimAsync("WH", provider, "2019-07", ClaimLineStatus.Approved, 1000m);
        var second = RunOf((await client.SendJsonAsync(HttpMethod.Post, "/api/v1/payment-runs", new { period = "2019-07" })).Body, provider);
        var reference = second.GetProperty("reference").GetString()!;

        var response = await client.GetAsync($"/api/v1/payment-runs/{second.GetProperty("id").GetString()}/remittance.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal($"remittance-{reference}.csv", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var records = Csv.Parse(text);
        Assert.Equal(["Payment run", "Provider", "Period", "Claim", "Lot", "Participant", "Milestone", "Milestone date", "Cohort", "Kind", "Amount"], records[0]);
        Assert.All(records, r => Assert.Equal(11, r.Count));

        var payment = records.Single(r => r[9] == "Payment");
        Assert.Equal(reference, payment[0]);
        Assert.Equal("'=HYPERLINK(\"http://evil.example\",\"Click\")", payment[1]);
        Assert.Equal("2019-07", payment[2]);
        Assert.Equal("WH", payment[4]);
        Assert.Equal("Job outcome", payment[6]);
        Assert.Equal("2019-07-28", payment[7]);
        Assert.Equal("Hardest to Help", payment[8]);
        Assert.Equal("1000.00", payment[10]);
        var recovery = records.Single(r => r[9] == "Recovery");
        Assert.Equal(lines[1].ClaimReference, recovery[3]);
        Assert.Equal(lines[1].ParticipantReference, recovery[5]);
        Assert.Equal("-400.00", recovery[10]);
        Assert.Equal("1000.00", records.Single(r => r[9] == "Gross payments")[10]);
        Assert.Equal("-400.00", records.Single(r => r[9] == "Recoveries")[10]);
        Assert.Equal("0.00", records.Single(r => r[9] == "Brought forward")[10]);
        Assert.Equal("600.00", records.Single(r => r[9] == "Total paid")[10]);
        Assert.Equal("0.00", records.Single(r => r[9] == "Carried forward")[10]);

        // The raw text quotes the field holding quotes and commas, doubling the quotes.
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\",", text, StringComparison.Ordinal);
        Assert.NotEqual(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_remittance_xlsx_has_amounts_as_pounds_and_a_totals_section()
    {
        var provider = await App.AddProviderAsync();
        await App.AddClaimAsync("WH", provider, "2019-08", ClaimLineStatus.Approved, 889m, 400m);
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var run = RunOf((await client.SendJsonAsync(HttpMethod.Post, "/api/v1/payment-runs", new { period = "2019-08" })).Body, provider);
        var reference = run.GetProperty("reference").GetString()!;

        var response = await client.GetAsync($"/api/v1/payment-runs/{run.GetProperty("id").GetString()}/remittance.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"remittance-{reference}.xlsx", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var sheet = Spreadsheet.Read(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Remittance advice", sheet.Text("A1"));
        Assert.Equal(reference, sheet.Text("B2"));
        Assert.StartsWith("Test provider", sheet.Text("B3"), StringComparison.Ordinal);
        Assert.Equal("August 2019 (2019-08)", sheet.Text("B4"));
        Assert.Equal(["Claim", "Lot", "Participant", "Milestone", "Milestone date", "Cohort", "Kind", "Amount"],
            new[] { "A", "B", "C", "D", "E", "F", "G", "H" }.Select(c => sheet.Text(c + "7")));
        Assert.Equal([400m, 889m], new[] { sheet.Number("H8"), sheet.Number("H9") }.Order());
        Assert.Equal("\"£\"#,##0.00", sheet.Format("H8"));
        Assert.Equal("Payment", sheet.Text("G8"));
        Assert.Equal("Job outcome", sheet.Text("D8"));
        Assert.Equal(new DateTime(2019, 8, 28), DateTime.FromOADate((double)sheet.Number("E8")));
        Assert.Equal("Totals", sheet.Text("G11"));
        Assert.Equal("Gross payments", sheet.Text("G12"));
        Assert.Equal(1289m, sheet.Number("H12"));
        Assert.Equal("Recoveries", sheet.Text("G13"));
        Assert.Equal(0m, sheet.Number("H13"));
        Assert.Equal("Brought forward", sheet.Text("G14"));
        Assert.Equal("Total paid", sheet.Text("G15"));
        Assert.Equal(1289m, sheet.Number("H15"));
        Assert.Equal("\"£\"#,##0.00", sheet.Format("H15"));
        Assert.Equal("Carried forward", sheet.Text("G16"));
        Assert.Equal(0m, sheet.Number("H16"));
    }

    internal static JsonElement RunOf(JsonElement body, Guid provider) =>
        body.GetProperty("runs").EnumerateArray().Single(r => r.GetProperty("providerId").GetString() == provider.ToString());

    private static List<string> LineIds(JsonElement run) =>
        run.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("claimLineId").GetString()!).ToList();

    private static JsonElement Lot(JsonElement spend, string code) =>
        spend.GetProperty("lots").EnumerateArray().Single(l => l.GetProperty("lotCode").GetString() == code);

    private static JsonElement Contract(JsonElement lot, string reference) =>
        lot.GetProperty("contracts").EnumerateArray().Single(c => c.GetProperty("reference").GetString() == reference);

    private static decimal Amount(JsonElement element, string name) => element.GetProperty(name).GetDecimal();
}
