using System.IO.Compression;
using System.Net;
using System.Text;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Claims;
using ConnectingCommunities.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Tests.Privacy;

public sealed class SubjectAccessTestsOnSqlite(SqliteApp fixture) : SubjectAccessTests<SqliteApp>(fixture);

public sealed class SubjectAccessTestsOnPostgres(PostgresApp fixture) : SubjectAccessTests<PostgresApp>(fixture);

/// <summary>The subject access file: everything of the person, nothing of anyone else, and who may produce it.</summary>
public abstract class SubjectAccessTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task The_zip_holds_every_record_of_the_participant_and_none_of_another()
    {
        var person = await App.PersonWithEverythingAsync("WH");
        var other = await App.PersonWithEverythingAsync("WH");
        using var manager = await App.ApiClientAsync(DemoUsers.Manager("WH"));

        var response = await manager.GetAsync($"/api/v1/participants/{person.Participant.Id}/subject-access");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)), ZipArchiveMode.Read);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("summary.html", names);
        Assert.Contains("record.json", names);
        Assert.Contains("access-log.json", names);
        var evidence = Assert.Single(names, n => n.StartsWith("evidence/", StringComparison.Ordinal));
        Assert.Equal(person.EvidenceBytes, await ReadBytesAsync(zip, evidence));

        var record = await ReadTextAsync(zip, "record.json");
        var summary = await ReadTextAsync(zip, "summary.html");
        var log = await ReadTextAsync(zip, "access-log.json");
        foreach (var id in new[] { person.Participant.Id, person.BarrierId, person.InterventionId, person.JobStartId, person.EvidenceId, person.ClaimLineId, person.HelpRequestId })
        {
            Assert.Contains(id.ToString(), record, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains(person.Participant.Nino!, record, StringComparison.Ordinal);
        Assert.Contains(person.Participant.LastName, summary, StringComparison.Ordinal);
        Assert.Contains("\"milestones\"", record, StringComparison.Ordinal);
        Assert.Contains("subject-access-requested", log, StringComparison.Ordinal);
        Assert.Contains("updated", log, StringComparison.Ordinal);
        foreach (var text in new[] { record, summary, log })
        {
            foreach (var id in new[] { other.Participant.Id, other.BarrierId, other.InterventionId, other.JobStartId, other.ClaimLineId, other.HelpRequestId })
            {
                Assert.DoesNotContain(id.ToString(), text, StringComparison.OrdinalIgnoreCase);
            }

            foreach (var value in other.Identifiers)
            {
                Assert.DoesNotContain(value, text, StringComparison.OrdinalIgnoreCase);
            }
        }

        var actions = await App.ReadAsync(db => db.AuditEvents.Where(a => a.ParticipantId == person.Participant.Id).Select(a => a.Action).ToListAsync());
        Assert.Contains("subject-access-requested", actions);
        Assert.Contains("subject-access-downloaded", actions);
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Commissioners_and_the_lots_managers_produce_it_and_another_lot_is_404(string email)
    {
        var person = await App.AddAsync("WH");
        var elsewhere = await App.AddAsync("SE");
        using var api = await App.ApiClientAsync(email);
        using var pages = await App.SignInAsync(email);

        var own = await api.GetAsync($"/api/v1/participants/{person.Id}/subject-access");
        var other = await api.GetAsync($"/api/v1/participants/{elsewhere.Id}/subject-access");
        var page = await pages.GetAsync($"/participants/{person.Id}/subject-access");
        var otherPage = await pages.GetAsync($"/participants/{elsewhere.Id}/subject-access");

        var (expectedOwn, expectedOther) = email switch
        {
            DemoUsers.Commissioner => (HttpStatusCode.OK, HttpStatusCode.OK),
            _ when email == DemoUsers.Manager("WH") => (HttpStatusCode.OK, HttpStatusCode.NotFound),
            _ => (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
        };
        Assert.Equal(expectedOwn, own.StatusCode);
        Assert.Equal(expectedOther, other.StatusCode);
        Assert.Equal(expectedOwn, page.StatusCode);
        Assert.Equal(expectedOther, otherPage.StatusCode);
        var downloads = await App.ReadAsync(db => db.AuditEvents.CountAsync(a => a.ParticipantId == elsewhere.Id && a.Action == "subject-access-downloaded"));
        Assert.Equal(email == DemoUsers.Commissioner ? 1 : 0, downloads);
    }

    [Fact]
    public async Task The_page_explains_the_file_and_its_button_downloads_it()
    {
        var person = await App.PersonWithEverythingAsync("WH");
        using var commissioner = await App.SignInAsync(DemoUsers.Commissioner);

        var page = await commissioner.GetPageAsync($"/participants/{person.Participant.Id}/subject-access");
        Assert.Contains("record.json", page.Body!.TextContent, StringComparison.Ordinal);
        var download = await commissioner.PostFormAsync($"/participants/{person.Participant.Id}/subject-access", []);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
        var viewed = await App.ReadAsync(db => db.AuditEvents.CountAsync(a => a.ParticipantId == person.Participant.Id && a.Action == "viewed" && a.Summary == "Subject access request page"));
        // Opened twice: once to read it, once more by the test client to take the form's antiforgery token.
        Assert.Equal(2, viewed);
    }

    private static async Task<byte[]> ReadBytesAsync(ZipArchive zip, string name)
    {
        await using var stream = await zip.GetEntry(name)!.OpenAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static async Task<string> ReadTextAsync(ZipArchive zip, string name) => Encoding.UTF8.GetString(await ReadBytesAsync(zip, name));
}
