using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ConnectingCommunities.Web.Features.Claims;

public enum ClaimResultStatus
{
    Ok,
    Created,
    Invalid,
    NotFound,
    Conflict,

    /// <summary>Refused for who the user is (maker-checker), not for what they sent.</summary>
    Forbidden,
}

/// <summary>
/// What a claims command returns. Beyond <see cref="Result{T}"/> it tells a new record from an
/// existing one (create is idempotent: 201 then 200) and has a forbidden outcome with a reason,
/// for maker-checker, which the API answers as 403 Problem Details.
/// </summary>
public sealed record ClaimResult<T>(ClaimResultStatus Status, T? Value = default, FieldErrors? Errors = null, string? Detail = null)
{
    public bool Succeeded => Status is ClaimResultStatus.Ok or ClaimResultStatus.Created;

    public static ClaimResult<T> Ok(T value) => new(ClaimResultStatus.Ok, value);

    public static ClaimResult<T> Created(T value) => new(ClaimResultStatus.Created, value);

    public static ClaimResult<T> Invalid(FieldErrors errors) => new(ClaimResultStatus.Invalid, Errors: errors);

    public static ClaimResult<T> Invalid(string field, string message) => Invalid(new FieldErrors().Add(field, message));

    public static ClaimResult<T> NotFound() => new(ClaimResultStatus.NotFound);

    public static ClaimResult<T> Conflict(string detail) => new(ClaimResultStatus.Conflict, Detail: detail);

    public static ClaimResult<T> Forbidden(string detail) => new(ClaimResultStatus.Forbidden, Detail: detail);

    /// <summary>The message to show a person: the conflict or refusal, or the first field error.</summary>
    public string? Message => Detail ?? Errors?.Select(e => e.Value).FirstOrDefault();
}

public static class ClaimResults
{
    public static IResult ToApi<T>(this ClaimResult<T> result, Func<T, IResult> ok, Func<T, IResult>? created = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(ok);
        return result.Status switch
        {
            ClaimResultStatus.Ok => ok(result.Value!),
            ClaimResultStatus.Created => (created ?? ok)(result.Value!),
            ClaimResultStatus.Invalid => ApiResults.Invalid(result.Errors!),
            ClaimResultStatus.Conflict => Problem(StatusCodes.Status409Conflict, "The claim line has changed", result.Detail),
            ClaimResultStatus.Forbidden => Problem(StatusCodes.Status403Forbidden, "You cannot do this", result.Detail),
            _ => ApiResults.NotFound(),
        };
    }

    private static ProblemHttpResult Problem(int status, string title, string? detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: status);
}
