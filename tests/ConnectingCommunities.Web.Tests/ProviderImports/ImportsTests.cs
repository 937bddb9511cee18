using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Features.ProviderImports;
using ConnectingCommunities.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Web.Tests.ProviderImports;

public sealed class ImportsTestsOnSqlite(ImportsSqliteApp fixture) : ImportsTests<ImportsSqliteApp>(fixture);

public sealed class ImportsTestsOnPostgres(ImportsPostgresApp fixture) : ImportsTests<ImportsPostgresApp>(fixture);

/// <summary>
/// Provider imports through the API and pages: preview, apply, re-import, bad files and rows, lot scoping and roles.
/// Each test imports rows of its own (unique names, dates of birth and NINOs) into the shared database.
/// </summary>
public abstract class ImportsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : ImportsAppFixture
{
    private static readonly string Manager = DemoUsers.Manager("WH");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    [Fact]
    public async Task A_participants_file_is_previewed_applied_and_a_second_apply_finds_every_row_unchanged()
    {
        var rows = await RowsAsync(3);
        using var client = await App.ApiClientAsync(Manager);

        var preview = await UploadAndReadAsync(client, ParticipantRow.Csv(rows));
        Assert.Equal("Validated", preview.GetProperty("status").GetString());
        Assert.Equal(3, preview.GetProperty("rowsTotal").GetInt32());
        Assert.Equal(3, preview.GetProperty("rowsNew").GetInt32());
        Assert.Equal(0, preview.GetProperty("rowsUpdated").GetInt32());
        Assert.Equal(0, preview.GetProperty("rowsUnchanged").GetInt32());
        Assert.Empty(preview.GetProperty("errors").EnumerateArray());
        Assert.Equal(0, await CountAsync(rows));

        var (applied, body) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/imports/{Id(preview)}/apply", null);
        Assert.Equal(HttpStatusCode.OK, applied);
        Assert.Equal("Applied", body.GetProperty("status").GetString());
        Assert.Equal(3, await CountAsync(rows));
        Assert.Equal(3, await ExternalRecordsAsync(rows));

        var (again, _) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/imports/{Id(preview)}/apply", null);
        Assert.Equal(HttpStatusCode.Conflict, again);

        var second = await UploadAndReadAsync(client, ParticipantRow.Csv(rows));
        Assert.Equal(3, second.GetProperty("rowsUnchanged").GetInt32());
        Assert.Equal(0, second.GetProperty("rowsNew").GetInt32());
        var (secondApply, secondBody) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/imports/{Id(second)}/apply", null);
        Assert.Equal(HttpStatusCode.OK, secondApply);
        Assert.Equal(3, secondBody.GetProperty("rowsUnchanged").GetInt32());
        Assert.Equal(3, await CountAsync(rows));

        // A changed row updates the record it made instead of adding another.
        rows[1] = rows[1] with { FirstName = rows[1].FirstName + "x" };
        var third = await UploadAndReadAsync(client, ParticipantRow.Csv(rows));
        Assert.Equal(1, third.GetProperty("rowsUpdated").GetInt32());
        Assert.Equal(2, third.GetProperty("rowsUnchanged").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/imports/{Id(third)}/apply", null)).Status);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        Assert.Equal(1, await db.Participants.CountAsync(p => p.FirstName == rows[1].FirstName && p.LastName == rows[1].LastName, Ct));
        Assert.Equal(3, await CountAsync(rows));
    }

    [Fact]
    public async Task Rows_in_error_are_listed_with_row_column_value_and_what_is_allowed_and_block_applying_until_valid_rows_only_is_chosen()
    {
        var rows = await RowsAsync(4);
        rows[1] = rows[1] with { Nino = "QQ12" };
        rows[3] = rows[3] with { DateOfBirth = "31/02/1980", EmploymentStatus = "Retired" };
        using var client = await App.ApiClientAsync(Manager);

        var preview = await UploadAndReadAsync(client, ParticipantRow.Csv(rows));
        Assert.Equal("Validated", preview.GetProperty("status").GetString());
        Assert.Equal(2, preview.GetProperty("rowsNew").GetInt32());
        Assert.Equal(2, preview.GetProperty("rowsInError").GetInt32());
        var errors = preview.GetProperty("errors").EnumerateArray().ToList();
        var nino = Assert.Single(errors, e => e.GetProperty("column").GetString() == "nino");
        Assert.Equal(3, nino.GetProperty("row").GetInt32());
        Assert.Equal("QQ12", nino.GetProperty("value").GetString());
        Assert.Contains(errors, e => e.GetProperty("row").GetInt32() == 5 && e.GetProperty("column").GetString() == "dateOfBirth"
            && e.GetProperty("message").GetString()!.Contains("yyyy-mm-dd", StringComparison.Ordinal));
        var status = Assert.Single(errors, e => e.GetProperty("column").GetString() == "employmentStatus");
        Assert.Contains("OutOfWork", status.GetProperty("message").GetString(), StringComparison.Ordinal);

        var (blocked, problem) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/imports/{Id(preview)}/apply", null);
        Assert.Equal(HttpStatusCode.Conflict, blocked);
        Assert.Contains("2 rows with errors", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(rows));

        var errorFile = await client.GetAsync($"/api/v1/imports/{Id(preview)}/errors.csv");
        Assert.Equal(HttpStatusCode.OK, errorFile.StatusCode);
        var lines = (await errorFile.Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.EndsWith(",error", lines[0], StringComparison.Ordinal);
        Assert.Contains(rows[1].ExternalId, lines[1], StringComparison.Ordinal);
        Assert.Contains("Row 3: nino:", lines[1], StringComparison.Ordinal);
        Assert.Contains(rows[3].ExternalId, lines[2], StringComparison.Ordinal);

        var (valid, body) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/imports/{Id(preview)}/apply?validRowsOnly=true", null);
        Assert.Equal(HttpStatusCode.OK, valid);
        Assert.Equal("Applied", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("appliedValidRowsOnly").GetBoolean());
        Assert.Equal(2, await CountAsync(rows));
    }

    [Fact]
    public async Task A_file_that_is_not_csv_or_xlsx_an_empty_file_and_missing_columns_are_refused_at_upload_with_nothing_written()
    {
        using var client = await App.ApiClientAsync(Manager);
        var before = await ImportsCountAsync();

        var png = await client.UploadAsync([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "participants", "WH", "looks-like.csv");
        Assert.Equal(HttpStatusCode.BadRequest, png.StatusCode);
        Assert.Contains("not a CSV or XLSX", await FileErrorAsync(png), StringComparison.Ordinal);

        var empty = await client.UploadAsync([], "participants", "WH");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("empty", await FileErrorAsync(empty), StringComparison.Ordinal);

        var missing = await client.UploadAsync(Encoding.UTF8.GetBytes("externalId,firstName,favouriteColour\r\nA,B,C\r\n"), "participants", "WH");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var message = await FileErrorAsync(missing);
        foreach (var column in new[] { "lastName", "dateOfBirth", "postcode", "registeredOn", "employmentStatus", "privacyNoticeAcknowledged" })
        {
            Assert.Contains(column, message, StringComparison.Ordinal);
        }

        var badType = await client.UploadAsync(Encoding.UTF8.GetBytes("x\r\n"), "claims", "WH");
        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
        Assert.Equal(before, await ImportsCountAsync());
    }

    [Fact]
    public async Task Unknown_columns_are_warned_formulas_are_stored_as_text_and_duplicate_external_ids_other_lots_rows_and_too_many_rows_are_errors()
    {
        using var client = await App.ApiClientAsync(Manager);
        var rows = await RowsAsync(3);
        rows[0] = rows[0] with { Referrer = "=HYPERLINK(\"http://example.com\",\"x\")" };
        var header = ParticipantRow.Header + ",favouriteColour";
        var withExtra = Encoding.UTF8.GetBytes(string.Join("\r\n", new[] { header }.Concat(rows.Select(r => r.Line + ",blue"))) + "\r\n");
        var warned = await UploadAndReadAsync(client, withExtra);
        Assert.Contains(warned.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("favouriteColour", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/imports/{Id(warned)}/apply", null)).Status);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
            var stored = await db.Participants.SingleAsync(p => p.LastName == rows[0].LastName, Ct);
            Assert.Equal(rows[0].Referrer, stored.Referrer);
        }

        var more = await RowsAsync(2);
        var duplicate = more[1] with { ExternalId = more[0].ExternalId };
        var dup = await UploadAndReadAsync(client, ParticipantRow.Csv([more[0], duplicate]));
        Assert.Contains(dup.GetProperty("errors").EnumerateArray(), e => e.GetProperty("row").GetInt32() == 3 && e.GetProperty("column").GetString() == "externalId"
            && e.GetProperty("message").GetString()!.Contains("row 2", StringComparison.Ordinal));

        var lotRows = await RowsAsync(2);
        var lotFile = Encoding.UTF8.GetBytes(ParticipantRow.Header + ",lotCode\r\n" + lotRows[0].Line + ",WH\r\n" + lotRows[1].Line + ",SE\r\n");
        var otherLot = await UploadAndReadAsync(client, lotFile);
        var lotError = Assert.Single(otherLot.GetProperty("errors").EnumerateArray());
        Assert.Equal(3, lotError.GetProperty("row").GetInt32());
        Assert.Equal("lotCode", lotError.GetProperty("column").GetString());
        Assert.Empty(otherLot.GetProperty("warnings").EnumerateArray());

        var tooMany = await RowsAsync(ImportsAppFixture.MaxRows + 1);
        var over = await UploadAndReadAsync(client, ParticipantRow.Csv(tooMany));
        Assert.Equal("Failed", over.GetProperty("status").GetString());
        Assert.Contains($"more than {ImportsAppFixture.MaxRows}", over.GetProperty("failureMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/imports/{Id(over)}/apply", null)).Status);
        Assert.Equal(0, await CountAsync(tooMany));
        Assert.Equal(0, await CountAsync(lotRows));
    }

    [Fact]
    public async Task Participants_written_in_bulk_are_audited_as_the_change_tracker_would_and_keep_the_performance_counts_right()
    {
        var rows = await RowsAsync(7);
        rows[2] = rows[2] with { EmploymentStatus = "NeverWorked", LastInWorkOn = "" };
        rows[4] = rows[4] with { RegisteredOn = "2021-04-06" };
        using var client = await App.ApiClientAsync(Manager);
        var preview = await UploadAndReadAsync(client, ParticipantRow.Csv(rows));
        var (applied, _) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/imports/{Id(preview)}/apply", null);
        Assert.Equal(HttpStatusCode.OK, applied);

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var names = rows.Select(r => r.LastName).ToList();
        var people = await db.Participants.AsNoTracking().Where(p => names.Contains(p.LastName)).ToListAsync(Ct);
        Assert.Equal(7, people.Count);
        var stored = people.Single(p => p.LastName == rows[4].LastName);
        Assert.Equal((new DateOnly(2021, 4, 6), rows[4].FirstName, rows[4].Nino), (stored.RegisteredOn, stored.FirstName, stored.Nino));

        // Each record created has its "created" event with every value, by the manager who applied, with the import as the reason.
        var ids = people.Select(p => p.Id.ToString()).ToList();
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == "Participant" && ids.Contains(e.EntityId!)).ToListAsync(Ct);
        Assert.Equal(7, events.Count);
        var manager = await db.Users.SingleAsync(u => u.Email == Manager, Ct);
        foreach (var e in events)
        {
            var person = people.Single(p => p.Id.ToString() == e.EntityId);
            Assert.Equal(("created", manager.Id, person.Id, person.LotId), (e.Action, e.UserId, e.ParticipantId, e.LotId));
            Assert.StartsWith("Imported from mi.csv (import ", e.Reason, StringComparison.Ordinal);
            using var changes = JsonDocument.Parse(e.Changes!);
            Assert.Equal(person.LastName, changes.RootElement.GetProperty("LastName").GetString());
            Assert.Equal(person.Cohort.ToString(), changes.RootElement.GetProperty("Cohort").GetString());
            Assert.Equal(person.RegisteredOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), changes.RootElement.GetProperty("RegisteredOn").GetString());
            Assert.False(changes.RootElement.TryGetProperty("Version", out _));
        }

        // The same properties as the change tracker's audit of a participant registered through the API.
        var tracked = await App.AddAsync("WH");
        var trackedEvent = await db.AuditEvents.AsNoTracking().FirstAsync(e => e.EntityType == "Participant" && e.EntityId == tracked.Id.ToString() && e.Action == "created", Ct);
        using (var a = JsonDocument.Parse(trackedEvent.Changes!))
        using (var b = JsonDocument.Parse(events[0].Changes!))
        {
            Assert.Equal(a.RootElement.EnumerateObject().Select(p => p.Name), b.RootElement.EnumerateObject().Select(p => p.Name));
        }

        var externalIds = rows.Select(r => r.ExternalId).ToList();
        var records = (await db.ExternalRecords.AsNoTracking().Where(r => externalIds.Contains(r.ExternalId)).Select(r => r.Id).ToListAsync(Ct)).Select(id => id.ToString()).ToList();
        Assert.Equal(7, await db.AuditEvents.CountAsync(e => e.EntityType == "ExternalRecord" && e.Action == "created" && records.Contains(e.EntityId!), Ct));

        // Registration counts by provider, cohort and month are what the participants themselves say.
        var lot = people[0].LotId;
        var counted = (await db.PerformanceCounts.AsNoTracking().Where(c => c.LotId == lot && c.Milestone == null)
                .Select(c => new { c.ProviderId, c.Cohort, c.RegisteredMonth, c.Count }).ToListAsync(Ct))
            .GroupBy(c => (c.ProviderId, c.Cohort, c.RegisteredMonth)).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        var actual = (await db.Participants.AsNoTracking().Where(p => p.LotId == lot)
                .Select(p => new { ProviderId = (Guid?)p.Contract!.ProviderId, p.Cohort, p.RegisteredOn }).ToListAsync(Ct))
            .GroupBy(p => (p.ProviderId, p.Cohort, new DateOnly(p.RegisteredOn.Year, p.RegisteredOn.Month, 1))).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(actual.OrderBy(k => k.Key.ToString()), counted.Where(c => c.Value != 0).OrderBy(k => k.Key.ToString()));
    }

    [Fact]
    public async Task Imports_a_stopped_app_left_checking_or_applying_are_marked_failed_at_start_up_and_others_are_left_alone()
    {
        using var client = await App.ApiClientAsync(Manager);
        var checkingRows = await RowsAsync(2);
        var applyingRows = await RowsAsync(1);
        var checking = Guid.Parse(Id(await UploadAndReadAsync(client, ParticipantRow.Csv(checkingRows))));
        var applying = Guid.Parse(Id(await UploadAndReadAsync(client, ParticipantRow.Csv(applyingRows))));
        var ready = Guid.Parse(Id(await UploadAndReadAsync(client, ParticipantRow.Csv(await RowsAsync(1)))));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            // As an app stopped part-way leaves them: one still being checked, one claimed for applying.
            var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
            var manager = await db.Users.Where(u => u.Email == Manager).Select(u => u.Id).SingleAsync(Ct);
            await db.Imports.Where(i => i.Id == checking).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ImportStatus.Validating), Ct);
            await db.Imports.Where(i => i.Id == applying).ExecuteUpdateAsync(s => s.SetProperty(i => i.AppliedById, manager), Ct);
        }

        Assert.Equal("Validating", (await client.GetJsonAsync($"/api/v1/imports/{checking}")).GetProperty("status").GetString());
        var sweep = ActivatorUtilities.CreateInstance<ImportStartupSweep>(App.Services);
        Assert.True(await sweep.SweepAsync(Ct) >= 2);

        var stoppedChecking = await client.GetJsonAsync($"/api/v1/imports/{checking}");
        Assert.Equal("Failed", stoppedChecking.GetProperty("status").GetString());
        Assert.Contains("upload the file again", stoppedChecking.GetProperty("failureMessage").GetString(), StringComparison.Ordinal);
        var stoppedApplying = await client.GetJsonAsync($"/api/v1/imports/{applying}");
        Assert.Equal("Failed", stoppedApplying.GetProperty("status").GetString());
        Assert.Contains("nothing was changed", stoppedApplying.GetProperty("failureMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/imports/{applying}/apply", null)).Status);
        Assert.Equal(0, await CountAsync(checkingRows.Concat(applyingRows)));

        var untouched = await client.GetJsonAsync($"/api/v1/imports/{ready}");
        Assert.Equal("Validated", untouched.GetProperty("status").GetString());
        Assert.Equal(0, await sweep.SweepAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/imports/{ready}/apply", null)).Status);
    }

    [Fact]
    public async Task A_failure_in_the_middle_of_applying_leaves_nothing_written()
    {
        var rows = await RowsAsync(5);
        using var client = await App.ApiClientAsync(Manager);
        var preview = await UploadAndReadAsync(client, ParticipantRow.Csv(rows));
        var id = Guid.Parse(Id(preview));

        await using (var scope = App.Services.CreateAsyncScope())
        {
            // Set here, not in an async helper: the identity lives in an AsyncLocal, which does not flow back out of an awaited method.
            ImportIdentity.ActAs(scope.ServiceProvider, await ManagerPrincipalAsync(scope.ServiceProvider));
            var processor = ActivatorUtilities.CreateInstance<ImportProcessor>(scope.ServiceProvider, (IEnumerable<IImportApplyHook>)[new FailingHook()]);
            var (outcome, message) = await processor.ApplyAsync(id, validRowsOnly: false, Ct);
            Assert.Equal(ApplyOutcome.Failed, outcome);
            Assert.Contains("nothing was changed", message, StringComparison.Ordinal);
        }

        Assert.Equal(0, await CountAsync(rows));
        Assert.Equal(0, await ExternalRecordsAsync(rows));
        var after = await client.GetJsonAsync($"/api/v1/imports/{id}");
        Assert.Equal("Failed", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Interventions_name_participants_by_external_id_or_reference_of_the_lot_only_and_the_third_contact_makes_them_engaged()
    {
        using var client = await App.ApiClientAsync(Manager);
        var rows = await RowsAsync(1);
        var people = await UploadAndReadAsync(client, ParticipantRow.Csv(rows));
        Assert.Equal(HttpStatusCode.OK, (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/imports/{Id(people)}/apply", null)).Status);
        var elsewhere = await App.AddAsync("SE");

        var csv = "externalId,participantExternalId,participantReference,date,mode,activityType,durationMinutes,notes\r\n"
            + $"C-{rows[0].ExternalId}-1,{rows[0].ExternalId},,2021-03-02,FaceToFace,InformationAdviceGuidance,45,First\r\n"
            + $"C-{rows[0].ExternalId}-2,{rows[0].ExternalId},,2021-03-09,Telephone,SkillsDevelopment,30,\r\n"
            + $"C-{rows[0].ExternalId}-3,{rows[0].ExternalId},,2021-03-16,FaceToFace,JobBrokerage,60,\r\n"
            + $"C-{rows[0].ExternalId}-4,,{elsewhere.Reference},2021-03-16,FaceToFace,JobBrokerage,60,\r\n";
        var preview = await UploadAndReadAsync(client, Encoding.UTF8.GetBytes(csv), "interventions");
        Assert.Equal(3, preview.GetProperty("rowsNew").GetInt32());
        var error = Assert.Single(preview.GetProperty("errors").EnumerateArray());
        Assert.Equal(5, error.GetProperty("row").GetInt32());
        Assert.Equal("participantReference", error.GetProperty("column").GetString());
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
            var imported = await db.Participants.SingleAsync(p => p.LastName == rows[0].LastName, Ct);
            Assert.Equal(0, await db.Interventions.CountAsync(i => i.ParticipantId == imported.Id, Ct));
        }

        var (applied, _) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/imports/{Id(preview)}/apply?validRowsOnly=true", null);
        Assert.Equal(HttpStatusCode.OK, applied);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
            var participant = await db.Participants.SingleAsync(p => p.LastName == rows[0].LastName, Ct);
            Assert.Equal(3, await db.Interventions.CountAsync(i => i.ParticipantId == participant.Id, Ct));
            Assert.Equal(new DateOnly(2021, 3, 16), participant.EngagedOn);
            Assert.Equal(0, await db.Interventions.CountAsync(i => i.ParticipantId == elsewhere.Id, Ct));
        }

        var again = await UploadAndReadAsync(client, Encoding.UTF8.GetBytes(csv), "interventions");
        Assert.Equal(3, again.GetProperty("rowsUnchanged").GetInt32());
    }

    [Fact]
    public async Task Changed_interventions_job_starts_and_checks_are_previewed_as_updated_applied_in_place_and_a_second_apply_is_all_unchanged()
    {
        using var client = await App.ApiClientAsync(Manager);
        var rows = await RowsAsync(1);
        var person = rows[0].ExternalId;
        await ApplyFileAsync(client, ParticipantRow.Csv(rows), "participants");

        const string contactsHeader = "externalId,participantExternalId,date,mode,activityType,durationMinutes,notes\r\n";
        string Contact(int n, int minutes, string notes) => $"C-{person}-{n},{person},2021-03-0{n + 1},FaceToFace,JobBrokerage,{minutes},{notes}\r\n";
        await ApplyFileAsync(client, Encoding.UTF8.GetBytes(contactsHeader + Contact(1, 45, "First") + Contact(2, 30, "") + Contact(3, 60, "")), "interventions");
        const string jobsHeader = "externalId,participantExternalId,employerName,jobTitle,socCode,startDate,weeklyHours,hourlyWage,contractType\r\n";
        await ApplyFileAsync(client, Encoding.UTF8.GetBytes(jobsHeader + $"J-{person},{person},Example Foods Ltd,Picker,9252,2021-03-20,30,11.44,Permanent\r\n"), "job-starts");
        const string checksHeader = "externalId,participantExternalId,milestone,result,checkedOn,notes\r\n";
        await ApplyFileAsync(client, Encoding.UTF8.GetBytes(checksHeader + $"S-{person},{person},Sustained13Weeks,InWork,2021-06-25,Payslip seen\r\n"), "sustainment-checks");
        var (participantId, contactIds, jobId, checkId) = await IdsAsync(rows[0]);
        Assert.Equal(new DateOnly(2021, 3, 4), (await ParticipantAsync(participantId)).EngagedOn);

        // The third contact was shorter than recorded: it no longer counts, so they are not engaged yet.
        var contacts = Encoding.UTF8.GetBytes(contactsHeader + Contact(1, 45, "First") + Contact(2, 30, "") + Contact(3, 10, "Shorter"));
        var preview = await UploadAndReadAsync(client, contacts, "interventions");
        Assert.Equal((0, 1, 2, 0), Counts(preview));
        Assert.Equal(HttpStatusCode.OK, (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/imports/{Id(preview)}/apply", null)).Status);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
            var third = await db.Interventions.SingleAsync(i => i.Id == contactIds[2], Ct);
            Assert.Equal((10, "Shorter", false), (third.DurationMinutes, third.Notes, third.IsMeaningful));
            Assert.Equal(3, await db.Interventions.CountAsync(i => i.ParticipantId == participantId, Ct));
            var participant = await db.Participants.SingleAsync(p => p.Id == participantId, Ct);
            Assert.Equal((null, 2), (participant.EngagedOn, participant.MeaningfulInterventions));
            Assert.False(await db.ParticipantMilestones.AnyAsync(m => m.ParticipantId == participantId && m.Milestone == ConnectingCommunities.Domain.Programme.Milestone.Engaged, Ct));
        }

        var jobs = Encoding.UTF8.GetBytes(jobsHeader + $"J-{person},{person},Other  Foods Ltd,Team leader,9252,2021-03-20,35,12.00,Permanent\r\n");
        preview = await UploadAndReadAsync(client, jobs, "job-starts");
        Assert.Equal((0, 1, 0, 0), Counts(preview));
        Assert.Equal(HttpStatusCode.OK, (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/imports/{Id(preview)}/apply", null)).Status);

        var checks = Encoding.UTF8.GetBytes(checksHeader + $"S-{person},{person},Sustained13Weeks,InWork,2021-06-28,Employer letter\r\n");
        preview = await UploadAndReadAsync(client, checks, "sustainment-checks");
        Assert.Equal((0, 1, 0, 0), Counts(preview));
        Assert.Equal(HttpStatusCode.OK, (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/imports/{Id(preview)}/apply", null)).Status);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
            var job = await db.JobStarts.Include(j => j.Employer).SingleAsync(j => j.ParticipantId == participantId, Ct);
            Assert.Equal((jobId, "Other Foods Ltd", "Team leader", 35m, 12.00m), (job.Id, job.Employer!.Name, job.JobTitle, job.WeeklyHours, job.HourlyWage));
            var check = await db.SustainmentChecks.SingleAsync(c => c.ParticipantId == participantId, Ct);
            Assert.Equal((checkId, new DateOnly(2021, 6, 28), "Employer letter"), (check.Id, check.CheckedOn, check.Notes));
            Assert.Equal(3, await db.ExternalRecords.CountAsync(r => r.LastImportId != null && (r.ExternalId == $"J-{person}" || r.ExternalId == $"S-{person}" || r.ExternalId == $"C-{person}-3"), Ct));
        }

        // The same files again: every row unchanged, nothing written.
        foreach (var (file, type, count) in new[] { (contacts, "interventions", 3), (jobs, "job-starts", 1), (checks, "sustainment-checks", 1) })
        {
            var again = await UploadAndReadAsync(client, file, type);
            Assert.Equal((0, 0, count, 0), Counts(again));
            var (status, body) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/imports/{Id(again)}/apply", null);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal((0, 0, count, 0), Counts(body));
        }

        // What decides milestones already achieved is not changed by an import: a check's result, or the start of a job checked since.
        var refused = await UploadAndReadAsync(client, Encoding.UTF8.GetBytes(checksHeader + $"S-{person},{person},Sustained13Weeks,NotInWork,2021-06-28,Employer letter\r\n"), "sustainment-checks");
        Assert.Equal("result", Assert.Single(refused.GetProperty("errors").EnumerateArray()).GetProperty("column").GetString());
        refused = await UploadAndReadAsync(client, Encoding.UTF8.GetBytes(jobsHeader + $"J-{person},{person},Other Foods Ltd,Team leader,9252,2021-03-25,35,12.00,Permanent\r\n"), "job-starts");
        Assert.Equal("startDate", Assert.Single(refused.GetProperty("errors").EnumerateArray()).GetProperty("column").GetString());

        // A row checked by the API's rules as an update: a contact dated before registration is refused, as the API refuses it.
        refused = await UploadAndReadAsync(client, Encoding.UTF8.GetBytes(contactsHeader + $"C-{person}-1,{person},2021-02-01,FaceToFace,JobBrokerage,45,First\r\n"), "interventions");
        var dateError = Assert.Single(refused.GetProperty("errors").EnumerateArray());
        Assert.Equal(("date", 2), (dateError.GetProperty("column").GetString(), dateError.GetProperty("row").GetInt32()));
        Assert.Equal(new DateOnly(2021, 3, 2), (await ParticipantContactAsync(contactIds[0])).Date);
    }

    [Fact]
    public async Task A_manager_imports_only_into_their_own_lots_and_another_lots_import_is_not_found()
    {
        var rows = await RowsAsync(1);
        using var client = await App.ApiClientAsync(Manager);
        var refused = await client.UploadAsync(ParticipantRow.Csv(rows), "participants", "SE");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await TestClient.ReadJsonAsync(refused, HttpStatusCode.BadRequest, "upload");
        Assert.Contains("WH", problem.GetProperty("errors").GetProperty("lotCode")[0].GetString(), StringComparison.Ordinal);

        var mine = await UploadAndReadAsync(client, ParticipantRow.Csv(rows));
        using var other = await App.ApiClientAsync(DemoUsers.Manager("SE"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/imports/{Id(mine)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.SendJsonAsync(HttpMethod.Post, $"/api/v1/imports/{Id(mine)}/apply", null)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/imports/{Id(mine)}/errors.csv")).StatusCode);
        var list = await other.GetJsonAsync("/api/v1/imports");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == Id(mine));
        using var page = await App.SignInAsync(DemoUsers.Manager("SE"));
        await page.GetPageAsync($"/imports/{Id(mine)}", HttpStatusCode.NotFound);
        Assert.Equal(0, await CountAsync(rows));
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Only_provider_managers_may_import(string email)
    {
        var rows = await RowsAsync(1);
        using var api = await App.ApiClientAsync(email);
        using var pages = await App.SignInAsync(email);
        var upload = await api.UploadAsync(ParticipantRow.Csv(rows), "participants", "WH");
        var list = await api.GetAsync("/api/v1/imports");
        if (email == Manager)
        {
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            var page = await pages.GetPageAsync("/imports");
            Assert.NotNull(page.QuerySelector("input[type=file][name=file]"));
            Assert.NotNull(page.QuerySelector("a[href='/imports/templates']"));
            var id = Id(await TestClient.ReadJsonAsync(upload, HttpStatusCode.Created, "upload"));
            Assert.NotNull(page.QuerySelector($"a[href='/imports/{id}']"));
            var details = await pages.GetPageAsync($"/imports/{id}");
            Assert.Equal("1", details.QuerySelector("#rows-new")!.TextContent.Trim());
            var apply = await pages.PostFormAsync($"/imports/{id}?handler=Apply", [], tokenFrom: $"/imports/{id}");
            Assert.Equal(HttpStatusCode.Redirect, apply.StatusCode);
            Assert.Equal(1, await CountAsync(rows));
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
            await pages.GetPageAsync("/imports", HttpStatusCode.Forbidden);
            Assert.Equal(0, await CountAsync(rows));
        }
    }

    private async Task<JsonElement> UploadAndReadAsync(TestClient client, byte[] content, string type = "participants")
    {
        var response = await client.UploadAsync(content, type, "WH");
        var created = await TestClient.ReadJsonAsync(response, HttpStatusCode.Created, "upload");
        Assert.Equal($"/api/v1/imports/{Id(created)}", response.Headers.Location?.OriginalString);
        return await client.GetJsonAsync($"/api/v1/imports/{Id(created)}");
    }

    private static string Id(JsonElement import) => import.GetProperty("id").GetString()!;

    private static (int New, int Updated, int Unchanged, int InError) Counts(JsonElement import) => (
        import.GetProperty("rowsNew").GetInt32(), import.GetProperty("rowsUpdated").GetInt32(),
        import.GetProperty("rowsUnchanged").GetInt32(), import.GetProperty("rowsInError").GetInt32());

    private async Task ApplyFileAsync(TestClient client, byte[] content, string type)
    {
        var preview = await UploadAndReadAsync(client, content, type);
        Assert.Equal(0, preview.GetProperty("rowsInError").GetInt32());
        var (status, _) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/imports/{Id(preview)}/apply", null);
        Assert.Equal(HttpStatusCode.OK, status);
    }

    private async Task<(Guid Participant, List<Guid> Contacts, Guid Job, Guid Check)> IdsAsync(ParticipantRow row)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var id = await db.Participants.Where(p => p.LastName == row.LastName).Select(p => p.Id).SingleAsync(Ct);
        var contacts = await db.Interventions.Where(i => i.ParticipantId == id).OrderBy(i => i.Date).Select(i => i.Id).ToListAsync(Ct);
        var job = await db.JobStarts.Where(j => j.ParticipantId == id).Select(j => j.Id).SingleAsync(Ct);
        var check = await db.SustainmentChecks.Where(c => c.ParticipantId == id).Select(c => c.Id).SingleAsync(Ct);
        return (id, contacts, job, check);
    }

    private async Task<Participant> ParticipantAsync(Guid id)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CcDbContext>().Participants.AsNoTracking().SingleAsync(p => p.Id == id, Ct);
    }

    private async Task<Intervention> ParticipantContactAsync(Guid id)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CcDbContext>().Interventions.AsNoTracking().SingleAsync(i => i.Id == id, Ct);
    }

    private static async Task<string> FileErrorAsync(HttpResponseMessage response) =>
        (await TestClient.ReadJsonAsync(response, HttpStatusCode.BadRequest, "upload")).GetProperty("errors").GetProperty("file")[0].GetString()!;

    private async Task<List<ParticipantRow>> RowsAsync(int count)
    {
        var postcode = await App.InAreaPostcodeAsync("WH");
        return [.. Enumerable.Range(0, count).Select(_ => ParticipantRow.New(postcode))];
    }

    private async Task<int> CountAsync(IEnumerable<ParticipantRow> rows)
    {
        var names = rows.Select(r => r.LastName).ToList();
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CcDbContext>().Participants.CountAsync(p => names.Contains(p.LastName), Ct);
    }

    private async Task<int> ExternalRecordsAsync(IEnumerable<ParticipantRow> rows)
    {
        var ids = rows.Select(r => r.ExternalId).ToList();
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CcDbContext>().ExternalRecords.CountAsync(r => ids.Contains(r.ExternalId), Ct);
    }

    private async Task<int> ImportsCountAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CcDbContext>().Imports.CountAsync(Ct);
    }

    private static async Task<ClaimsPrincipal> ManagerPrincipalAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<CcDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == Manager, Ct);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()), new Claim(ClaimTypes.Name, Manager), new Claim(ClaimTypes.Role, "ProviderManager")], "test");
        return new ClaimsPrincipal(identity);
    }

    /// <summary>Throws once rows have been written inside the apply's transaction.</summary>
    private sealed class FailingHook : IImportApplyHook
    {
        public Task AfterRowsWrittenAsync(Guid importId, int rowsWritten, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Injected failure after rows were written");
    }
}
