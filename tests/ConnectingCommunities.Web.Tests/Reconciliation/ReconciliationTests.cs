using System.Net;
using System.Text;
using System.Text.Json;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Claims;
using ConnectingCommunities.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Tests.Reconciliation;

public sealed class ReconciliationTestsOnSqlite(SqliteApp fixture) : ReconciliationTests<SqliteApp>(fixture);

public sealed class ReconciliationTestsOnPostgres(PostgresApp fixture) : ReconciliationTests<PostgresApp>(fixture);

/// <summary>
/// MI against claims, from hand-built milestones and claim lines. Each test uses a claim month no other
/// test of the class uses, so the outcomes it counts are its own.
/// </summary>
public abstract class ReconciliationTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private TestApp App => fixture.App;

    /// <summary>The references of one scenario: one participant per case.</summary>
    private sealed record Scenario(
        string Period, Participant Exact, Participant WithinTolerance, Participant LateDate, Participant OtherCohort, Participant NoRecord,
        Participant Unclaimed, Participant HeldOnly, Participant OtherLot, Guid LateDateLine, Guid LateDateClaim);

    [Fact]
    public async Task Each_category_is_found_from_hand_built_claims()
    {
        var s = await ScenarioAsync("2021-05");
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);

        var body = await client.GetJsonAsync($"/api/v1/reconciliation?lotCode=WH&period={s.Period}");

        Assert.Equal(2, body.GetProperty("matched").GetInt32());
        var matched = References(body, "matchedLines");
        Assert.Equal([s.Exact.Reference, s.WithinTolerance.Reference], matched.Order());

        var mismatched = body.GetProperty("mismatched").EnumerateArray().ToList();
        Assert.Equal(2, mismatched.Count);
        var late = mismatched.Single(i => i.GetProperty("participantReference").GetString() == s.LateDate.Reference);
        Assert.Equal("Date", late.GetProperty("mismatch").GetString());
        Assert.Equal("2021-05-28", late.GetProperty("miDate").GetString());
        Assert.Equal("2021-05-04", late.GetProperty("claimDate").GetString());
        Assert.Equal(s.LateDateLine.ToString(), late.GetProperty("claimLineId").GetString());
        Assert.Equal("JobOutcome", late.GetProperty("milestone").GetString());
        var cohort = mismatched.Single(i => i.GetProperty("participantReference").GetString() == s.OtherCohort.Reference);
        Assert.Equal("Cohort", cohort.GetProperty("mismatch").GetString());
        Assert.Equal("Employed", cohort.GetProperty("claimCohort").GetString());
        Assert.Equal("HardestToHelp", cohort.GetProperty("miCohort").GetString());

        var withoutMi = body.GetProperty("claimedWithoutMi").EnumerateArray().Single();
        Assert.Equal(s.NoRecord.Reference, withoutMi.GetProperty("participantReference").GetString());
        Assert.Equal("Sustained13Weeks", withoutMi.GetProperty("milestone").GetString());
        Assert.Equal(JsonValueKind.Null, withoutMi.GetProperty("miDate").ValueKind);
        Assert.Equal("2021-05-20", withoutMi.GetProperty("claimDate").GetString());

        // Held lines are not claims: the held participant's outcome counts as unclaimed. Another lot's never appears.
        var unclaimed = body.GetProperty("unclaimed").EnumerateArray().ToList();
        Assert.Equal([s.Unclaimed.Reference, s.HeldOnly.Reference], unclaimed.Select(i => i.GetProperty("participantReference").GetString()!).Order());
        var imported = unclaimed.Single(i => i.GetProperty("participantReference").GetString() == s.Unclaimed.Reference);
        Assert.Equal("MI-JS-" + s.Period, imported.GetProperty("externalId").GetString());
        Assert.Equal("Imported", imported.GetProperty("miSource").GetString());
        Assert.Equal(JsonValueKind.Null, imported.GetProperty("claimLineId").ValueKind);
        Assert.DoesNotContain(s.OtherLot.Reference, body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_download_has_a_row_per_item_with_its_category()
    {
        var s = await ScenarioAsync("2021-06");
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);

        var csv = await client.GetAsync($"/api/v1/reconciliation?lotCode=WH&period={s.Period}&format=csv");
        var xlsx = await client.GetAsync($"/api/v1/reconciliation?lotCode=WH&period={s.Period}&format=xlsx");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Category,Participant reference,Milestone,MI date,Claim date", lines[0], StringComparison.Ordinal);
        Assert.Equal(1 + 2 + 2 + 1 + 2, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("Claimed but not in MI," + s.NoRecord.Reference, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Unclaimed outcome," + s.Unclaimed.Reference, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Commissioners_reconcile_every_lot_managers_their_own_and_no_one_else(string email)
    {
        using var client = await App.ApiClientAsync(email);

        var own = await client.GetAsync("/api/v1/reconciliation?lotCode=WH&period=2021-07");
        var other = await client.GetAsync("/api/v1/reconciliation?lotCode=SE&period=2021-07");

        var (expectedOwn, expectedOther) = email switch
        {
            DemoUsers.Commissioner => (HttpStatusCode.OK, HttpStatusCode.OK),
            _ when email == DemoUsers.Manager("WH") => (HttpStatusCode.OK, HttpStatusCode.NotFound),
            _ => (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
        };
        Assert.Equal(expectedOwn, own.StatusCode);
        Assert.Equal(expectedOther, other.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task The_page_follows_the_same_access(string email)
    {
        using var client = await App.SignInAsync(email);

        var own = await client.GetAsync("/reconciliation?lotCode=WH&period=2021-07");
        var other = await client.GetAsync("/reconciliation?lotCode=SE&period=2021-07");
        var download = await client.GetAsync("/reconciliation?lotCode=SE&period=2021-07&format=csv");

        var (expectedOwn, expectedOther) = email switch
        {
            DemoUsers.Commissioner => (HttpStatusCode.OK, HttpStatusCode.OK),
            _ when email == DemoUsers.Manager("WH") => (HttpStatusCode.OK, HttpStatusCode.NotFound),
            _ => (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
        };
        Assert.Equal(expectedOwn, own.StatusCode);
        Assert.Equal(expectedOther, other.StatusCode);
        Assert.Equal(expectedOther, download.StatusCode);
    }

    [Theory]
    [InlineData("", "2021-05", "lotCode")]
    [InlineData("WH", "", "period")]
    [InlineData("WH", "2021-13", "period")]
    [InlineData("WH", "May 2021", "period")]
    public async Task Bad_filters_are_named(string lotCode, string period, string field)
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);

        var response = await client.GetAsync($"/api/v1/reconciliation?lotCode={Uri.EscapeDataString(lotCode)}&period={Uri.EscapeDataString(period)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await TestClient.ReadJsonAsync(response, HttpStatusCode.BadRequest, "reconciliation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task The_page_lists_each_category_and_a_commissioner_queries_a_mismatch_by_returning_the_line()
    {
        var s = await ScenarioAsync("2021-08");
        using var commissioner = await App.SignInAsync(DemoUsers.Commissioner);

        var page = await commissioner.GetPageAsync($"/reconciliation?lotCode=WH&period={s.Period}");
        var text = page.Body!.TextContent;
        foreach (var p in new[] { s.Exact, s.WithinTolerance, s.LateDate, s.OtherCohort, s.NoRecord, s.Unclaimed })
        {
            Assert.Contains(p.Reference, text, StringComparison.Ordinal);
        }

        Assert.Contains("MI-JS-" + s.Period, text, StringComparison.Ordinal);
        var query = page.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "")
            .Single(h => h.StartsWith($"/reconciliation/query/{s.LateDateClaim}/{s.LateDateLine}", StringComparison.Ordinal));

        await commissioner.GetPageAsync(query);
        var empty = await commissioner.PostFormAsync(query, [new("reason", "")]);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal(ClaimLineStatus.Submitted, (await LineAsync(s.LateDateLine)).Status);

        var posted = await commissioner.PostFormAsync(query, [new("reason", "Your records date this job start 28 May: which is right?")]);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var line = await LineAsync(s.LateDateLine);
        Assert.Equal(ClaimLineStatus.Returned, line.Status);
        Assert.Equal("Your records date this job start 28 May: which is right?", line.DecisionReason);
    }

    [Fact]
    public async Task Only_commissioners_may_query_a_line()
    {
        var s = await ScenarioAsync("2021-09");
        using var manager = await App.SignInAsync(DemoUsers.Manager("WH"));

        var page = await manager.GetAsync($"/reconciliation/query/{s.LateDateClaim}/{s.LateDateLine}");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(ClaimLineStatus.Submitted, (await LineAsync(s.LateDateLine)).Status);
    }

    private static List<string> References(JsonElement body, string property) =>
        [.. body.GetProperty(property).EnumerateArray().Select(i => i.GetProperty("participantReference").GetString()!)];

    private Task<ClaimLine> LineAsync(Guid id) => App.ReadAsync(db => db.ClaimLines.AsNoTracking().SingleAsync(l => l.Id == id));

    /// <summary>One participant per case in WH for the month, and one in SE; a submitted claim of WH for the month.</summary>
    private async Task<Scenario> ScenarioAsync(string period)
    {
        var month = ClaimPeriod.Parse(period);
        DateOnly Day(int day) => new(month.Year, month.Month, day);
        var exact = await App.PersonAsync("WH");
        var within = await App.PersonAsync("WH");
        var late = await App.PersonAsync("WH");
        var cohort = await App.PersonAsync("WH");
        var none = await App.PersonAsync("WH");
        var unclaimed = await App.PersonAsync("WH");
        var held = await App.PersonAsync("WH");
        var otherLot = await App.PersonAsync("SE");

        await App.MilestoneAsync(exact, Milestone.JobOutcome, Day(10));
        await App.MilestoneAsync(within, Milestone.JobOutcome, Day(12));
        await App.MilestoneAsync(late, Milestone.JobOutcome, Day(28));
        await App.MilestoneAsync(cohort, Milestone.Engaged, Day(3));
        var jobId = await App.JobOutcomeAsync(unclaimed, Day(15));
        await App.MilestoneAsync(held, Milestone.JobOutcome, Day(16));
        await App.MilestoneAsync(otherLot, Milestone.JobOutcome, Day(16));

        Guid lateLine = Guid.Empty, claimId = Guid.Empty;
        await App.ChangeAsync(async db =>
        {
            var lot = await db.Lots.SingleAsync(l => l.Code == "WH");
            var contract = await db.Contracts.Where(c => c.LotId == lot.Id).OrderBy(c => c.StartDate).FirstAsync();
            var claim = new OutcomeClaim
            {
                Reference = $"WH-{period}-R{Guid.NewGuid().ToString("N")[..6]}",
                LotId = lot.Id,
                ProviderId = contract.ProviderId,
                Period = period,
                PeriodEnd = month.End,
                Status = ClaimStatus.Submitted,
                CreatedAt = DateTimeOffset.UtcNow,
                SubmittedAt = DateTimeOffset.UtcNow,
            };
            ClaimLine Line(Participant p, Milestone milestone, DateOnly on, Cohort cohort = Cohort.HardestToHelp, ClaimLineStatus status = ClaimLineStatus.Submitted) => new()
            {
                ClaimId = claim.Id,
                ParticipantId = p.Id,
                ParticipantReference = p.Reference,
                Milestone = milestone,
                MilestoneDate = on,
                Cohort = cohort,
                Amount = 1000m,
                ContractId = contract.Id,
                ProviderId = contract.ProviderId,
                Status = status,
            };
            var lateDate = Line(late, Milestone.JobOutcome, Day(4));
            claim.Lines.AddRange(
            [
                Line(exact, Milestone.JobOutcome, Day(10)),
                Line(within, Milestone.JobOutcome, Day(7)),
                lateDate,
                Line(cohort, Milestone.Engaged, Day(3), Cohort.Employed),
                Line(none, Milestone.Sustained13Weeks, Day(20)),
                Line(held, Milestone.JobOutcome, Day(16), status: ClaimLineStatus.Held),
            ]);
            db.Claims.Add(claim);
            db.ExternalRecords.Add(new ExternalRecord
            {
                LotId = lot.Id,
                Type = ImportType.JobStarts,
                ExternalId = "MI-JS-" + period,
                EntityId = jobId,
                ContentHash = new string('a', 64),
                UpdatedAt = DateTimeOffset.UtcNow,
            });
            lateLine = lateDate.Id;
            claimId = claim.Id;
        });
        return new Scenario(period, exact, within, late, cohort, none, unclaimed, held, otherLot, lateLine, claimId);
    }
}
