using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Features.Outcomes;
using ConnectingCommunities.Web.Tests.Infrastructure;
using ConnectingCommunities.Web.Tests.Participants.Plan;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ConnectingCommunities.Web.Tests.Outcomes.JobStartTestSupport;
using static ConnectingCommunities.Web.Tests.Participants.Plan.PlanTestSupport;

namespace ConnectingCommunities.Web.Tests.Outcomes;

public sealed class JobStartsTestsOnSqlite(SqliteApp fixture) : JobStartsTests<SqliteApp>(fixture);

public sealed class JobStartsTestsOnPostgres(PostgresApp fixture) : JobStartsTests<PostgresApp>(fixture);

/// <summary>
/// Job starts with evidence files through the API and the pages: the Job outcome milestone they
/// record, who may record, read and download them, and every refused input leaving nothing behind,
/// no row and no file.
/// </summary>
public abstract class JobStartsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private TestApp App => fixture.App;

    public static TheoryData<string> Everyone => new([.. DemoUsers.OnePerRole, DemoUsers.Manager("SE"), DemoUsers.Advisor("SE")]);

    public static TheoryData<string, object, string, string> BadJobStarts => new()
    {
        { "before registration", Body(startDate: "2021-02-28"), "startDate", "on or after the day they registered" },
        { "in the future", Body(startDate: Iso(Today.AddDays(1))), "startDate", "today or in the past" },
        { "no start date", Without(Body(), "startDate"), "startDate", "Enter the start date" },
        { "over 100 hours", Body(weeklyHours: 100.5m), "weeklyHours", "no more than 100" },
        { "no hours", Body(weeklyHours: 0m), "weeklyHours", "more than 0" },
        { "negative hours", Body(weeklyHours: -5m), "weeklyHours", "more than 0" },
        { "a wage below zero", Body(hourlyWage: -0.01m), "hourlyWage", "£0 or more" },
        { "an unknown contract type", Body(contractType: "Casual"), "contractType", "Permanent, FixedTerm, Temporary, ZeroHours, Apprenticeship, SelfEmployed" },
        { "no contract type", Body(contractType: null), "contractType", "Allowed values: Permanent" },
        { "a contract type by number", Body(contractType: "1"), "contractType", "Allowed values" },
        { "a SOC code of 3 digits", Body(socCode: "925"), "socCode", "4 digits" },
        { "a SOC code starting 0", Body(socCode: "0123"), "socCode", "first from 1 to 9" },
        { "no employer", Body(employerName: " "), "employerName", "Enter the employer's name" },
        { "no job title", Body(jobTitle: ""), "jobTitle", "Enter the job title" },
    };

    public static TheoryData<string, byte[], string, string?, string> BadFiles => new()
    {
        { "a .pdf that is really a PNG", Png, "payslip.pdf", "Payslip", "content is a PNG" },
        { "a .png that is really a PDF", Pdf, "payslip.png", "Payslip", "content is a PDF" },
        { "a .jpg that is text", "hello, not an image"u8.ToArray(), "letter.jpg", "EmployerLetter", "not a real JPEG" },
        { "a text file", "hello"u8.ToArray(), "notes.txt", "Other", "PDF, JPEG or PNG" },
        { "a file with no extension", Pdf, "payslip", "Payslip", "PDF, JPEG or PNG" },
        { "an empty file", [], "empty.pdf", "Payslip", "empty" },
        { "a file over 10 MB", [.. Pdf, .. new byte[(10 * 1024 * 1024) - Pdf.Length + 1]], "big.pdf", "Payslip", "smaller than 10 MB" },
        { "an unknown kind", Pdf, "payslip.pdf", "Invoice", "Payslip, Contract, EmployerLetter, Other" },
    };

    [Fact]
    public async Task Recording_a_job_start_answers_201_and_records_the_job_outcome_milestone_on_its_date()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var url = $"/api/v1/participants/{participant.Id}/job-starts";

        var (status, created) = await client.SendJsonAsync(HttpMethod.Post, url, Body(socCode: "9252"));
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.True(Guid.TryParse(created.GetProperty("id").GetString(), out _));
        Assert.Equal("Permanent", created.GetProperty("contractType").GetString());
        Assert.Equal("Acme Logistics Ltd", created.GetProperty("employerName").GetString());
        Assert.Equal(356.25m, created.GetProperty("weeklyEarnings").GetDecimal());

        var milestones = await client.GetJsonAsync($"/api/v1/participants/{participant.Id}/milestones");
        var jobOutcome = Assert.Single(Items(milestones), m => m.GetProperty("milestone").GetString() == "JobOutcome");
        Assert.Equal("2021-06-14", jobOutcome.GetProperty("achievedOn").GetString());

        // A later job keeps the date; an earlier one (recorded late) moves it to the earliest start. Never twice.
        Assert.Equal(HttpStatusCode.Created, (await client.SendJsonAsync(HttpMethod.Post, url, Body(employerName: "acme  logistics LTD", startDate: "2021-09-01", contractType: "zerohours"))).Status);
        Assert.Equal(HttpStatusCode.Created, (await client.SendJsonAsync(HttpMethod.Post, url, Body(employerName: "Corner Shop", startDate: "2021-05-03", contractType: "Temporary", hourlyWage: 0m))).Status);
        milestones = await client.GetJsonAsync($"/api/v1/participants/{participant.Id}/milestones");
        jobOutcome = Assert.Single(Items(milestones), m => m.GetProperty("milestone").GetString() == "JobOutcome");
        Assert.Equal("2021-05-03", jobOutcome.GetProperty("achievedOn").GetString());

        var list = await client.GetJsonAsync(url);
        Assert.Equal(3, list.GetProperty("total").GetInt32());
        var names = Items(list).Select(j => j.GetProperty("employerName").GetString()).ToList();
        Assert.Equal(new[] { "Acme Logistics Ltd", "Acme Logistics Ltd", "Corner Shop" }, names);
        Assert.Equal("ZeroHours", Items(list)[0].GetProperty("contractType").GetString());
        Assert.Equal("9252", Items(list)[1].GetProperty("socCode").GetString());
        Assert.Equal(0, Items(list)[0].GetProperty("evidence").GetArrayLength());

        var audit = await App.AuditAsync(participant.Id);
        Assert.Contains(audit, a => a.EntityType == "JobStart" && a.Action == "created");
        Assert.Contains(audit, a => a.Action == "viewed" && a.Summary == "job starts");
    }

    [Theory]
    [MemberData(nameof(BadJobStarts))]
    public async Task A_bad_job_start_is_refused_naming_the_field_and_nothing_is_written(string what, object body, string field, string message)
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Manager("WH"));
        var before = await App.RowsAsync(participant.Id);

        var (status, problem) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participant.Id}/job-starts", body);

        Assert.True(status == HttpStatusCode.BadRequest, $"{what}: {(int)status} {problem}");
        AssertFieldError(problem, field, message);
        Assert.Equal(before, await App.RowsAsync(participant.Id));
    }

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task The_job_start_API_answers_each_role_and_lot(string email)
    {
        using var client = await App.ApiClientAsync(email);
        foreach (var lot in new[] { "WH", "SE" })
        {
            var participant = await App.ParticipantAsync(lot);
            var (jobStartId, evidenceId) = await SeedAsync(participant.Id, lot);
            var before = await App.RowsAsync(participant.Id);
            var url = $"/api/v1/participants/{participant.Id}/job-starts";

            var list = await client.GetAsync(url);
            var download = await client.GetAsync($"{url}/{jobStartId}/evidence/{evidenceId}");
            var post = (await client.SendJsonAsync(HttpMethod.Post, url, Body(startDate: "2021-07-01"))).Status;
            using var upload = Upload(Png, "letter.png", "EmployerLetter");
            var evidence = (await client.Http.PostAsync(new Uri($"{url}/{jobStartId}/evidence", UriKind.Relative), upload, TestContext.Current.CancellationToken)).StatusCode;

            var (read, write) = Expected(email, lot);
            AssertStatus(read, list.StatusCode, $"{email} GET job starts of a {lot} participant");
            AssertStatus(read, download.StatusCode, $"{email} GET evidence of a {lot} participant");
            AssertStatus(write == HttpStatusCode.OK ? HttpStatusCode.Created : write, post, $"{email} POST job start for a {lot} participant");
            AssertStatus(write == HttpStatusCode.OK ? HttpStatusCode.Created : write, evidence, $"{email} POST evidence for a {lot} participant");
            var after = await App.RowsAsync(participant.Id);
            Assert.Equal(write == HttpStatusCode.OK ? before with { JobStarts = 2, Evidence = 2, Files = before.Files + 1 } : before, after);
            if (read == HttpStatusCode.OK)
            {
                Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
            }
        }
    }

    [Fact]
    public async Task Evidence_is_stored_with_its_hash_and_downloaded_as_an_attachment_by_the_lot_only()
    {
        var participant = await App.ParticipantAsync("WH");
        using var advisor = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var url = $"/api/v1/participants/{participant.Id}/job-starts";
        var jobStartId = (await advisor.SendJsonAsync(HttpMethod.Post, url, Body())).Body.GetProperty("id").GetString();

        foreach (var (bytes, name, kind, type) in new[]
                 {
                     (Pdf, "../../etc/passwd payslip.pdf", "Payslip", "application/pdf"),
                     (Png, "Letter.PNG", "employerletter", "image/png"),
                     (Jpeg, "contract.jpeg", "Contract", "image/jpeg"),
                 })
        {
            using var upload = Upload(bytes, name, kind);
            var response = await advisor.Http.PostAsync(new Uri($"{url}/{jobStartId}/evidence", UriKind.Relative), upload, TestContext.Current.CancellationToken);
            var created = await TestClient.ReadJsonAsync(response, HttpStatusCode.Created, $"upload {name}");
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), created.GetProperty("hash").GetString());
            Assert.Equal(bytes.Length, created.GetProperty("size").GetInt64());
            Assert.Equal(type, created.GetProperty("contentType").GetString());
            var evidenceId = created.GetProperty("id").GetString();

            using var manager = await App.ApiClientAsync(DemoUsers.Manager("WH"));
            var download = await manager.GetAsync($"{url}/{jobStartId}/evidence/{evidenceId}");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
            Assert.Equal(type, download.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
            Assert.DoesNotContain("/", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName ?? "", StringComparison.Ordinal);
            Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));

            using var otherLot = await App.ApiClientAsync(DemoUsers.Advisor("SE"));
            Assert.Equal(HttpStatusCode.NotFound, (await otherLot.GetAsync($"{url}/{jobStartId}/evidence/{evidenceId}")).StatusCode);
            using var evaluator = await App.ApiClientAsync(DemoUsers.Evaluator);
            Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.GetAsync($"{url}/{jobStartId}/evidence/{evidenceId}")).StatusCode);
        }

        var list = await advisor.GetJsonAsync(url);
        var evidence = Items(list)[0].GetProperty("evidence").EnumerateArray().ToList();
        Assert.Equal(new[] { "Payslip", "EmployerLetter", "Contract" }, evidence.Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal("passwd payslip.pdf", evidence[0].GetProperty("fileName").GetString());

        // Stored under names of the service's own, never the uploader's.
        var folder = App.Services.GetRequiredService<EvidenceOptions>().EffectiveFolder;
        var stored = Directory.GetFiles(folder).Select(Path.GetFileName).ToList();
        Assert.DoesNotContain(stored, f => f!.Contains("passwd", StringComparison.Ordinal) || f.Contains("Letter", StringComparison.Ordinal));
        Assert.False(Path.GetFullPath(folder).StartsWith(App.Services.GetRequiredService<IWebHostEnvironment>().WebRootPath, StringComparison.Ordinal));

        // A file of another job start, or of a job start of another participant, is not found.
        var other = await App.ParticipantAsync("WH");
        Assert.Equal(HttpStatusCode.NotFound, (await advisor.GetAsync($"/api/v1/participants/{other.Id}/job-starts/{jobStartId}/evidence/{evidence[0].GetProperty("id").GetString()}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_evidence_file_is_refused_naming_the_field_and_nothing_is_written(string what, byte[] content, string fileName, string? kind, string message)
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var url = $"/api/v1/participants/{participant.Id}/job-starts";
        var jobStartId = (await client.SendJsonAsync(HttpMethod.Post, url, Body())).Body.GetProperty("id").GetString();
        var before = await App.RowsAsync(participant.Id);

        using var upload = Upload(content, fileName, kind);
        var response = await client.Http.PostAsync(new Uri($"{url}/{jobStartId}/evidence", UriKind.Relative), upload, TestContext.Current.CancellationToken);
        var problem = await TestClient.ReadJsonAsync(response, HttpStatusCode.BadRequest, what);

        AssertFieldError(problem, kind == "Invoice" ? "kind" : "file", message);
        Assert.Equal(before, await App.RowsAsync(participant.Id));
    }

    [Fact]
    public async Task Evidence_without_a_file_is_refused_and_a_job_start_of_another_participant_is_not_found()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var url = $"/api/v1/participants/{participant.Id}/job-starts";
        var jobStartId = (await client.SendJsonAsync(HttpMethod.Post, url, Body())).Body.GetProperty("id").GetString();
        var before = await App.RowsAsync(participant.Id);

        using (var wrongField = Upload(Pdf, "payslip.pdf", field: "document"))
        {
            var response = await client.Http.PostAsync(new Uri($"{url}/{jobStartId}/evidence", UriKind.Relative), wrongField, TestContext.Current.CancellationToken);
            AssertFieldError(await TestClient.ReadJsonAsync(response, HttpStatusCode.BadRequest, "no file field"), "file", "Choose a file");
        }

        // A body that is not a multipart form is answered 415, as the endpoint's OpenAPI description says.
        var json = await client.SendJsonAsync(HttpMethod.Post, $"{url}/{jobStartId}/evidence", new { file = "payslip.pdf" });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.Status);

        var other = await App.ParticipantAsync("WH");
        using var upload = Upload(Pdf, "payslip.pdf");
        var misplaced = await client.Http.PostAsync(new Uri($"/api/v1/participants/{other.Id}/job-starts/{jobStartId}/evidence", UriKind.Relative), upload, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, misplaced.StatusCode);
        Assert.Equal(before, await App.RowsAsync(participant.Id));
    }

    [Fact]
    public async Task When_the_database_refuses_the_save_no_evidence_file_is_left_on_disk()
    {
        var participant = await App.ParticipantAsync("WH");
        var before = await App.RowsAsync(participant.Id);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var handler = scope.ServiceProvider.GetRequiredService<JobStartHandler>();

        // A row that breaks a foreign key makes the one save of the request fail after the file was written.
        db.Interventions.Add(new Intervention { ParticipantId = Guid.NewGuid(), Date = Start, AdvisorName = "Nobody" });
        var upload = new EvidenceUpload("payslip.pdf", Pdf.Length, () => new MemoryStream(Pdf), "Payslip");
        var input = new JobStartInput
        {
            EmployerName = "Doomed Employer Ltd",
            JobTitle = "Cleaner",
            StartDate = Start,
            WeeklyHours = 16m,
            HourlyWage = 9.50m,
            ContractType = "Temporary",
        };

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => handler.RecordAsync(participant.Id, input, upload, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(before, await App.RowsAsync(participant.Id));
    }

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task The_job_start_pages_answer_each_role_and_lot(string email)
    {
        using var client = await App.SignInAsync(email);
        foreach (var lot in new[] { "WH", "SE" })
        {
            var participant = await App.ParticipantAsync(lot);
            var (jobStartId, evidenceId) = await SeedAsync(participant.Id, lot);
            var url = $"/participants/{participant.Id}/job-starts";

            var (read, write) = Expected(email, lot);
            AssertStatus(write, (await client.GetAsync($"{url}/new")).StatusCode, $"{email} record a job start page of a {lot} participant");
            AssertStatus(write, (await client.GetAsync($"{url}/{jobStartId}/evidence/new")).StatusCode, $"{email} add evidence page of a {lot} participant");
            var download = await client.GetAsync($"{url}/{jobStartId}/evidence/{evidenceId}");
            AssertStatus(read, download.StatusCode, $"{email} evidence download of a {lot} participant");
            if (read == HttpStatusCode.OK)
            {
                Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
                Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
                var page = await client.GetPageAsync($"/participants/{participant.Id}");
                var jobs = page.QuerySelector("#jobs")!.ParentElement!;
                Assert.Contains("Warehouse operative at Acme Logistics Ltd", jobs.TextContent, StringComparison.Ordinal);
                Assert.NotNull(page.QuerySelector($"a[href='{url}/{jobStartId}/evidence/{evidenceId}']"));
                Assert.Equal(write == HttpStatusCode.OK, page.QuerySelector($"a[href='{url}/new']") is not null);
                Assert.Contains(page.QuerySelectorAll("#timeline ~ ol h3"), h => h.TextContent == "Started work: Warehouse operative at Acme Logistics Ltd");
            }

            var before = await App.RowsAsync(participant.Id);
            var post = await PostPageAsync(client, $"{url}/new", ValidForm(), Pdf, "payslip.pdf");
            AssertStatus(write == HttpStatusCode.OK ? HttpStatusCode.Redirect : write, post.StatusCode, $"{email} posting a job start for a {lot} participant");
            if (write != HttpStatusCode.OK)
            {
                Assert.Equal(before, await App.RowsAsync(participant.Id));
            }
        }
    }

    [Fact]
    public async Task An_advisor_records_a_job_start_with_a_payslip_on_the_page_and_adds_more_evidence()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.SignInAsync(DemoUsers.Advisor("WH"));
        var form = await client.GetPageAsync($"/participants/{participant.Id}/job-starts/new");
        Assert.Equal("multipart/form-data", form.QuerySelector("input[type=file]")!.Closest("form")!.GetAttribute("enctype"));
        Assert.NotNull(form.QuerySelector("input[type=file][name=file]"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));

        var response = await PostPageAsync(client, $"/participants/{participant.Id}/job-starts/new", ValidForm(), Pdf, "payslip-june.pdf");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/participants/{participant.Id}#jobs", response.Headers.Location?.OriginalString);
        var rows = await App.RowsAsync(participant.Id);
        Assert.Equal((1, 1, 1), (rows.JobStarts, rows.Evidence, rows.Milestones));

        var page = await client.GetPageAsync($"/participants/{participant.Id}");
        Assert.Contains("Job start recorded with its evidence", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Job outcome", page.QuerySelector("#milestones")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("14 June 2021", page.QuerySelector("#milestones")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("37.5 hours a week at £9.50 an hour (£356.25 a week)", page.QuerySelector("#jobs")!.ParentElement!.TextContent, StringComparison.Ordinal);
        var addEvidence = page.QuerySelector("a[href$='/evidence/new']")!.GetAttribute("href")!;

        var added = await PostPageAsync(client, addEvidence, new Dictionary<string, string> { ["kind"] = "Contract" }, Png, "contract.png");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(2, (await App.RowsAsync(participant.Id)).Evidence);

        var refused = await PostPageAsync(client, addEvidence, new Dictionary<string, string> { ["kind"] = "Contract" }, Png, "contract.pdf");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await client.ParseAsync(refused);
        Assert.Contains("content is a PNG", refusedPage.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(refusedPage.QuerySelector("#file-error"));
        Assert.Equal(2, (await App.RowsAsync(participant.Id)).Evidence);
    }

    [Fact]
    public async Task The_page_shows_every_error_and_saves_nothing_when_any_field_or_the_file_is_wrong()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.SignInAsync(DemoUsers.Advisor("WH"));
        var before = await App.RowsAsync(participant.Id);
        var fields = ValidForm();
        fields["weeklyHours"] = "120";
        fields["hourlyWage"] = "-1";
        fields["contractType"] = "";
        fields["startDate.Year"] = "2020";

        var response = await PostPageAsync(client, $"/participants/{participant.Id}/job-starts/new", fields, Png, "payslip.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await client.ParseAsync(response);
        var summary = page.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("on or after the day they registered", summary, StringComparison.Ordinal);
        Assert.Contains("no more than 100", summary, StringComparison.Ordinal);
        Assert.Contains("£0 or more", summary, StringComparison.Ordinal);
        Assert.Contains("Select the contract type", summary, StringComparison.Ordinal);
        Assert.Contains("content is a PNG", summary, StringComparison.Ordinal);
        Assert.Equal("120", page.QuerySelector("input[name=weeklyHours]")!.GetAttribute("value"));
        Assert.Equal(before, await App.RowsAsync(participant.Id));

        // A good job start with a bad file is refused whole: the job start waits for a good file or none.
        var goodFields = await PostPageAsync(client, $"/participants/{participant.Id}/job-starts/new", ValidForm(), [], "payslip.pdf");
        Assert.Equal(HttpStatusCode.OK, goodFields.StatusCode);
        Assert.Equal(before, await App.RowsAsync(participant.Id));

        // Without a file the job start is recorded alone.
        var noFile = await PostPageAsync(client, $"/participants/{participant.Id}/job-starts/new", ValidForm(), null, null);
        Assert.Equal(HttpStatusCode.Redirect, noFile.StatusCode);
        // The employer is added to the list unless an earlier test added it already.
        var after = await App.RowsAsync(participant.Id);
        Assert.Equal(before with { JobStarts = 1, Milestones = before.Milestones + 1 }, after with { Employers = before.Employers });
    }

    private static Dictionary<string, object?> Without(Dictionary<string, object?> body, string field)
    {
        body.Remove(field);
        return body;
    }

    private static List<JsonElement> Items(JsonElement json) =>
        (json.ValueKind == JsonValueKind.Array ? json : json.GetProperty("items")).EnumerateArray().ToList();

    private static Dictionary<string, string> ValidForm()
    {
        var form = Form(
            ("employerName", "Acme Logistics Ltd"), ("jobTitle", "Warehouse operative"), ("socCode", "9252"), ("startDate", Start),
            ("weeklyHours", "37.5"), ("hourlyWage", "9.50"), ("contractType", "Permanent"), ("kind", "Payslip"));
        return form;
    }

    /// <summary>Posts a multipart form as a browser does, with the page's antiforgery token and an optional file.</summary>
    private static async Task<HttpResponseMessage> PostPageAsync(TestClient client, string url, Dictionary<string, string> fields, byte[]? file, string? fileName)
    {
        var page = await client.GetAsync(url);
        var token = page.IsSuccessStatusCode
            ? (await client.ParseAsync(page)).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            : (await client.GetPageAsync("/")).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        if (token is not null)
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }

        if (file is not null)
        {
            form.Add(new ByteArrayContent(file), "file", fileName!);
        }

        return await client.Http.PostAsync(new Uri(url, UriKind.Relative), form, TestContext.Current.CancellationToken);
    }

    /// <summary>A job start with a PDF payslip, recorded by the lot's own advisor.</summary>
    private async Task<(string JobStartId, string EvidenceId)> SeedAsync(Guid participantId, string lot)
    {
        using var advisor = await App.ApiClientAsync(DemoUsers.Advisor(lot));
        var url = $"/api/v1/participants/{participantId}/job-starts";
        var (status, jobStart) = await advisor.SendJsonAsync(HttpMethod.Post, url, Body());
        Assert.Equal(HttpStatusCode.Created, status);
        var id = jobStart.GetProperty("id").GetString()!;
        using var upload = Upload(Pdf, "payslip.pdf");
        var response = await advisor.Http.PostAsync(new Uri($"{url}/{id}/evidence", UriKind.Relative), upload, TestContext.Current.CancellationToken);
        var evidence = await TestClient.ReadJsonAsync(response, HttpStatusCode.Created, "seed evidence");
        return (id, evidence.GetProperty("id").GetString()!);
    }
}
