using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;

namespace ConnectingCommunities.Web.Features.About;

public sealed record ApiEndpoint(string Tag, string Method, string Path, string Summary, string Access);

/// <summary>A browsable API reference read from the same endpoint metadata as the OpenAPI document.</summary>
public sealed class ApiDocsModel(EndpointDataSource endpoints) : PageModel
{
    public IReadOnlyList<ApiEndpoint> Endpoints { get; private set; } = [];

    public void OnGet()
    {
        Endpoints = endpoints.Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new ApiEndpoint(
                e.Metadata.GetMetadata<ITagsMetadata>()?.Tags is { Count: > 0 } tags ? tags[0] : "Other",
                method,
                e.RoutePattern.RawText!.TrimEnd('/'),
                e.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary ?? "",
                Access(e))))
            .OrderBy(e => e.Tag).ThenBy(e => e.Path).ThenBy(e => e.Method)
            .ToList();
    }

    private static string Access(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return "Anyone";
        }

        var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
        if (policies.Contains(Policies.SetUp))
        {
            return "Commissioners";
        }

        if (policies.Contains(Policies.CaseloadManagement))
        {
            return "Provider managers (their lots)";
        }

        if (policies.Contains(Policies.CaseworkWrite))
        {
            return "Advisors and provider managers (their lots)";
        }

        return policies.Contains(Policies.Casework)
            ? "Advisors and provider managers (their lots), commissioners"
            : "Any signed-in user (within their lots)";
    }
}
