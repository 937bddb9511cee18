using System.Net;
using System.Text.Json;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Claims;
using ConnectingCommunities.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Tests.Privacy;

public sealed class ErasureTestsOnSqlite(SqliteApp fixture) : ErasureTests<SqliteApp>(fixture);

public sealed class ErasureTestsOnPostgres(PostgresApp fixture) : ErasureTests<PostgresApp>(fixture);

/// <summary>
/// Erasure: every identifier gone from every text column and the evidence folder, payments unchanged, and a
/// person's own request refused within retention. The programme ended on 31 December 2021: with 4 years'
/// retention the records are past it, with 7 they are within it. Tests in a class run one at a time, so each sets what it needs.
/// </summary>
public abstract class ErasureTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task Erasure_removes_every_identifier_and_keeps_payments()
    {
        await App.SetRetentionYearsAsync(4);
        var person = await App.PersonWithEverythingAsync("WH");
        var bystander = await App.PersonWithEverythingAsync("WH");
        var totalsBefore = await PaymentTotalsAsync();
        using var commissioner = await App.ApiClientAsync(DemoUsers.Commissioner);
        await commissioner.GetJsonAsync($"/api/v1/participants/{person.Participant.Id}");
        foreach (var value in person.Identifiers)
        {
            Assert.NotEmpty(await App.FindInDatabaseAsync(value));
        }

        var (status, body) = await commissioner.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{person.Participant.Id}/erasure",
            new { reason = $"Email of 2 November 2026 from {person.Participant.FirstName} {person.Participant.LastName} asking to be forgotten" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(person.Participant.Reference, body.GetProperty("reference").GetString());
        Assert.Equal("PersonRequested", body.GetProperty("kind").GetString());
        Assert.Contains(body.GetProperty("erased").EnumerateArray(), e => e.GetString() == "Nino");
        Assert.Contains(body.GetProperty("kept").EnumerateArray(), k => k.GetProperty("what").GetString()!.StartsWith("Reference", StringComparison.Ordinal)
            && k.GetProperty("why").GetString()!.Length > 0);
        Assert.Equal(1, body.GetProperty("evidenceFilesRemoved").GetInt32());
        Assert.DoesNotContain(person.Participant.LastName, body.ToString(), StringComparison.OrdinalIgnoreCase);

        foreach (var value in person.Identifiers)
        {
            Assert.Empty(await App.FindInDatabaseAsync(value));
            Assert.Empty(App.FindInEvidence(value));
        }

        Assert.False(App.EvidenceExists(person.StoredEvidence));
        Assert.True(App.EvidenceExists(bystander.StoredEvidence));
        foreach (var value in bystander.Identifiers)
        {
            Assert.NotEmpty(await App.FindInDatabaseAsync(value));
        }

        Assert.Equal(totalsBefore, await PaymentTotalsAsync());
        var tombstone = await App.ReadAsync(db => db.Participants.AsNoTracking().SingleAsync(p => p.Id == person.Participant.Id));
        Assert.Equal(person.Participant.Reference, tombstone.Reference);
        Assert.NotNull(tombstone.ErasedAt);
        Assert.Equal(person.Participant.DateOfBirth.Year, tombstone.DateOfBirth.Year);
        Assert.Equal(person.Participant.AgeBand, tombstone.AgeBand);
        Assert.Equal(person.Participant.Postcode.Split(' ')[0], tombstone.Postcode);
        var line = await App.ReadAsync(db => db.ClaimLines.AsNoTracking().SingleAsync(l => l.Id == person.ClaimLineId));
        Assert.Equal((person.Participant.Reference, 1250m, ConnectingCommunities.Domain.Claims.ClaimLineStatus.Paid), (line.ParticipantReference, line.Amount, line.Status));

        var erased = await App.ReadAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(a => a.ParticipantId == person.Participant.Id && a.Action == "erased"));
        Assert.Contains("FirstName", erased.Changes!, StringComparison.Ordinal);
        var record = await App.ReadAsync(db => db.Erasures.AsNoTracking().SingleAsync(e => e.ParticipantId == person.Participant.Id));
        Assert.Equal(ErasureKind.PersonRequested, record.Kind);
        Assert.Contains("(erased)", record.Reason, StringComparison.Ordinal);

        // The audit trail is append-only again once the erasure is over.
        await Assert.ThrowsAnyAsync<Exception>(() => App.ChangeAsync(async db =>
            await db.AuditEvents.Where(a => a.Id == erased.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Summary, "tampered"))));

        var (again, problem) = await commissioner.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{person.Participant.Id}/erasure", new { reason = "Asked twice" });
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Contains("already erased", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_persons_request_within_retention_is_refused_with_the_reason_recorded()
    {
        await App.SetRetentionYearsAsync(7);
        var person = await App.PersonWithEverythingAsync("WH");
        using var manager = await App.ApiClientAsync(DemoUsers.Manager("WH"));

        var (status, problem) = await manager.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{person.Participant.Id}/erasure",
            new { reason = "Letter of 1 December 2026", kind = "PersonRequested" });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("31 December 2028", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("kept").GetArrayLength() >= 2);
        var unchanged = await App.ReadAsync(db => db.Participants.AsNoTracking().SingleAsync(p => p.Id == person.Participant.Id));
        Assert.Null(unchanged.ErasedAt);
        Assert.Equal(person.Participant.Nino, unchanged.Nino);
        Assert.True(App.EvidenceExists(person.StoredEvidence));
        var refusal = await App.ReadAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(a => a.ParticipantId == person.Participant.Id && a.Action == "erasure-refused"));
        Assert.Equal("Letter of 1 December 2026", refusal.Reason);
        Assert.Contains("claims and payments", refusal.Summary!, StringComparison.Ordinal);
        Assert.Equal(0, await App.ReadAsync(db => db.Erasures.CountAsync(e => e.ParticipantId == person.Participant.Id)));
    }

    [Fact]
    public async Task Retention_expired_erasure_is_for_commissioners_and_refused_within_retention()
    {
        await App.SetRetentionYearsAsync(7);
        var person = await App.AddAsync("WH");
        using var manager = await App.ApiClientAsync(DemoUsers.Manager("WH"));
        using var commissioner = await App.ApiClientAsync(DemoUsers.Commissioner);

        var (byManager, _) = await manager.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{person.Id}/erasure", new { reason = "Retention", kind = "RetentionExpired" });
        var (early, problem) = await commissioner.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{person.Id}/erasure", new { reason = "Retention", kind = "RetentionExpired" });

        Assert.Equal(HttpStatusCode.Forbidden, byManager);
        Assert.Equal(HttpStatusCode.Conflict, early);
        Assert.Contains("not past retention", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Who_may_ask_for_an_erasure(string email)
    {
        await App.SetRetentionYearsAsync(7);
        var person = await App.AddAsync("WH");
        var elsewhere = await App.AddAsync("SE");
        using var client = await App.ApiClientAsync(email);

        var (own, _) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{person.Id}/erasure", new { reason = "Request" });
        var (other, _) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{elsewhere.Id}/erasure", new { reason = "Request" });

        // Within retention a request is refused (409) for those who may make it; the rest never reach it.
        var (expectedOwn, expectedOther) = email switch
        {
            DemoUsers.Commissioner => (HttpStatusCode.Conflict, HttpStatusCode.Conflict),
            _ when email == DemoUsers.Manager("WH") => (HttpStatusCode.Conflict, HttpStatusCode.NotFound),
            _ => (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
        };
        Assert.Equal(expectedOwn, own);
        Assert.Equal(expectedOther, other);
    }

    [Theory]
    [InlineData("{}", "reason")]
    [InlineData("{\"reason\":\"  \"}", "reason")]
    [InlineData("{\"reason\":\"Asked\",\"kind\":\"Forgotten\"}", "kind")]
    public async Task Bad_input_is_named_and_nothing_is_written(string json, string field)
    {
        await App.SetRetentionYearsAsync(4);
        var person = await App.AddAsync("WH");
        using var commissioner = await App.ApiClientAsync(DemoUsers.Commissioner);

        var (status, problem) = await commissioner.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{person.Id}/erasure", json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        var unchanged = await App.ReadAsync(db => db.Participants.AsNoTracking().SingleAsync(p => p.Id == person.Id));
        Assert.Null(unchanged.ErasedAt);
        Assert.Equal(person.LastName, unchanged.LastName);
    }

    [Fact]
    public async Task The_erasure_page_records_a_refusal_and_explains_it()
    {
        await App.SetRetentionYearsAsync(7);
        var person = await App.AddAsync("WH");
        using var manager = await App.SignInAsync(DemoUsers.Manager("WH"));
        using var advisor = await App.SignInAsync(DemoUsers.Advisor("WH"));

        Assert.Equal(HttpStatusCode.Forbidden, (await advisor.GetAsync($"/participants/{person.Id}/erasure")).StatusCode);
        await manager.GetPageAsync($"/participants/{person.Id}/erasure");
        var response = await manager.PostFormAsync($"/participants/{person.Id}/erasure", [new("reason", "Phone call of 1 December 2026")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await manager.ParseAsync(response);
        Assert.Contains("refused", page.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, await App.ReadAsync(db => db.AuditEvents.CountAsync(a => a.ParticipantId == person.Id && a.Action == "erasure-refused")));
    }

    /// <summary>Everything money: payment runs' totals and lines, and claim lines' amounts.</summary>
    private Task<(decimal Runs, decimal RunLines, decimal ClaimLines, int Lines)> PaymentTotalsAsync() =>
        App.ReadAsync(async db => (
            (await db.PaymentRuns.Select(r => r.Total).ToListAsync()).Sum(),
            (await db.PaymentRunLines.Select(l => l.Amount).ToListAsync()).Sum(),
            (await db.ClaimLines.Select(l => l.Amount).ToListAsync()).Sum(),
            await db.ClaimLines.CountAsync()));
}
