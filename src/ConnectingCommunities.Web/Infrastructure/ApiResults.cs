using Microsoft.AspNetCore.Http.HttpResults;

namespace ConnectingCommunities.Web.Infrastructure;

/// <summary>Every list in the API has this shape.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static (int Page, int PageSize) Normalise(int? page, int? pageSize) =>
        (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize));

    public static PagedList<T> ToPage<T>(this IEnumerable<T> all, int? page, int? pageSize)
    {
        var (p, size) = Normalise(page, pageSize);
        var list = all as IReadOnlyCollection<T> ?? all.ToList();
        return new PagedList<T>(list.Skip((p - 1) * size).Take(size).ToList(), list.Count, p, size);
    }
}

/// <summary>Turns handler results into RFC 9457 Problem Details responses.</summary>
public static class ApiResults
{
    public static IResult ToApi<T>(this Result<T> result, Func<T, IResult> onSuccess)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(onSuccess);
        return result.Status switch
        {
            ResultStatus.Ok => onSuccess(result.Value!),
            ResultStatus.Invalid => Invalid(result.Errors!),
            ResultStatus.Conflict => TypedResults.Problem(
                title: "The record has changed", detail: result.Detail, statusCode: StatusCodes.Status409Conflict),
            _ => NotFound(),
        };
    }

    public static ProblemHttpResult NotFound(string? detail = null) => TypedResults.Problem(
        title: "Not found", detail: detail ?? "There is no such record, or you do not have access to it.",
        statusCode: StatusCodes.Status404NotFound);

    public static ValidationProblem Invalid(FieldErrors errors) => TypedResults.ValidationProblem(
        errors.ToDictionary(), title: "There is a problem with the request",
        detail: "One or more fields are not valid: see errors.");
}
