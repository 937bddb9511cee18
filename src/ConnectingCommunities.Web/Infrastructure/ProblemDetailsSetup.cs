using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ConnectingCommunities.Web.Infrastructure;

/// <summary>Problem Details (RFC 9457) for every API error, with field errors for unreadable JSON.</summary>
public static partial class ProblemDetailsSetup
{
    public static void Customise(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        problem.Instance ??= context.HttpContext.Request.Path;
        var exception = context.Exception ?? context.HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (exception is BadHttpRequestException bad)
        {
            problem.Status = bad.StatusCode;
            context.HttpContext.Response.StatusCode = bad.StatusCode;
            problem.Title = "The request could not be read";
            var json = bad.InnerException as JsonException ?? bad.InnerException?.InnerException as JsonException;
            if (json is not null)
            {
                var field = FieldFromPath(json.Path);
                problem.Detail = "The request body is not valid JSON for this endpoint: see errors.";
                problem.Extensions["errors"] = new Dictionary<string, string[]>
                {
                    [field] = [DescribeJsonError(json)],
                };
            }
            else
            {
                problem.Detail = bad.Message;
            }
        }
    }

    public static async Task WriteStatusProblem(StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var service = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await service.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = status switch
                {
                    401 => "Sign-in required",
                    403 => "Forbidden",
                    404 => "Not found",
                    405 => "Method not allowed",
                    429 => "Too many requests",
                    _ => null,
                },
                Detail = status switch
                {
                    401 => "Send a bearer token from POST /api/v1/auth/token in the Authorization header.",
                    403 => "Your role does not allow this.",
                    404 => "There is no such record, or you do not have access to it.",
                    429 => "Too many attempts. Wait a minute and try again.",
                    _ => null,
                },
            },
        });
    }

    private static string FieldFromPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        var trimmed = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return trimmed.Length == 0 ? "body" : trimmed;
    }

    private static string DescribeJsonError(JsonException exception)
    {
        var match = TargetType().Match(exception.Message);
        if (!match.Success)
        {
            return "The value is not valid JSON.";
        }

        var type = match.Groups["type"].Value;
        return type switch
        {
            var t when t.Contains("Decimal", StringComparison.Ordinal) || t.Contains("Double", StringComparison.Ordinal) =>
                "Must be a number, for example 1053000.00.",
            var t when t.Contains("Int", StringComparison.Ordinal) => "Must be a whole number.",
            var t when t.Contains("DateOnly", StringComparison.Ordinal) => "Must be a date in the form YYYY-MM-DD.",
            var t when t.Contains("Boolean", StringComparison.Ordinal) => "Must be true or false.",
            var t when t.Contains("Guid", StringComparison.Ordinal) => "Must be an identifier (a UUID).",
            var t when t.Contains("Milestone", StringComparison.Ordinal) =>
                "Must be one of Engaged, JobOutcome, Sustained13Weeks, Sustained26Weeks, Sustained52Weeks, Progression.",
            var t when t.Contains("Cohort", StringComparison.Ordinal) =>
                "Must be one of HardestToHelp, HarderToReach, RapidProgression, Employed.",
            var t when t.Contains("String", StringComparison.Ordinal) => "Must be text.",
            _ => "The value is not valid for this field.",
        };
    }

    [GeneratedRegex(@"converted to (?<type>[\w\.\[\]`, ]+)\.")]
    private static partial Regex TargetType();
}
