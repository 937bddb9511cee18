using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ConnectingCommunities.Web.Infrastructure;

public static class OpenApiSetup
{
    public static void Configure(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Connecting Communities API",
                Version = "v1",
                Description = "Programme set-up, participants, outcomes, claims, performance and evaluation. "
                    + "Get a token from POST /api/v1/auth/token and send it as `Authorization: Bearer <token>`. "
                    + "Errors are Problem Details (RFC 9457); lists are {items, total, page, pageSize}.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A token from POST /api/v1/auth/token.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference("bearer", document)] = [],
            });
            return Task.CompletedTask;
        });
    }
}
