using System.Net;
using System.Text;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;

namespace ConnectingCommunities.Web.Tests.Evaluation;

public sealed class AccessTestsOnSqlite(SqliteApp fixture) : AccessTests<SqliteApp>(fixture);

public sealed class AccessTestsOnPostgres(PostgresApp fixture) : AccessTests<PostgresApp>(fixture);

/// <summary>
/// An evaluator sees aggregates and pseudonymised data only. Every page and API endpoint of the app is
/// read from its endpoint data source (so a feature added later is covered without changing this test)
/// and tried as the evaluator, with a real participant's id wherever the route takes an id: each must be
/// refused (403, 404, or for pages the access-denied page), except the few that hold no personal data,
/// listed here with the reason.
/// </summary>
public abstract class AccessTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    /// <summary>Paths an evaluator may open: none shows a participant, a resident or a contact's details.</summary>
    private static readonly (string Prefix, string Why)[] Allowed =
    [
        ("/evaluation", "the evaluation's own pages: aggregates, models and the pseudonymised extract"),
        ("/api/v1/evaluation", "the evaluation's API: aggregates, models and the pseudonymised extract"),
        ("/account", "the user's own account: sign-in, sign-out, two-factor set-up"),
        ("/api/v1/auth", "the user's own bearer tokens"),
        ("/about", "accessibility, cookies and privacy statements and the API documentation"),
        ("/error", "error pages"),
        ("/api/v1/lots", "the programme's lots (set-up data, no people)"),
        ("/api/v1/imports/templates", "blank import templates"),
        ("/api/v1/action-plans/summary", "counts of plan actions (no people); the next test checks it shows no participant"),
    ];

    private TestApp App => fixture.App;

    private static bool IsAllowed(string path) =>
        path == "/" || Allowed.Any(a => path == a.Prefix || path.StartsWith(a.Prefix + "/", StringComparison.OrdinalIgnoreCase) || path.StartsWith(a.Prefix + "?", StringComparison.Ordinal));

    private sealed record Target(string Method, string Path, bool IsPage);

    /// <summary>Every endpoint of the app that needs a signed-in user, with its route values filled in.</summary>
    private IReadOnlyList<Target> Targets(Guid participantId)
    {
        var endpoints = ((IEndpointRouteBuilder)App.App).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList();
        var targets = new List<Target>();
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                // Public pages (the resident's "get help" form, sign-in, health) hold nothing an evaluator could not see anyway.
                continue;
            }

            var pattern = endpoint.RoutePattern;
            if (pattern.RawText is null || pattern.Parameters.Any(p => p.IsCatchAll))
            {
                continue;
            }

            var path = new StringBuilder();
            foreach (var segment in pattern.PathSegments)
            {
                path.Append('/');
                foreach (var part in segment.Parts)
                {
                    path.Append(part switch
                    {
                        Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                        Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
                        Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => Value(parameter, participantId),
                        _ => "",
                    });
                }
            }

            var url = path.Length == 0 ? "/" : path.ToString();
            var isPage = endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null
                || endpoint.Metadata.Any(m => m.GetType().Name.Contains("PageActionDescriptor", StringComparison.Ordinal));
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } declared
                ? declared
                : isPage ? ["GET", "POST"] : ["GET"];
            targets.AddRange(methods.Where(m => m != "OPTIONS" && m != "HEAD").Select(m => new Target(m, url, isPage)));
        }

        return [.. targets.DistinctBy(t => (t.Method, t.Path))];
    }

    private static string Value(Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter, Guid participantId)
    {
        var constraints = string.Join(",", parameter.ParameterPolicies.Select(p => p.Content ?? ""));
        if (constraints.Contains("guid", StringComparison.OrdinalIgnoreCase) || parameter.Name.EndsWith("id", StringComparison.OrdinalIgnoreCase))
        {
            return participantId.ToString();
        }

        if (constraints.Contains("int", StringComparison.OrdinalIgnoreCase))
        {
            return "1";
        }

        return parameter.Name.Contains("lot", StringComparison.OrdinalIgnoreCase) ? "WH" : "WH-000001";
    }

    [Fact]
    public async Task The_evaluator_is_refused_every_page_and_endpoint_that_could_identify_someone()
    {
        var participant = await App.AddAsync("WH", p => p.FirstName = "Ignatius");
        var targets = Targets(participant.Id);
        Assert.Contains(targets, t => t.Path == $"/participants/{participant.Id}");
        Assert.Contains(targets, t => t.Path.StartsWith("/api/v1/participants", StringComparison.Ordinal));
        Assert.True(targets.Count > 100, $"Only {targets.Count} endpoints were found.");

        using var pages = await App.SignInAsync(DemoUsers.Evaluator);
        using var api = await App.ApiClientAsync(DemoUsers.Evaluator);
        var wrong = new List<string>();
        foreach (var target in targets.Where(t => !IsAllowed(t.Path)))
        {
            var client = target.Path.StartsWith("/api/", StringComparison.Ordinal) ? api : pages;
            using var request = new HttpRequestMessage(new HttpMethod(target.Method), new Uri(target.Path, UriKind.Relative));
            if (target.Method != "GET")
            {
                request.Content = target.Path.StartsWith("/api/", StringComparison.Ordinal)
                    ? new StringContent("{}", Encoding.UTF8, "application/json")
                    : new FormUrlEncodedContent([]);
            }

            using var response = await client.Http.SendAsync(request, TestContext.Current.CancellationToken);
            // 400 and 415: the request was turned away before any record was read (a body or value of the wrong kind).
            var refused = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.BadRequest
                    or HttpStatusCode.UnsupportedMediaType
                || (response.StatusCode == HttpStatusCode.Redirect
                    && response.Headers.Location?.ToString().Contains("access-denied", StringComparison.OrdinalIgnoreCase) == true);
            if (!refused)
            {
                wrong.Add($"{target.Method} {target.Path}: {(int)response.StatusCode} {response.Headers.Location}");
            }

            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.DoesNotContain("Ignatius", body, StringComparison.Ordinal);
        }

        Assert.True(wrong.Count == 0, "The evaluator was not refused:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task What_an_evaluator_may_open_shows_no_participant()
    {
        var participant = await App.AddAsync("WH", p =>
        {
            p.FirstName = "Perpetua";
            p.LastName = "Blenkinsop";
        });
        using var pages = await App.SignInAsync(DemoUsers.Evaluator);
        using var api = await App.ApiClientAsync(DemoUsers.Evaluator);
        foreach (var target in Targets(participant.Id).Where(t => t.Method == "GET" && IsAllowed(t.Path)))
        {
            var client = target.Path.StartsWith("/api/", StringComparison.Ordinal) ? api : pages;
            var response = await client.GetAsync(target.Path);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.DoesNotContain("Perpetua", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Blenkinsop", body, StringComparison.Ordinal);
            Assert.DoesNotContain(participant.Nino!, body, StringComparison.Ordinal);
            Assert.DoesNotContain(participant.Reference, body, StringComparison.Ordinal);
        }
    }
}
