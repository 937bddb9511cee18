using System.Net;
using System.Text.Json;
using ConnectingCommunities.Data;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Web.Tests.Participants;

public sealed class ParticipantsApiTestsOnSqlite(SqliteApp fixture) : ParticipantsApiTests<SqliteApp>(fixture);

public sealed class ParticipantsApiTestsOnPostgres(PostgresApp fixture) : ParticipantsApiTests<PostgresApp>(fixture);

/// <summary>The participants API as the issue's contract writes it, for each role and lot.</summary>
public abstract class ParticipantsApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task The_smallest_body_registers_a_participant_with_cohort_and_age_band()
    {
        using var advisor = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var body = Registrations.Smallest("WH", await Registrations.InAreaPostcodeAsync(App, "WH"));
        body["dateOfBirth"] = "1980-05-01";

        var created = await Registrations.RegisterAsync(advisor, body);

        Assert.True(Guid.TryParse(created.GetProperty("id").GetString(), out _));
        Assert.Matches("^WH-[0-9]{6}$", created.GetProperty("reference").GetString());
        Assert.Equal("HardestToHelp", created.GetProperty("cohort").GetString());
        Assert.Equal("35-54", created.GetProperty("ageBand").GetString());
        Assert.Equal("WH", created.GetProperty("lotCode").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("ethnicity").ValueKind);
        Assert.Equal(DemoUsers.Advisor("WH"), await AdvisorEmailAsync(created.GetProperty("id").GetGuid()));
    }

    [Theory]
    [InlineData("OutOfWork", "2020-03-02", "RapidProgression")]
    [InlineData("OutOfWork", "2020-03-01", "HarderToReach")]
    [InlineData("OutOfWork", "2019-03-02", "HarderToReach")]
    [InlineData("OutOfWork", "2019-03-01", "HardestToHelp")]
    [InlineData("NeverWorked", null, "HardestToHelp")]
    [InlineData("Employed", null, "Employed")]
    public async Task The_cohort_follows_time_out_of_work_at_registration(string status, string? lastInWork, string cohort)
    {
        using var advisor = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var body = Registrations.Smallest("WH", await Registrations.InAreaPostcodeAsync(App, "WH"));
        body["employmentStatus"] = status;
        body["lastInWorkOn"] = lastInWork;
        if (status == "Employed")
        {
            body["weeklyHours"] = 16;
            body["hourlyWage"] = 9.50m;
        }

        var created = await Registrations.RegisterAsync(advisor, body);

        Assert.Equal(cohort, created.GetProperty("cohort").GetString());
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Advisors_and_managers_register_in_their_lot_and_others_may_not(string email)
    {
        using var client = await App.ApiClientAsync(email);
        var before = await Registrations.CountAsync(App);

        var (status, body) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/participants",
            Registrations.Smallest("WH", await Registrations.InAreaPostcodeAsync(App, "WH")));

        if (email is DemoUsers.Commissioner or DemoUsers.Evaluator)
        {
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Equal(before, await Registrations.CountAsync(App));
        }
        else
        {
            Assert.True(status == HttpStatusCode.Created, body.ToString());
        }
    }

    [Fact]
    public async Task An_advisor_cannot_register_someone_in_another_lot()
    {
        using var advisor = await App.ApiClientAsync(DemoUsers.Advisor("SE"));
        var before = await Registrations.CountAsync(App);

        var (status, body) = await advisor.SendJsonAsync(HttpMethod.Post, "/api/v1/participants",
            Registrations.Smallest("WH", await Registrations.InAreaPostcodeAsync(App, "WH")));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("your own lots: SE", body.GetProperty("errors").GetProperty("lotCode")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await Registrations.CountAsync(App));
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task A_participant_of_another_lot_does_not_exist_for_lot_scoped_users(string email)
    {
        using var registrar = await App.ApiClientAsync(DemoUsers.Advisor("SE"));
        var created = await Registrations.RegisterAsync(registrar, Registrations.Smallest("SE", await Registrations.InAreaPostcodeAsync(App, "SE")));
        var id = created.GetProperty("id").GetString();
        using var client = await App.ApiClientAsync(email);

        var one = await client.GetAsync($"/api/v1/participants/{id}");
        var milestones = await client.GetAsync($"/api/v1/participants/{id}/milestones");
        var interventions = await client.GetAsync($"/api/v1/participants/{id}/interventions");
        var timeline = await client.GetAsync($"/api/v1/participants/{id}/timeline");
        var (recorded, _) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{id}/interventions", Contact("2021-03-02", 30));
        var (patched, _) = await client.SendJsonAsync(HttpMethod.Patch, $"/api/v1/participants/{id}", new { phone = "07700 900982" });
        var list = await client.GetAsync($"/api/v1/participants?search={created.GetProperty("reference").GetString()}");

        var expected = email switch
        {
            DemoUsers.Evaluator => HttpStatusCode.Forbidden,
            DemoUsers.Commissioner => HttpStatusCode.OK,
            _ => HttpStatusCode.NotFound,
        };
        Assert.Equal(expected, one.StatusCode);
        Assert.Equal(expected, milestones.StatusCode);
        Assert.Equal(expected, interventions.StatusCode);
        Assert.Equal(expected, timeline.StatusCode);
        Assert.Equal(email is DemoUsers.Evaluator or DemoUsers.Commissioner ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound, recorded);
        Assert.Equal(email is DemoUsers.Evaluator or DemoUsers.Commissioner ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound, patched);
        if (email == DemoUsers.Evaluator)
        {
            Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        }
        else
        {
            var items = (await TestClient.ReadJsonAsync(list, HttpStatusCode.OK, "list")).GetProperty("items");
            Assert.Equal(email == DemoUsers.Commissioner ? 1 : 0, items.GetArrayLength());
        }
    }

    [Fact]
    public async Task The_same_NINO_in_another_lot_is_refused_without_revealing_the_record()
    {
        using var se = await App.ApiClientAsync(DemoUsers.Advisor("SE"));
        var first = Registrations.Smallest("SE", await Registrations.InAreaPostcodeAsync(App, "SE"));
        first["firstName"] = "Morwenna";
        await Registrations.RegisterAsync(se, first);
        using var wh = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var second = Registrations.Smallest("WH", await Registrations.InAreaPostcodeAsync(App, "WH"));
        second["nino"] = ((string)first["nino"]!).ToLowerInvariant().Insert(2, " ");
        var before = await Registrations.CountAsync(App);

        var (status, body) = await wh.SendJsonAsync(HttpMethod.Post, "/api/v1/participants", second);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("Definite", body.GetProperty("duplicate").GetString());
        var match = body.GetProperty("matches")[0];
        Assert.False(match.GetProperty("inYourLots").GetBoolean());
        Assert.Equal(JsonValueKind.Null, match.GetProperty("id").ValueKind);
        Assert.Equal(JsonValueKind.Null, match.GetProperty("reference").ValueKind);
        Assert.Contains("Shard End", match.GetProperty("contact").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Morwenna", body.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain((string)first["lastName"]!, body.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await Registrations.CountAsync(App));
    }

    [Fact]
    public async Task A_similar_name_with_the_same_birthday_must_be_resolved_with_a_reason()
    {
        using var advisor = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var postcode = await Registrations.InAreaPostcodeAsync(App, "WH");
        var first = Registrations.Smallest("WH", postcode);
        first["firstName"] = "Jonathan";
        first["dateOfBirth"] = "1977-02-03";
        var existing = await Registrations.RegisterAsync(advisor, first);
        var second = Registrations.Smallest("WH", postcode);
        second["firstName"] = "Johnathan";
        second["lastName"] = first["lastName"];
        second["dateOfBirth"] = "1977-02-03";

        var (status, body) = await advisor.SendJsonAsync(HttpMethod.Post, "/api/v1/participants", second);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("Possible", body.GetProperty("duplicate").GetString());
        var match = body.GetProperty("matches")[0];
        Assert.Equal(existing.GetProperty("id").GetString(), match.GetProperty("id").GetString());

        second["duplicateCheckReason"] = "Twin brother: different NINO, checked passports";
        var created = await Registrations.RegisterAsync(advisor, second);
        Assert.Equal("Twin brother: different NINO, checked passports", created.GetProperty("duplicateCheckReason").GetString());
    }

    public static TheoryData<string, object?, string> BadRegistrations => new()
    {
        { "nino", "QQ123456C", "nino" },
        { "nino", "AB12345", "nino" },
        { "postcode", "B99 9ZZZ", "postcode" },
        { "dateOfBirth", "2090-01-01", "dateOfBirth" },
        { "dateOfBirth", "2010-01-01", "dateOfBirth" },
        { "lastInWorkOn", "2021-06-01", "lastInWorkOn" },
        { "employmentStatus", "Retired", "employmentStatus" },
        { "ethnicity", "martian", "ethnicity" },
        { "lotCode", "ZZ", "lotCode" },
        { "registeredOn", "2017-01-01", "registeredOn" },
        { "registeredOn", "2099-01-01", "registeredOn" },
        { "privacyNoticeAcknowledged", false, "privacyNoticeAcknowledged" },
        { "dateOfBirth", "1980-02-30", "dateOfBirth" },
    };

    [Theory]
    [MemberData(nameof(BadRegistrations))]
    public async Task Bad_input_names_the_field_and_writes_nothing(string field, object? value, string errorField)
    {
        using var advisor = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var body = Registrations.Smallest("WH", await Registrations.InAreaPostcodeAsync(App, "WH"));
        body[field] = value;
        var before = await Registrations.CountAsync(App);

        var (status, json) = await advisor.SendJsonAsync(HttpMethod.Post, "/api/v1/participants", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(json.GetProperty("errors").TryGetProperty(errorField, out var messages), json.ToString());
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        Assert.Equal(before, await Registrations.CountAsync(App));
    }

    [Fact]
    public async Task A_negative_wage_is_refused()
    {
        using var advisor = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var body = Registrations.Smallest("WH", await Registrations.InAreaPostcodeAsync(App, "WH"));
        body["employmentStatus"] = "Employed";
        body["weeklyHours"] = 20;
        body["hourlyWage"] = -1;

        var (status, json) = await advisor.SendJsonAsync(HttpMethod.Post, "/api/v1/participants", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("0 or more", json.GetProperty("errors").GetProperty("hourlyWage")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_of_area_is_refused_unless_a_manager_overrides_with_a_reason()
    {
        var elsewhere = await Registrations.InAreaPostcodeAsync(App, "CN");
        using var advisor = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var body = Registrations.Smallest("WH", elsewhere);

        var (refused, json) = await advisor.SendJsonAsync(HttpMethod.Post, "/api/v1/participants", body);
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Contains("outside", json.GetProperty("errors").GetProperty("postcode")[0].GetString(), StringComparison.Ordinal);

        body["eligibilityOverrideReason"] = "Lives on the boundary; street split between postcodes";
        var (advisorOverride, json2) = await advisor.SendJsonAsync(HttpMethod.Post, "/api/v1/participants", body);
        Assert.Equal(HttpStatusCode.BadRequest, advisorOverride);
        Assert.True(json2.GetProperty("errors").TryGetProperty("eligibilityOverrideReason", out _));

        using var manager = await App.ApiClientAsync(DemoUsers.Manager("WH"));
        var created = await Registrations.RegisterAsync(manager, body);
        var id = created.GetProperty("id").GetGuid();
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var audit = await db.AuditEvents.SingleAsync(a => a.ParticipantId == id && a.Action == "created" && a.EntityType == "Participant", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains("Lives on the boundary", audit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_third_meaningful_contact_makes_the_participant_engaged_on_its_date()
    {
        using var advisor = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var created = await Registrations.RegisterAsync(advisor, Registrations.Smallest("WH", await Registrations.InAreaPostcodeAsync(App, "WH")));
        var id = created.GetProperty("id").GetString();
        var url = $"/api/v1/participants/{id}/interventions";

        await RecordAsync(advisor, url, Contact("2021-03-02", 45));
        var shortOne = await RecordAsync(advisor, url, Contact("2021-03-03", 10));
        await RecordAsync(advisor, url, Contact("2021-03-09", 15));
        var empty = await advisor.GetJsonAsync($"/api/v1/participants/{id}/milestones");
        var third = await RecordAsync(advisor, url, Contact("2021-03-16", 60, "Telephone", "JobBrokerage"));

        Assert.False(shortOne.GetProperty("intervention").GetProperty("isMeaningful").GetBoolean());
        Assert.Equal(0, empty.GetProperty("items").GetArrayLength());
        Assert.True(third.GetProperty("becameEngaged").GetBoolean());
        var milestones = (await advisor.GetJsonAsync($"/api/v1/participants/{id}/milestones")).GetProperty("items");
        Assert.Equal(1, milestones.GetArrayLength());
        Assert.Equal("Engaged", milestones[0].GetProperty("milestone").GetString());
        Assert.Equal("2021-03-16", milestones[0].GetProperty("achievedOn").GetString());
        var list = (await advisor.GetJsonAsync($"/api/v1/participants/{id}/interventions")).GetProperty("items");
        Assert.Equal(4, list.GetArrayLength());
        Assert.Equal("Telephone", list[0].GetProperty("mode").GetString());
        Assert.Equal("JobBrokerage", list[0].GetProperty("activityType").GetString());
    }

    public static TheoryData<string, object?, string> BadContacts => new()
    {
        { "date", "2021-02-28", "date" },
        { "date", "2099-01-01", "date" },
        { "mode", "Carrier pigeon", "mode" },
        { "activityType", "Gardening", "activityType" },
        { "durationMinutes", 0, "durationMinutes" },
        { "durationMinutes", null, "durationMinutes" },
    };

    [Theory]
    [MemberData(nameof(BadContacts))]
    public async Task Bad_contacts_name_the_field_and_write_nothing(string field, object? value, string errorField)
    {
        using var advisor = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var created = await Registrations.RegisterAsync(advisor, Registrations.Smallest("WH", await Registrations.InAreaPostcodeAsync(App, "WH")));
        var id = created.GetProperty("id").GetString();
        var body = Contact("2021-03-02", 30);
        body[field] = value;

        var (status, json) = await advisor.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{id}/interventions", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(json.GetProperty("errors").TryGetProperty(errorField, out _), json.ToString());
        var list = (await advisor.GetJsonAsync($"/api/v1/participants/{id}/interventions")).GetProperty("items");
        Assert.Equal(0, list.GetArrayLength());
    }

    [Fact]
    public async Task Search_finds_by_name_reference_nino_and_postcode_within_the_lot()
    {
        using var advisor = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var postcode = await Registrations.InAreaPostcodeAsync(App, "WH", skip: 3);
        var body = Registrations.Smallest("WH", postcode);
        body["firstName"] = "Zebedee" + Registrations.NewName().ToLowerInvariant();
        var created = await Registrations.RegisterAsync(advisor, body);
        var reference = created.GetProperty("reference").GetString()!;
        var lastName = (string)body["lastName"]!;
        var nino = (string)body["nino"]!;

        foreach (var search in new[] { lastName, lastName[..5].ToLowerInvariant(), $"zeb {lastName[..4]}", reference, reference.ToLowerInvariant(), nino, postcode, postcode.Replace(" ", "", StringComparison.Ordinal) })
        {
            var page = await advisor.GetJsonAsync($"/api/v1/participants?lotCode=WH&search={Uri.EscapeDataString(search)}&pageSize=100");
            var ids = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
            Assert.True(ids.Contains(created.GetProperty("id").GetString()), $"search '{search}' did not find {reference}");
            var item = page.GetProperty("items").EnumerateArray().First(i => i.GetProperty("id").GetString() == created.GetProperty("id").GetString());
            Assert.Equal("WH", item.GetProperty("lotCode").GetString());
            Assert.Equal(postcode, item.GetProperty("postcode").GetString());
            Assert.Equal("HardestToHelp", item.GetProperty("cohort").GetString());
        }

        var otherCohort = await advisor.GetJsonAsync($"/api/v1/participants?lotCode=WH&search={reference}&cohort=Employed");
        Assert.Equal(0, otherCohort.GetProperty("total").GetInt32());
        var (badCohort, json) = await advisor.SendJsonAsync(HttpMethod.Get, "/api/v1/participants?cohort=Unicorns", null);
        Assert.Equal(HttpStatusCode.BadRequest, badCohort);
        Assert.Contains("HardestToHelp", json.GetProperty("errors").GetProperty("cohort")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patch_changes_only_the_fields_sent_and_records_the_reason()
    {
        using var advisor = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var created = await Registrations.RegisterAsync(advisor, Registrations.Smallest("WH", await Registrations.InAreaPostcodeAsync(App, "WH")));
        var id = created.GetProperty("id").GetGuid();

        var (status, body) = await advisor.SendJsonAsync(HttpMethod.Patch, $"/api/v1/participants/{id}",
            new { phone = "07700 900982", ethnicity = "pakistani", reason = "Gave phone number at second meeting" });
        var (bad, badBody) = await advisor.SendJsonAsync(HttpMethod.Patch, $"/api/v1/participants/{id}", new { postcode = "not a postcode" });
        var (stale, _) = await advisor.SendJsonAsync(HttpMethod.Patch, $"/api/v1/participants/{id}", new { phone = "07700 900111", version = 0 });

        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Equal("07700 900982", body.GetProperty("phone").GetString());
        Assert.Equal("pakistani", body.GetProperty("ethnicity").GetString());
        Assert.Equal(created.GetProperty("lastName").GetString(), body.GetProperty("lastName").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.True(badBody.GetProperty("errors").TryGetProperty("postcode", out _));
        Assert.Equal(HttpStatusCode.Conflict, stale);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        Assert.True(await db.AuditEvents.AnyAsync(a => a.ParticipantId == id && a.Action == "updated" && a.Reason == "Gave phone number at second meeting", cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal("07700 900982", await db.Participants.Where(p => p.Id == id).Select(p => p.Phone).SingleAsync(cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Every_view_of_a_record_is_logged()
    {
        using var advisor = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var created = await Registrations.RegisterAsync(advisor, Registrations.Smallest("WH", await Registrations.InAreaPostcodeAsync(App, "WH")));
        var id = created.GetProperty("id").GetGuid();

        await advisor.GetJsonAsync($"/api/v1/participants/{id}");
        await advisor.GetJsonAsync($"/api/v1/participants/{id}");

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        Assert.Equal(2, await db.AuditEvents.CountAsync(a => a.ParticipantId == id && a.Action == "viewed" && a.UserName == DemoUsers.Advisor("WH"), cancellationToken: TestContext.Current.CancellationToken));
    }

    private static Dictionary<string, object?> Contact(string date, int minutes, string mode = "FaceToFace", string activity = "InformationAdviceGuidance") => new()
    {
        ["date"] = date,
        ["mode"] = mode,
        ["activityType"] = activity,
        ["durationMinutes"] = minutes,
        ["notes"] = "Talked through job goals",
    };

    private static async Task<JsonElement> RecordAsync(TestClient client, string url, Dictionary<string, object?> body)
    {
        var (status, json) = await client.SendJsonAsync(HttpMethod.Post, url, body);
        Assert.True(status == HttpStatusCode.Created, $"Recording a contact: expected 201, got {(int)status}: {json}");
        return json;
    }

    private async Task<string?> AdvisorEmailAsync(Guid participantId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        return await db.Participants.Where(p => p.Id == participantId).Select(p => p.Advisor!.Email).SingleAsync();
    }
}
