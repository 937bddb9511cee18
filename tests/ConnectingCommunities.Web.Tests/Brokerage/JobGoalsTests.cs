using System.Net;
using System.Text.Json;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Tests.Brokerage;

public sealed class JobGoalsTestsOnSqlite(SqliteApp fixture) : JobGoalsTests<SqliteApp>(fixture);

public sealed class JobGoalsTestsOnPostgres(PostgresApp fixture) : JobGoalsTests<PostgresApp>(fixture);

/// <summary>A participant's job goals through the API and the pages.</summary>
public abstract class JobGoalsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private static readonly object ContractBody = new
    {
        occupations = new[] { "6135" },
        skills = new[] { "Customer service" },
        maxWeeklyHours = 30,
        maxTravelMiles = 10,
        hasDrivingLicence = false,
    };

    private TestApp App => fixture.App;

    private Task<int> GoalsCountAsync(Guid participantId) => App.DbAsync(db => db.JobGoals.CountAsync(g => g.ParticipantId == participantId));

    [Fact]
    public async Task The_contract_body_records_job_goals_and_get_reads_them_back()
    {
        var participant = await App.AddAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));

        var (status, saved) = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/participants/{participant.Id}/job-goals", ContractBody);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("6135", saved.GetProperty("occupations")[0].GetProperty("code").GetString());

        var read = await client.GetJsonAsync($"/api/v1/participants/{participant.Id}/job-goals");
        Assert.True(read.GetProperty("recorded").GetBoolean());
        Assert.Equal("6135", read.GetProperty("occupations")[0].GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(read.GetProperty("occupations")[0].GetProperty("title").GetString()));
        Assert.Equal("Customer service", read.GetProperty("skills")[0].GetString());
        Assert.Equal(30m, read.GetProperty("maxWeeklyHours").GetDecimal());
        Assert.Equal(10m, read.GetProperty("maxTravelMiles").GetDecimal());
        Assert.False(read.GetProperty("hasDrivingLicence").GetBoolean());

        // A second PUT replaces the whole set: fields left out are cleared.
        var (again, replaced) = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/participants/{participant.Id}/job-goals",
            new { occupations = new[] { "7111" }, skills = new[] { " customer SERVICE ", "Sign language" }, availableDays = new[] { "fri", "Mon" } });
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(JsonValueKind.Null, replaced.GetProperty("maxWeeklyHours").ValueKind);
        Assert.Equal(["Customer service", "Sign language"], replaced.GetProperty("skills").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["Mon", "Fri"], replaced.GetProperty("availableDays").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(1, await GoalsCountAsync(participant.Id));
    }

    [Theory]
    [InlineData("occupations", "{\"occupations\":[\"9999\"]}", "9999 is not a SOC 2020 unit group")]
    [InlineData("maxWeeklyHours", "{\"maxWeeklyHours\":-1}", "more than 0")]
    [InlineData("minWeeklyHours", "{\"minWeeklyHours\":31,\"maxWeeklyHours\":30}", "no more than the most")]
    [InlineData("maxTravelMiles", "{\"maxTravelMiles\":-3}", "more than 0")]
    [InlineData("maxTravelMinutes", "{\"maxTravelMinutes\":0}", "from 1 to")]
    [InlineData("availableDays", "{\"availableDays\":[\"Funday\"]}", "is not a day")]
    [InlineData("availableUntil", "{\"availableFrom\":\"14:30\",\"availableUntil\":\"09:30\"}", "after the earliest start")]
    [InlineData("availableFrom", "{\"availableFrom\":\"half nine\",\"availableUntil\":\"14:30\"}", "24-hour clock")]
    public async Task Bad_job_goals_are_refused_naming_the_field_and_nothing_is_written(string field, string json, string message)
    {
        var participant = await App.AddAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));

        var (status, body) = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/participants/{participant.Id}/job-goals",
            JsonSerializer.Deserialize<JsonElement>(json));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, body.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await GoalsCountAsync(participant.Id));
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Job_goals_are_casework_of_the_participants_lot(string email)
    {
        var inWh = await App.AddAsync("WH");
        var inSe = await App.AddAsync("SE");
        using var client = await App.ApiClientAsync(email);

        var readWh = await client.GetAsync($"/api/v1/participants/{inWh.Id}/job-goals");
        var readSe = await client.GetAsync($"/api/v1/participants/{inSe.Id}/job-goals");
        var (writeWh, _) = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/participants/{inWh.Id}/job-goals", ContractBody);
        var (writeSe, _) = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/participants/{inSe.Id}/job-goals", ContractBody);

        if (email == DemoUsers.Evaluator)
        {
            Assert.Equal(HttpStatusCode.Forbidden, readWh.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, writeWh);
        }
        else if (email == DemoUsers.Commissioner)
        {
            Assert.Equal(HttpStatusCode.OK, readWh.StatusCode);
            Assert.Equal(HttpStatusCode.OK, readSe.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, writeWh);
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, readWh.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, readSe.StatusCode);
            Assert.Equal(HttpStatusCode.OK, writeWh);
            Assert.Equal(HttpStatusCode.NotFound, writeSe);
        }

        Assert.Equal(0, await GoalsCountAsync(inSe.Id));
    }

    [Fact]
    public async Task The_pages_search_occupations_without_javascript_and_save_the_goals()
    {
        var participant = await App.AddAsync("WH");
        using var client = await App.SignInAsync(DemoUsers.Advisor("WH"));
        var url = $"/participants/{participant.Id}/job-goals";

        var view = await client.GetPageAsync(url);
        Assert.NotNull(view.QuerySelector("#no-goals"));
        await client.GetPageAsync(url + "/edit");

        // Searching shows the form again with matching occupations to tick.
        var searched = await client.PostFormAsync(url + "/edit", [new("action", "search"), new("occupationSearch", "sales assistants"), new("skills", "Cash handling")]);
        Assert.Equal(HttpStatusCode.OK, searched.StatusCode);
        var page = await client.ParseAsync(searched);
        Assert.Contains(page.QuerySelectorAll("input[name=occupations]"), i => i.GetAttribute("value") == "7111");
        Assert.Contains(page.QuerySelectorAll("input[name=skills]"), i => i.GetAttribute("value") == "Cash handling" && i.HasAttribute("checked"));

        var bad = await client.PostFormAsync(url + "/edit", [new("action", "save"), new("occupations", "7111"), new("maxWeeklyHours", "lots")]);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("must be a number", (await client.ParseAsync(bad)).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await GoalsCountAsync(participant.Id));

        var saved = await client.PostFormAsync(url + "/edit",
        [
            new("action", "save"), new("occupations", "7111"), new("skills", "Cash handling"), new("otherSkills", "Sign language, bookkeeping"),
            new("maxWeeklyHours", "25"), new("availableDays", "Mon"), new("availableDays", "Tue"), new("flags", "hasDrivingLicence"),
            new("maxTravelMiles", "7.5"), new("availableFrom", "09:30"), new("availableUntil", "14:30"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var shown = await client.GetPageAsync(url);
        var summary = shown.QuerySelector("#job-goals")!.TextContent;
        Assert.Contains("SOC 7111", summary, StringComparison.Ordinal);
        Assert.Contains("Sign language", summary, StringComparison.Ordinal);
        Assert.Contains("Monday, Tuesday", summary, StringComparison.Ordinal);
        Assert.Contains("Available 09:30 to 14:30", summary, StringComparison.Ordinal);
        Assert.Equal(1, await GoalsCountAsync(participant.Id));
    }

    [Fact]
    public async Task Another_lots_participant_has_no_job_goals_pages()
    {
        var inSe = await App.AddAsync("SE");
        using var client = await App.SignInAsync(DemoUsers.Advisor("WH"));
        await client.GetPageAsync($"/participants/{inSe.Id}/job-goals", HttpStatusCode.NotFound);
        await client.GetPageAsync($"/participants/{inSe.Id}/job-goals/edit", HttpStatusCode.NotFound);
    }
}
