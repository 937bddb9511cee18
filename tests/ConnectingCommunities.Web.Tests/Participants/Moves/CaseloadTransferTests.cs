using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Support;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Tests.Participants.Moves;

public sealed class CaseloadTransferTestsOnSqlite(SqliteApp fixture) : CaseloadTransferTests<SqliteApp>(fixture);

public sealed class CaseloadTransferTestsOnPostgres(PostgresApp fixture) : CaseloadTransferTests<PostgresApp>(fixture);

/// <summary>
/// Transferring a lot's caseload to a new contract. A transfer moves every participant of a
/// contract, so each test works in a lot of its own: BL, BB and CW have the seeded contracts that
/// ended on 31 July 2019 and their successors; other lots get a successor contract made for the test.
/// </summary>
public abstract class CaseloadTransferTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private TestApp App => fixture.App;

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Only_commissioners_may_transfer_a_caseload(string email)
    {
        var from = await App.ContractAsync("CC-CW-01");
        var to = await App.ContractAsync("CC-CW-02");
        var participant = await App.AddAsync("CW", p => OnOldContract(p, from));
        using var api = await App.ApiClientAsync(email);
        using var pages = await App.SignInAsync(email);

        var (status, body) = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/lots/CW/caseload-transfer", Body(from.Id, to.Id, "2019-08-01"));
        var caseload = await api.GetAsync("/api/v1/lots/CW/caseload");
        var page = await pages.GetAsync("/setup/lots/cw/caseload-transfer");

        if (email == DemoUsers.Commissioner)
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.True(body.GetProperty("transferred").GetInt32() >= 1);
            Assert.Equal(HttpStatusCode.OK, caseload.StatusCode);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal(to.Id, (await App.ParticipantAsync(participant.Id)).ContractId);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Equal(HttpStatusCode.Forbidden, caseload.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
            var post = await pages.PostFormAsync("/setup/lots/cw/caseload-transfer", Form(from.Id, to.Id, new DateOnly(2019, 8, 1)));
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
            Assert.Equal(from.Id, (await App.ParticipantAsync(participant.Id)).ContractId);
            Assert.Empty(await App.TransfersAsync(participant.Id));
        }
    }

    [Fact]
    public async Task A_transfer_moves_every_participant_of_the_contract_and_keeps_their_history()
    {
        var from = await App.ContractAsync("CC-BL-01");
        var to = await App.ContractAsync("CC-BL-02");
        var advisor = await App.AddAdvisorAsync("BL");
        var active = await App.AddAsync("BL", p => OnOldContract(p, from, advisor.Id));
        var alsoActive = await App.AddAsync("BL", p => OnOldContract(p, from, advisor.Id));
        var left = await App.AddAsync("BL", p =>
        {
            OnOldContract(p, from, advisor.Id);
            p.Status = ParticipantStatus.Left;
            p.LeftOn = new DateOnly(2019, 6, 1);
        });
        var alreadyNew = await App.AddAsync("BL", p => p.AdvisorId = advisor.Id);
        await App.WithDbAsync(async db =>
        {
            db.Interventions.Add(new Intervention
            {
                ParticipantId = active.Id,
                Date = new DateOnly(2019, 3, 5),
                Mode = InterventionMode.FaceToFace,
                ActivityType = ActivityType.InformationAdviceGuidance,
                DurationMinutes = 30,
                IsMeaningful = true,
                RecordedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);

        var before = await client.GetJsonAsync("/api/v1/lots/BL/caseload");
        var oldRow = before.GetProperty("contracts").EnumerateArray().Single(c => c.GetProperty("reference").GetString() == "CC-BL-01");
        Assert.Equal(2, oldRow.GetProperty("activeParticipants").GetInt32());
        Assert.Equal(1, oldRow.GetProperty("leftParticipants").GetInt32());

        var (status, body) = await client.SendJsonAsync(
            HttpMethod.Post, "/api/v1/lots/bl/caseload-transfer", Body(from.Id, to.Id, "2019-08-01", "Provider withdrew in summer 2019"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, body.GetProperty("transferred").GetInt32());
        Assert.Equal(2, body.GetProperty("active").GetInt32());
        Assert.Equal(1, body.GetProperty("left").GetInt32());
        foreach (var moved in new[] { active, alsoActive, left })
        {
            var now = await App.ParticipantAsync(moved.Id);
            Assert.Equal(to.Id, now.ContractId);
            Assert.Null(now.AdvisorId);
            Assert.Equal(moved.Version + 1, now.Version);
            Assert.Equal(moved.Status, now.Status);
            var transfer = Assert.Single(await App.TransfersAsync(moved.Id));
            Assert.Equal(from.Id, transfer.FromContractId);
            Assert.Equal(to.Id, transfer.ToContractId);
            Assert.Equal(advisor.Id, transfer.FromAdvisorId);
            Assert.Null(transfer.ToAdvisorId);
            Assert.Equal(new DateOnly(2019, 8, 1), transfer.TransferredOn);
            Assert.Equal("Provider withdrew in summer 2019", transfer.Reason);
        }

        var untouched = await App.ParticipantAsync(alreadyNew.Id);
        Assert.Equal(advisor.Id, untouched.AdvisorId);
        Assert.Empty(await App.TransfersAsync(alreadyNew.Id));
        Assert.Equal(1, await App.WithDbAsync(db => db.Interventions.CountAsync(i => i.ParticipantId == active.Id)));

        var lotId = (await App.ParticipantAsync(active.Id)).LotId;
        var audit = Assert.Single(await App.AuditAsync(a => a.Where(e => e.Action == "transferred" && e.LotId == lotId)));
        Assert.Equal(nameof(Lot), audit.EntityType);
        Assert.Equal(lotId.ToString(), audit.EntityId);
        Assert.Equal(DemoUsers.Commissioner, audit.UserName);
        Assert.Equal("Provider withdrew in summer 2019", audit.Reason);
        Assert.Contains("from contract CC-BL-01", audit.Summary, StringComparison.Ordinal);
        Assert.Contains("to CC-BL-02", audit.Summary, StringComparison.Ordinal);
        Assert.Contains("3 participants (2 active, 1 left)", audit.Summary, StringComparison.Ordinal);
        Assert.Equal(3, JsonDocument.Parse(audit.Changes!).RootElement.GetProperty("Participants").GetInt32());

        var after = await client.GetJsonAsync("/api/v1/lots/BL/caseload");
        var emptied = after.GetProperty("contracts").EnumerateArray().Single(c => c.GetProperty("reference").GetString() == "CC-BL-01");
        Assert.Equal(0, emptied.GetProperty("activeParticipants").GetInt32() + emptied.GetProperty("leftParticipants").GetInt32());

        // The moved participants are now the new provider's to assign: they are listed as unassigned for the lot's manager.
        using var manager = await App.ApiClientAsync(DemoUsers.Manager("BL"));
        var advisors = (await manager.GetJsonAsync("/api/v1/caseload/advisors")).GetProperty("items").EnumerateArray();
        Assert.Contains(advisors, a => a.GetProperty("advisorId").ValueKind == JsonValueKind.Null && a.GetProperty("activeParticipants").GetInt32() >= 2);
    }

    [Fact]
    public async Task Bad_transfers_are_refused_with_the_field_named_and_nothing_moves()
    {
        var from = await App.ContractAsync("CC-BB-01");
        var to = await App.ContractAsync("CC-BB-02");
        var elsewhere = await App.ContractAsync("CC-WH-01");
        var participant = await App.AddAsync("BB", p => OnOldContract(p, from));
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var cases = new (object Body, string Field, string Message)[]
        {
            (new { }, "fromContractId", "Select the contract whose caseload is moving"),
            (new { }, "toContractId", "Select the contract that takes the caseload over"),
            (new { }, "transferredOn", "Enter the transfer date"),
            (Body(from.Id, from.Id, "2019-08-01"), "toContractId", "Select a different contract from the one the caseload is leaving"),
            (Body(elsewhere.Id, to.Id, "2019-08-01"), "fromContractId", "Select a contract of Batchley and Brockhill"),
            (Body(from.Id, elsewhere.Id, "2019-08-01"), "toContractId", "Select a contract of Batchley and Brockhill"),
            (Body(from.Id, to.Id, "2019-07-31"), "transferredOn", "The transfer date must fall within contract CC-BB-02: 1 August 2019 to 31 December 2021"),
            (Body(from.Id, to.Id, tomorrow), "transferredOn", "The transfer date must be today or in the past"),
            (Body(to.Id, from.Id, "2019-07-01"), "fromContractId", "Contract CC-BB-02 has no participants to transfer"),
            (new { fromContractId = from.Id, toContractId = to.Id, transferredOn = "2019-08-01", reason = new string('x', 1001) }, "reason", "The reason must be 1000 characters or fewer"),
        };
        foreach (var (body, field, message) in cases)
        {
            var (status, problem) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/lots/BB/caseload-transfer", body);
            Assert.True(status == HttpStatusCode.BadRequest, $"{field}: {(int)status}");
            Assert.Equal(message, problem.GetProperty("errors").GetProperty(field)[0].GetString());
        }

        var (unknownLot, _) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/lots/ZZ/caseload-transfer", Body(from.Id, to.Id, "2019-08-01"));
        Assert.Equal(HttpStatusCode.NotFound, unknownLot);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/lots/ZZ/caseload")).StatusCode);

        Assert.Equal(from.Id, (await App.ParticipantAsync(participant.Id)).ContractId);
        Assert.Empty(await App.TransfersAsync(participant.Id));
    }

    [Fact]
    public async Task The_commissioner_transfers_a_caseload_on_the_page()
    {
        var from = await App.ContractAsync("CC-GL-01");
        var to = await App.AddContractAsync("GL", "CC-GL-T2", new DateOnly(2021, 6, 1), null);
        var first = await App.AddAsync("GL", p => OnOldContract(p, from));
        var second = await App.AddAsync("GL", p => OnOldContract(p, from));
        using var client = await App.SignInAsync(DemoUsers.Commissioner);

        var page = await client.GetPageAsync("/setup/lots/gl/caseload-transfer");
        var row = page.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "CC-GL-01");
        Assert.Equal("2", row.QuerySelectorAll("td")[2].TextContent.Trim());
        Assert.Contains("Their advisors are removed", page.QuerySelector(".govuk-warning-text")!.TextContent, StringComparison.Ordinal);

        var empty = await client.PostFormAsync("/setup/lots/gl/caseload-transfer", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var errors = await client.ParseAsync(empty);
        Assert.Equal(
            ["#fromContractId", "#toContractId", "#transferredOn"],
            errors.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")));

        var bad = await client.PostFormAsync("/setup/lots/gl/caseload-transfer", Form(from.Id, to.Id, null, ("transferredOn.Day", "31"), ("transferredOn.Month", "2"), ("transferredOn.Year", "2021")));
        Assert.Equal("The transfer date must be a real date, for example 1 4 2020", (await client.ParseAsync(bad)).QuerySelector("#transferredOn-error")!.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim());
        Assert.Equal(from.Id, (await App.ParticipantAsync(first.Id)).ContractId);

        var response = await client.PostFormAsync("/setup/lots/gl/caseload-transfer", Form(from.Id, to.Id, new DateOnly(2021, 6, 1), ("reason", "Provider withdrew")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/setup/lots/gl/caseload-transfer", response.Headers.Location!.ToString());
        var after = await client.GetPageAsync("/setup/lots/gl/caseload-transfer");
        Assert.Equal("2 participants transferred from CC-GL-01 to CC-GL-T2", after.QuerySelector(".govuk-notification-banner__heading")!.TextContent.Trim());
        Assert.Equal(to.Id, (await App.ParticipantAsync(first.Id)).ContractId);
        Assert.Equal(to.Id, (await App.ParticipantAsync(second.Id)).ContractId);
        Assert.Equal("Provider withdrew", Assert.Single(await App.TransfersAsync(second.Id)).Reason);
    }

    [Fact]
    public async Task Thousands_of_participants_move_in_one_set_based_transfer()
    {
        const int count = 3000;
        var from = await App.ContractAsync("CC-CH-01");
        var to = await App.AddContractAsync("CH", "CC-CH-T2", new DateOnly(2021, 1, 1), null);
        var advisor = await App.AddAdvisorAsync("CH");
        await App.WithDbAsync(async db =>
        {
            var lot = await db.Lots.SingleAsync(l => l.Code == "CH");
            for (var n = 1; n <= count; n++)
            {
                db.Participants.Add(new Participant
                {
                    LotId = lot.Id,
                    ContractId = from.Id,
                    Number = 100_000 + n,
                    Reference = $"CH-{100_000 + n:D6}",
                    AdvisorId = advisor.Id,
                    FirstName = "Bulk",
                    LastName = $"Person{n}",
                    SearchFirstName = "bulk",
                    SearchLastName = $"person{n}",
                    DateOfBirth = new DateOnly(1980, 1, 1),
                    Postcode = "CV10 7AA",
                    EmploymentStatus = EmploymentStatus.NeverWorked,
                    Cohort = Domain.Programme.Cohort.HardestToHelp,
                    AgeBand = AgeBand.Age35To54,
                    RegisteredOn = new DateOnly(2020, 1, 6),
                    Status = n % 4 == 0 ? ParticipantStatus.Left : ParticipantStatus.Active,
                    PrivacyNoticeAcknowledged = true,
                    CreatedAt = DateTimeOffset.UtcNow,
                });
            }

            return await db.SaveChangesAsync();
        });
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);

        var clock = Stopwatch.StartNew();
        var (status, body) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/lots/CH/caseload-transfer", Body(from.Id, to.Id, "2021-01-04"));
        clock.Stop();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(count, body.GetProperty("transferred").GetInt32());
        Assert.Equal(count / 4, body.GetProperty("left").GetInt32());
        var (moved, rows, stillOld) = await App.WithDbAsync(async db => (
            await db.Participants.CountAsync(p => p.ContractId == to.Id && p.AdvisorId == null),
            await db.ParticipantTransfers.CountAsync(t => t.ToContractId == to.Id && t.FromAdvisorId == advisor.Id),
            await db.Participants.CountAsync(p => p.ContractId == from.Id)));
        Assert.Equal(count, moved);
        Assert.Equal(count, rows);
        Assert.Equal(0, stillOld);
        TestContext.Current.SendDiagnosticMessage($"{count} participants transferred in {clock.ElapsedMilliseconds} ms on {fixture.Kind}");
    }

    private static void OnOldContract(Participant participant, Contract contract, Guid? advisorId = null)
    {
        participant.ContractId = contract.Id;
        participant.RegisteredOn = contract.StartDate.AddMonths(3);
        if (advisorId is not null)
        {
            participant.AdvisorId = advisorId;
        }
    }

    private static object Body(Guid fromContractId, Guid toContractId, string transferredOn, string? reason = null) =>
        new { fromContractId, toContractId, transferredOn, reason };

    private static List<KeyValuePair<string, string>> Form(Guid from, Guid to, DateOnly? on, params (string Key, string Value)[] extra)
    {
        var fields = new List<KeyValuePair<string, string>> { new("fromContractId", from.ToString()), new("toContractId", to.ToString()) };
        if (on is { } date)
        {
            fields.Add(new("transferredOn.Day", date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            fields.Add(new("transferredOn.Month", date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            fields.Add(new("transferredOn.Year", date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        fields.AddRange(extra.Select(e => new KeyValuePair<string, string>(e.Key, e.Value)));
        return fields;
    }
}
