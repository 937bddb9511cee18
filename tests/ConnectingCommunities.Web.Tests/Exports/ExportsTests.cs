using System.Net;
using System.Text;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Support;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Features.Exports;
using ConnectingCommunities.Web.Tests.Infrastructure;
using ConnectingCommunities.Web.Tests.Outcomes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Web.Tests.Exports;

public sealed class ExportsTestsOnSqlite(SqliteApp fixture) : ExportsTests<SqliteApp>(fixture);

public sealed class ExportsTestsOnPostgres(PostgresApp fixture) : ExportsTests<PostgresApp>(fixture);

/// <summary>
/// List downloads (pages, API) on a real database: every table in CSV and XLSX, read back with an
/// independent reader; rows as the list shows them and only in the caller's lots; formula text neutralised;
/// RFC 4180 quoting and the byte order mark; access by role; each download logged. Each test adds
/// participants with a surname no other test uses, and filters by it.
/// </summary>
public abstract class ExportsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private TestApp App => fixture.App;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Tables => new(ExportCatalogue.Tables.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task Every_list_downloads_as_CSV_and_XLSX_with_its_columns_and_the_same_rows(string table)
    {
        var (added, _) = await AddParticipantsAsync(Token(), ("WH", "Amina"), ("SE", "Ben"));
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var definition = ExportCatalogue.Find(table)!;

        // The audit history grows with every download (and with other tests running alongside): one participant's is stable.
        var filter = table == "audit-events" ? $"&participant={added.Reference}" : "";
        var csvResponse = await client.GetAsync($"/api/v1/exports/{table}?format=csv{filter}");
        var xlsxResponse = await client.GetAsync($"/api/v1/exports/{table}?format=xlsx{filter}");

        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", csvResponse.Content.Headers.ContentType!.CharSet);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsxResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", csvResponse.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"{table}-all.csv", csvResponse.Content.Headers.ContentDisposition!.FileNameStar ?? csvResponse.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        var csv = ExportFile.FromCsv(await csvResponse.Content.ReadAsByteArrayAsync(Ct));
        var xlsx = ExportFile.FromXlsx(await xlsxResponse.Content.ReadAsByteArrayAsync(Ct));
        var headings = definition.Columns.Select(c => c.Heading).ToList();
        Assert.Equal(headings, csv.Header);
        Assert.Equal(headings, xlsx.Header);
        Assert.Equal(csv.Rows.Count, xlsx.Rows.Count);
        if (table is "participants" or "lots" or "tariffs" or "users" or "providers" or "contracts" or "targets" or "audit-events")
        {
            Assert.NotEmpty(csv.Rows);
        }
    }

    [Fact]
    public async Task The_participants_download_holds_the_caseload_list_rows_and_values()
    {
        var token = Token();
        var (wh, _) = await AddParticipantsAsync(token, ("WH", "Amina"), ("SE", "Ben"));
        await AddParticipantsAsync(token, ("WH", "Carys"));
        using var client = await App.ApiClientAsync(DemoUsers.Manager("WH"));

        var list = await client.GetJsonAsync($"/api/v1/participants?search={token}");
        var csv = ExportFile.FromCsv(await GetBytesAsync(client, $"/api/v1/exports/participants?format=csv&search={token}"));
        var xlsx = ExportFile.FromXlsx(await GetBytesAsync(client, $"/api/v1/exports/participants?format=xlsx&search={token}"));

        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.Equal(2, csv.Rows.Count);
        Assert.Equal(2, xlsx.Rows.Count);
        Assert.All(csv.Column("Lot"), lot => Assert.Equal("WH", lot));
        Assert.Equal(["Amina", "Carys"], csv.Column("First name").Order());
        var row = csv.Rows.Single(r => r[0] == wh.Reference);
        Assert.Equal("1985-06-15", row[csv.Header.ToList().IndexOf("Date of birth")]);
        Assert.Equal("B8 1AA", row[csv.Header.ToList().IndexOf("Postcode")]);
        Assert.Equal("Active", row[csv.Header.ToList().IndexOf("Status")]);
        var xlsxRow = xlsx.Rows.Single(r => r[0] == wh.Reference);
        Assert.Equal(new DateOnly(1985, 6, 15).ToDateTime(TimeOnly.MinValue).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture), xlsxRow[xlsx.Header.ToList().IndexOf("Date of birth")]);
    }

    [Theory]
    [InlineData("participants")]
    [InlineData("interventions")]
    [InlineData("help-requests")]
    [InlineData("claims")]
    [InlineData("claim-lines")]
    [InlineData("job-starts")]
    [InlineData("sustainment-checks-due")]
    [InlineData("audit-events")]
    public async Task A_manager_of_WH_never_gets_a_row_of_another_lot(string table)
    {
        var token = Token();
        await AddParticipantsAsync(token, ("WH", "Amina"), ("SE", "Ben"));
        using var manager = await App.ApiClientAsync(DemoUsers.Manager("WH"));
        using var commissioner = await App.ApiClientAsync(DemoUsers.Commissioner);

        var own = ExportFile.FromCsv(await GetBytesAsync(manager, $"/api/v1/exports/{table}?format=csv"));
        var asked = ExportFile.FromXlsx(await GetBytesAsync(manager, $"/api/v1/exports/{table}?format=xlsx&lotCode=SE"));
        var all = ExportFile.FromCsv(await GetBytesAsync(commissioner, $"/api/v1/exports/{table}?format=csv"));

        Assert.All(own.Column("Lot"), lot => Assert.Equal("WH", lot));
        Assert.Empty(asked.Rows);
        if (table is "participants" or "interventions" or "audit-events")
        {
            Assert.Contains("WH", own.Column("Lot"));
            Assert.Contains("SE", all.Column("Lot"));
        }
    }

    [Fact]
    public async Task Text_that_a_spreadsheet_would_run_is_neutralised_in_CSV_and_XLSX_and_numbers_are_not()
    {
        var token = Token();
        const string Payload = "=HYPERLINK(\"http://example.com\",\"Click\")";
        await AddParticipantsAsync(token, ("WH", Payload));
        await AddParticipantsAsync(token, ("WH", "-2+3+cmd|' /C calc'!A0"));
        await AddParticipantsAsync(token, ("WH", "@SUM(1)"));
        using var client = await App.ApiClientAsync(DemoUsers.Manager("WH"));

        var csvBytes = await GetBytesAsync(client, $"/api/v1/exports/participants?format=csv&search={token}");
        var csv = ExportFile.FromCsv(csvBytes);
        var xlsx = ExportFile.FromXlsx(await GetBytesAsync(client, $"/api/v1/exports/participants?format=xlsx&search={token}"));

        foreach (var file in new[] { csv, xlsx })
        {
            Assert.Equal(
                ["'-2+3+cmd|' /C calc'!A0", "'=HYPERLINK(\"http://example.com\",\"Click\")", "'@SUM(1)"],
                file.Column("First name").Order(StringComparer.Ordinal));
        }

        Assert.DoesNotContain("\n=", Encoding.UTF8.GetString(csvBytes), StringComparison.Ordinal);
        Assert.DoesNotContain(",=", Encoding.UTF8.GetString(csvBytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CSV_quotes_commas_quotes_and_line_breaks_as_RFC_4180_says()
    {
        var token = Token();
        await AddParticipantsAsync(token, ("WH", "Ann \"Annie\", Lee"), ("WH", "Line\r\nbreak"));
        using var client = await App.ApiClientAsync(DemoUsers.Manager("WH"));

        var bytes = await GetBytesAsync(client, $"/api/v1/exports/participants?format=csv&search={token}");
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var csv = ExportFile.FromCsv(bytes);

        Assert.StartsWith("Reference,Lot,Last name,First name,", text, StringComparison.Ordinal);
        Assert.Contains(",\"Ann \"\"Annie\"\", Lee\",", text, StringComparison.Ordinal);
        Assert.Contains(",\"Line\r\nbreak\",", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.Equal(["Ann \"Annie\", Lee", "Line\r\nbreak"], csv.Column("First name").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Interventions_are_listed_with_their_participant_and_lot()
    {
        var token = Token();
        var (wh, se) = await AddParticipantsAsync(token, ("WH", "Amina"), ("SE", "Ben"));
        using var manager = await App.ApiClientAsync(DemoUsers.Manager("WH"));

        var file = ExportFile.FromCsv(await GetBytesAsync(manager, "/api/v1/exports/interventions?format=csv&from=2024-02-03&to=2024-02-03"));

        var row = Assert.Single(file.Rows, r => r[0] == wh.Reference);
        Assert.Equal(["WH", "2024-02-03", "45", "Yes"], [row[1], row[2], row[5], row[6]]);
        Assert.DoesNotContain(se!.Reference, file.Column("Participant"));
    }

    [Fact]
    public async Task The_sustainment_checks_due_download_holds_the_worklist_rows_of_the_callers_lots()
    {
        var token = Token();
        var (wh, se) = await AddParticipantsAsync(token, ("WH", "Amina"), ("SE", "Ben"));
        var started = Today.AddDays(-100).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using (var advisor = await App.ApiClientAsync(DemoUsers.Advisor("WH")))
        {
            await advisor.JobStartAsync(wh.Id, started);
        }

        using (var advisor = await App.ApiClientAsync(DemoUsers.Advisor("SE")))
        {
            await advisor.JobStartAsync(se!.Id, started);
        }

        using var manager = await App.ApiClientAsync(DemoUsers.Manager("WH"));
        using var commissioner = await App.ApiClientAsync(DemoUsers.Commissioner);

        var worklist = await manager.GetJsonAsync("/api/v1/sustainment-checks/due?pageSize=500");
        var csv = ExportFile.FromCsv(await GetBytesAsync(manager, "/api/v1/exports/sustainment-checks-due?format=csv"));
        var xlsx = ExportFile.FromXlsx(await GetBytesAsync(manager, "/api/v1/exports/sustainment-checks-due?format=xlsx"));
        var everyLot = ExportFile.FromCsv(await GetBytesAsync(commissioner, "/api/v1/exports/sustainment-checks-due?format=csv"));
        var narrowed = ExportFile.FromCsv(await GetBytesAsync(commissioner, "/api/v1/exports/sustainment-checks-due?format=csv&lot=SE&within=0"));

        Assert.Equal(worklist.GetProperty("total").GetInt32(), csv.Rows.Count);
        Assert.Equal(csv.Rows.Count, xlsx.Rows.Count);
        Assert.All(csv.Column("Lot"), lot => Assert.Equal("WH", lot));
        var row = Assert.Single(csv.Rows, r => r[0] == wh.Reference);
        Assert.Equal(["Amina " + token, "WH", "13-week check", started, Today.AddDays(-9).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "Overdue", "9"],
            [row[1], row[2], row[4], row[5], row[6], row[7], row[8]]);
        Assert.DoesNotContain(se.Reference, csv.Column("Participant"));
        Assert.Contains(se.Reference, everyLot.Column("Participant"));
        Assert.Contains(wh.Reference, everyLot.Column("Participant"));
        Assert.All(narrowed.Column("Lot"), lot => Assert.Equal("SE", lot));
        Assert.Contains(se.Reference, narrowed.Column("Participant"));
    }

    [Fact]
    public async Task The_audit_history_holds_the_events_about_the_callers_lots_with_formulas_neutralised()
    {
        var token = Token();
        var (wh, other) = await AddParticipantsAsync(token, ("WH", "Amina"), ("SE", "Ben"));
        var se = other!;
        const string Payload = "=HYPERLINK(\"http://example.com\",\"Click\")";
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
            foreach (var participant in new[] { wh, se })
            {
                db.AuditEvents.Add(new AuditEvent
                {
                    OccurredAt = DateTimeOffset.UtcNow,
                    UserName = "-2+3+cmd|' /C calc'!A0",
                    Action = "updated",
                    EntityType = nameof(Participant),
                    EntityId = participant.Id.ToString(),
                    LotId = participant.LotId,
                    ParticipantId = participant.Id,
                    Summary = Payload,
                    Reason = "@SUM(1)",
                });
            }

            await db.SaveChangesAsync(Ct);
        }

        using var manager = await App.ApiClientAsync(DemoUsers.Manager("WH"));
        using var commissioner = await App.ApiClientAsync(DemoUsers.Commissioner);

        var own = ExportFile.FromCsv(await GetBytesAsync(manager, $"/api/v1/exports/audit-events?format=csv&participant={wh.Reference}"));
        var ownXlsx = ExportFile.FromXlsx(await GetBytesAsync(manager, $"/api/v1/exports/audit-events?format=xlsx&participant={wh.Reference}"));
        var another = ExportFile.FromCsv(await GetBytesAsync(manager, $"/api/v1/exports/audit-events?format=csv&participant={se.Reference}"));
        var whole = ExportFile.FromCsv(await GetBytesAsync(manager, "/api/v1/exports/audit-events?format=csv"));
        var everyLot = ExportFile.FromCsv(await GetBytesAsync(commissioner, $"/api/v1/exports/audit-events?format=csv&participant={se.Reference}"));

        // The participant's creation, their contact and the event added here; nothing of SE's participant.
        Assert.Equal(3, own.Rows.Count);
        Assert.Equal(own.Rows.Count, ownXlsx.Rows.Count);
        Assert.All(own.Column("Participant"), p => Assert.Equal(wh.Reference, p));
        Assert.Empty(another.Rows);
        Assert.DoesNotContain(se.Reference, whole.Column("Participant"));
        Assert.Contains(wh.Reference, whole.Column("Participant"));
        Assert.All(whole.Column("Lot"), lot => Assert.Equal("WH", lot));
        Assert.Equal(3, everyLot.Rows.Count);
        foreach (var file in new[] { own, ownXlsx })
        {
            var added = Assert.Single(file.Rows, r => r[file.Header.ToList().IndexOf("Action")] == "updated");
            Assert.Equal("'" + Payload, added[file.Header.ToList().IndexOf("Summary")]);
            Assert.Equal("'@SUM(1)", added[file.Header.ToList().IndexOf("Reason")]);
            Assert.Equal("'-2+3+cmd|' /C calc'!A0", added[file.Header.ToList().IndexOf("User")]);
            Assert.Contains(file.Rows, r => r[file.Header.ToList().IndexOf("Action")] == "created" && r[file.Header.ToList().IndexOf("Record type")] == nameof(Participant));
        }
    }

    [Fact]
    public async Task Advisors_and_evaluators_are_refused_the_audit_history_and_its_filters_are_checked()
    {
        using var advisor = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        using var evaluator = await App.ApiClientAsync(DemoUsers.Evaluator);
        using var evaluatorPages = await App.SignInAsync(DemoUsers.Evaluator);
        using var commissioner = await App.ApiClientAsync(DemoUsers.Commissioner);

        Assert.Equal(HttpStatusCode.Forbidden, (await advisor.GetAsync("/api/v1/exports/audit-events?format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.GetAsync("/api/v1/exports/audit-events?format=xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluatorPages.GetAsync("/exports/audit-events?format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.GetAsync("/api/v1/exports/sustainment-checks-due?format=csv")).StatusCode);
        var (status, body) = await GetProblemAsync(commissioner, "/api/v1/exports/audit-events?format=csv&from=yesterday&lotCode=ZZ");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("\"from\"", body, StringComparison.Ordinal);
        Assert.Contains("lotCode", body, StringComparison.Ordinal);
        var (within, withinBody) = await GetProblemAsync(commissioner, "/api/v1/exports/sustainment-checks-due?format=csv&within=400");
        Assert.Equal(HttpStatusCode.BadRequest, within);
        Assert.Contains("within", withinBody, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Each_role_may_download_the_lists_its_pages_show(string email)
    {
        using var client = await App.ApiClientAsync(email);

        var participants = (await client.GetAsync("/api/v1/exports/participants?format=csv")).StatusCode;
        var claims = (await client.GetAsync("/api/v1/exports/claims?format=csv")).StatusCode;
        var lots = (await client.GetAsync("/api/v1/exports/lots?format=csv")).StatusCode;
        var checksDue = (await client.GetAsync("/api/v1/exports/sustainment-checks-due?format=csv")).StatusCode;
        var audit = (await client.GetAsync("/api/v1/exports/audit-events?format=csv&from=2000-01-01&to=2000-01-01")).StatusCode;

        Assert.Equal(email == DemoUsers.Evaluator ? HttpStatusCode.Forbidden : HttpStatusCode.OK, participants);
        Assert.Equal(email == DemoUsers.Evaluator ? HttpStatusCode.Forbidden : HttpStatusCode.OK, checksDue);
        Assert.Equal(email == DemoUsers.Commissioner || email == DemoUsers.Manager("WH") ? HttpStatusCode.OK : HttpStatusCode.Forbidden, audit);
        Assert.Equal(email == DemoUsers.Commissioner || email == DemoUsers.Manager("WH") ? HttpStatusCode.OK : HttpStatusCode.Forbidden, claims);
        Assert.Equal(email == DemoUsers.Commissioner ? HttpStatusCode.OK : HttpStatusCode.Forbidden, lots);
    }

    [Fact]
    public async Task Bad_requests_are_named_and_nothing_is_written()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        using var anonymous = App.CreateClient();

        var unknown = await client.GetAsync("/api/v1/exports/secrets?format=csv");
        var (format, formatBody) = await GetProblemAsync(client, "/api/v1/exports/participants?format=pdf");
        var (lot, lotBody) = await GetProblemAsync(client, "/api/v1/exports/interventions?format=csv&lotCode=ZZ&from=1st%20May");
        var (cohort, cohortBody) = await GetProblemAsync(client, "/api/v1/exports/participants?format=csv&cohort=Nobody");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, format);
        Assert.Contains("format", formatBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, lot);
        Assert.Contains("lotCode", lotBody, StringComparison.Ordinal);
        Assert.Contains("\"from\"", lotBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, cohort);
        Assert.Contains("cohort", cohortBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/exports/participants?format=csv")).StatusCode);
    }

    [Fact]
    public async Task The_tables_are_listed_with_their_filters_and_columns()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));

        var tables = await client.GetJsonAsync("/api/v1/exports");

        var participants = tables.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "participants");
        Assert.Contains("search", participants.GetProperty("filters").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("Reference", participants.GetProperty("columns")[0].GetString());
        Assert.True(participants.GetProperty("participantLevel").GetBoolean());
    }

    [Fact]
    public async Task Each_download_is_logged_with_who_what_filters_and_rows()
    {
        var token = Token();
        await AddParticipantsAsync(token, ("WH", "Amina"), ("WH", "Carys"));
        using var client = await App.ApiClientAsync(DemoUsers.Manager("WH"));

        await GetBytesAsync(client, $"/api/v1/exports/participants?format=xlsx&search={token}");

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var logged = await db.AuditEvents.AsNoTracking()
            .Where(a => a.Action == ExportService.AuditAction && a.EntityId == "participants" && a.UserName == DemoUsers.Manager("WH"))
            .ToListAsync(Ct);
        var entry = Assert.Single(logged, a => a.Summary!.Contains($"search={token}", StringComparison.Ordinal));
        Assert.Equal(ExportService.AuditEntityType, entry.EntityType);
        Assert.NotNull(entry.UserId);
        Assert.Contains("Participants as XLSX: 2 rows", entry.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_caseload_page_links_to_downloads_that_keep_its_filters()
    {
        var token = Token();
        await AddParticipantsAsync(token, ("WH", "Amina"), ("WH", "Carys"), ("SE", "Ben"));
        using var client = await App.SignInAsync(DemoUsers.Manager("WH"));

        var page = await client.GetPageAsync($"/participants?search={token}&advisor=");
        var csvLink = page.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Download these participants as CSV").GetAttribute("href")!;
        var xlsxLink = page.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Download these participants as XLSX").GetAttribute("href")!;
        var csv = ExportFile.FromCsv(await GetBytesAsync(client, csvLink));
        var xlsx = ExportFile.FromXlsx(await GetBytesAsync(client, xlsxLink));

        Assert.StartsWith("/exports/participants?format=csv", csvLink, StringComparison.Ordinal);
        Assert.Contains($"search={token}", csvLink, StringComparison.Ordinal);
        Assert.Equal(2, csv.Rows.Count);
        Assert.Equal(2, xlsx.Rows.Count);
        Assert.Contains("2 participants", page.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/claims", "Download these claims as CSV", "manager")]
    [InlineData("/claims", "Download the lines of these claims as XLSX", "manager")]
    [InlineData("/payments", "Download these payment runs as CSV", "commissioner")]
    [InlineData("/help-requests", "Download these requests as CSV", "manager")]
    [InlineData("/vacancies", "Download these vacancies as CSV", "advisor")]
    [InlineData("/employers", "Download these employers as XLSX", "advisor")]
    [InlineData("/setup/lots", "Download the lots as CSV", "commissioner")]
    [InlineData("/setup/providers", "Download every contract as CSV", "commissioner")]
    [InlineData("/setup/tariffs", "Download every rate as XLSX", "commissioner")]
    [InlineData("/setup/targets", "Download these targets as CSV", "commissioner")]
    [InlineData("/setup/users", "Download these users as CSV", "commissioner")]
    [InlineData("/sustainment-checks", "Download these checks as XLSX", "advisor")]
    public async Task Every_list_page_links_to_its_download(string url, string link, string who)
    {
        var email = who switch { "manager" => DemoUsers.Manager("WH"), "advisor" => DemoUsers.Advisor("WH"), _ => DemoUsers.Commissioner };
        using var client = await App.SignInAsync(email);

        var page = await client.GetPageAsync(url);
        var href = page.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == link).GetAttribute("href")!;
        var response = await client.GetAsync(href);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        var file = href.Contains("format=csv", StringComparison.Ordinal) ? ExportFile.FromCsv(bytes) : ExportFile.FromXlsx(bytes);
        Assert.NotEmpty(file.Header);
    }

    [Fact]
    public async Task A_download_link_for_a_list_the_role_cannot_see_is_refused()
    {
        using var evaluator = await App.SignInAsync(DemoUsers.Evaluator);
        using var advisor = await App.SignInAsync(DemoUsers.Advisor("WH"));

        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.GetAsync("/exports/participants?format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await advisor.GetAsync("/exports/users?format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await advisor.GetAsync("/exports/nothing?format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await advisor.GetAsync("/exports/participants?format=doc")).StatusCode);
    }

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).DateTime);

    private static string Token() => "exp" + new string([.. Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(8)]) + "q";

    private static async Task<byte[]> GetBytesAsync(TestClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetProblemAsync(TestClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>Participants with the token as surname (so a search finds exactly them), each with one contact on 3 February 2024.</summary>
    private async Task<(Participant First, Participant? Second)> AddParticipantsAsync(string token, params (string Lot, string FirstName)[] people)
    {
        var added = new List<Participant>();
        foreach (var (lot, firstName) in people)
        {
            var participant = await App.AddAsync(lot, p =>
            {
                p.FirstName = firstName;
                p.LastName = token;
                p.SearchFirstName = "x";
                p.SearchLastName = token;
            });
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
            db.Interventions.Add(new Intervention
            {
                ParticipantId = participant.Id,
                Date = new DateOnly(2024, 2, 3),
                AdvisorName = "=Advisor",
                Mode = InterventionMode.FaceToFace,
                ActivityType = Enum.GetValues<ActivityType>()[0],
                DurationMinutes = 45,
                IsMeaningful = true,
                RecordedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync(Ct);
            added.Add(participant);
        }

        return (added[0], added.Count > 1 ? added[1] : null);
    }
}
