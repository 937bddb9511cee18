using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Web.Tests.Evaluation;

public sealed class ExtractTestsOnSqlite(SqliteApp fixture) : ExtractTests<SqliteApp>(fixture);

public sealed class ExtractTestsOnPostgres(PostgresApp fixture) : ExtractTests<PostgresApp>(fixture);

/// <summary>
/// The pseudonymised extract: no direct identifier anywhere (every column of every row scanned for the
/// source participants' names, NINOs, dates of birth, postcodes, emails, phones and addresses), a
/// pseudonym that is the keyed hash of the id, stable across downloads and different per participant,
/// every download logged, and only evaluators and commissioners may download it.
/// </summary>
public abstract class ExtractTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private TestApp App => fixture.App;

    private async Task<List<Participant>> PeopleAsync(bool includeErased = false)
    {
        await TablesSeed.EnsureAsync(App);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        return await db.Participants.AsNoTracking().Where(p => includeErased || p.ErasedAt == null).ToListAsync();
    }

    /// <summary>RFC 4180 records, parsed here rather than by the app's own writer.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        return records;
    }

    private async Task<List<List<string>>> DownloadCsvAsync(TestClient client)
    {
        var response = await client.GetAsync("/api/v1/evaluation/extract?format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("evaluation-extract-", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!.Trim('"'), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return ParseCsv(Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'));
    }

    /// <summary>Everything that directly identifies a participant, in the forms it could appear in.</summary>
    private static IEnumerable<string> Identifiers(Participant p)
    {
        yield return p.FirstName;
        yield return p.LastName;
        yield return p.Reference;
        yield return p.Id.ToString();
        yield return p.Id.ToString("N");
        if (p.Nino is { } nino)
        {
            yield return nino;
            yield return $"{nino[..2]} {nino[2..4]} {nino[4..6]} {nino[6..8]} {nino[8]}";
        }

        yield return p.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        yield return p.DateOfBirth.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        yield return p.DateOfBirth.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        yield return p.Postcode;
        yield return p.Postcode.Replace(" ", "", StringComparison.Ordinal);
        foreach (var value in new[] { p.Email, p.Phone, p.AddressLine1, p.AddressLine2, p.Town })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                yield return value;
            }
        }
    }

    private static void AssertNoIdentifier(IEnumerable<List<string>> rows, IReadOnlyList<Participant> people)
    {
        var identifiers = people.SelectMany(Identifiers).Distinct().ToList();
        foreach (var row in rows)
        {
            foreach (var cell in row)
            {
                foreach (var identifier in identifiers)
                {
                    Assert.False(cell.Contains(identifier, StringComparison.OrdinalIgnoreCase), $"The extract holds '{identifier}' in '{cell}'.");
                }

                // An XLSX stores dates as serial numbers: none may be a participant's date of birth.
                Assert.DoesNotMatch(@"^\d{4}-\d{2}-\d{2}$", cell);
            }
        }
    }

    private async Task<string> ExpectedPseudonymAsync(Guid id)
    {
        // The key is read back from platform_secrets and unprotected here, and the HMAC computed with the BCL directly.
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var stored = await db.PlatformSecrets.AsNoTracking().SingleAsync(s => s.Name == "evaluation-pseudonym-key");
        var protector = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("ConnectingCommunities.Evaluation.PseudonymKey");
        var key = Convert.FromBase64String(protector.Unprotect(stored.Value));
        Assert.Equal(32, key.Length);
        var hash = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(id.ToString("D")));
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(hash.Select(b => Convert.ToString(b, 2).PadLeft(8, '0')));
        return string.Concat(Enumerable.Range(0, 12).Select(i => alphabet[Convert.ToInt32(bits.Substring(i * 5, 5), 2)]));
    }

    [Fact]
    public async Task The_csv_extract_has_one_row_per_participant_and_no_direct_identifier_in_any_column()
    {
        var people = await PeopleAsync();
        var everyone = await PeopleAsync(includeErased: true);
        using var evaluator = await App.ApiClientAsync(DemoUsers.Evaluator);

        var records = await DownloadCsvAsync(evaluator);

        var header = records[0];
        var rows = records.Skip(1).ToList();
        Assert.Equal(people.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal(header.Count, r.Count));
        foreach (var forbidden in new[] { "name", "nino", "dateOfBirth", "postcode", "email", "phone", "address", "town", "notes", "reference", "id" })
        {
            Assert.DoesNotContain(header, h => string.Equals(h, forbidden, StringComparison.OrdinalIgnoreCase) || h.Contains("name", StringComparison.OrdinalIgnoreCase));
        }

        AssertNoIdentifier(records, everyone);

        // Each row is its participant: the pseudonym is the keyed hash of the id, and the characteristics are theirs.
        var column = header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i);
        var byPseudonym = rows.ToDictionary(r => r[column["pseudonym"]]);
        foreach (var person in people)
        {
            var row = byPseudonym[await ExpectedPseudonymAsync(person.Id)];
            Assert.Equal(Postcode.Parse(person.Postcode).District, row[column["postcodeDistrict"]]);
            Assert.Equal(person.Cohort.ToString(), row[column["cohort"]]);
            Assert.Equal(person.RegisteredOn.ToString("yyyy-MM", CultureInfo.InvariantCulture), row[column["registeredMonth"]]);
            Assert.Equal(person.Sex ?? "", row[column["sex"]]);
            Assert.Matches("^(16-24|25-34|35-54|55\\+)$", row[column["ageBand"]]);
        }

        // The erased participant is not there at all.
        var erased = everyone.Single(p => p.ErasedAt is not null);
        Assert.DoesNotContain(await ExpectedPseudonymAsync(erased.Id), byPseudonym.Keys);
    }

    [Fact]
    public async Task Pseudonyms_are_stable_across_downloads_and_different_for_each_participant()
    {
        var people = await PeopleAsync();
        using var evaluator = await App.ApiClientAsync(DemoUsers.Evaluator);
        using var commissioner = await App.ApiClientAsync(DemoUsers.Commissioner);

        var first = (await DownloadCsvAsync(evaluator)).Skip(1).Select(r => r[0]).ToList();
        var second = (await DownloadCsvAsync(commissioner)).Skip(1).Select(r => r[0]).ToList();

        Assert.Equal(first, second);
        Assert.Equal(people.Count, first.Distinct().Count());
        Assert.All(first, p => Assert.Matches("^[A-Z2-7]{12}$", p));

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var secret = await db.PlatformSecrets.AsNoTracking().SingleAsync(s => s.Name == "evaluation-pseudonym-key", TestContext.Current.CancellationToken);

        // The stored key is protected: it is not the raw 32 bytes in base64.
        Assert.NotEqual(44, secret.Value.Length);
        Assert.False(await db.AuditEvents.AnyAsync(a => a.Changes != null && a.Changes.Contains(secret.Value), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_xlsx_extract_has_the_same_rows_and_no_direct_identifier()
    {
        var people = await PeopleAsync();
        var everyone = await PeopleAsync(includeErased: true);
        using var evaluator = await App.ApiClientAsync(DemoUsers.Evaluator);
        var csv = await DownloadCsvAsync(evaluator);

        var response = await evaluator.GetAsync("/api/v1/evaluation/extract?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();
        var headerIndex = rows.FindIndex(r => r.Count > 0 && r[0] == "pseudonym");
        Assert.True(headerIndex >= 0);
        var data = rows.Skip(headerIndex + 1).ToList();
        Assert.Equal(people.Count, data.Count);
        Assert.Equal(csv.Skip(1).Select(r => r[0]), data.Select(r => r[0]));
        AssertNoIdentifier(rows, everyone);
    }

    [Fact]
    public async Task Every_download_is_logged_with_who_the_format_and_the_row_count()
    {
        var people = await PeopleAsync();
        using var evaluator = await App.ApiClientAsync(DemoUsers.Evaluator);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var before = await db.AuditEvents.CountAsync(a => a.EntityType == "EvaluationExtract", TestContext.Current.CancellationToken);

        await DownloadCsvAsync(evaluator);
        Assert.Equal(HttpStatusCode.OK, (await evaluator.GetAsync("/api/v1/evaluation/extract?format=xlsx")).StatusCode);

        var logged = await db.AuditEvents.AsNoTracking().Where(a => a.EntityType == "EvaluationExtract").OrderBy(a => a.OccurredAt).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(before + 2, logged.Count);
        var csv = logged[^2];
        var xlsx = logged[^1];
        Assert.Equal("downloaded", csv.Action);
        Assert.Equal(DemoUsers.Evaluator, csv.UserName);
        Assert.NotNull(csv.UserId);
        Assert.Equal($"Pseudonymised evaluation extract, format csv, {people.Count} rows", csv.Summary);
        Assert.Equal($"Pseudonymised evaluation extract, format xlsx, {people.Count} rows", xlsx.Summary);
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Only_evaluators_and_commissioners_may_download_the_extract_and_a_bad_format_is_named(string email)
    {
        await TablesSeed.EnsureAsync(App);
        using var client = await App.ApiClientAsync(email);
        var allowed = email is DemoUsers.Evaluator or DemoUsers.Commissioner;

        var csv = await client.GetAsync("/api/v1/evaluation/extract?format=csv");
        var bad = await client.GetAsync("/api/v1/evaluation/extract?format=pdf");

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            var problem = await TestClient.ReadJsonAsync(bad, HttpStatusCode.BadRequest, "bad format");
            Assert.Equal("Format must be csv or xlsx", problem.GetProperty("errors").GetProperty("format")[0].GetString());
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, csv.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, bad.StatusCode);
        }
    }
}
