using System.Collections;

namespace ConnectingCommunities.Web.Infrastructure;

/// <summary>
/// Field errors keyed by the camelCase field name used by both the API (Problem Details
/// "errors") and the page's form inputs, so one handler serves both without translation.
/// </summary>
public sealed class FieldErrors : IEnumerable<KeyValuePair<string, string>>
{
    private readonly List<KeyValuePair<string, string>> errors = [];

    public bool Any => errors.Count > 0;

    public bool Has(string field) => errors.Exists(e => e.Key == field);

    public FieldErrors Add(string field, string message)
    {
        if (!Has(field))
        {
            errors.Add(new(field, message));
        }

        return this;
    }

    public IDictionary<string, string[]> ToDictionary() =>
        errors.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Select(e => e.Value).ToArray());

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => errors.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public enum ResultStatus
{
    Ok,
    Invalid,
    NotFound,
    Conflict,
}

/// <summary>What a command handler returns: a value, field errors, not found, or an edit conflict.</summary>
public sealed record Result<T>(ResultStatus Status, T? Value = default, FieldErrors? Errors = null, string? Detail = null)
{
    public bool Succeeded => Status == ResultStatus.Ok;

    public static Result<T> Ok(T value) => new(ResultStatus.Ok, value);

    public static Result<T> Invalid(FieldErrors errors) => new(ResultStatus.Invalid, Errors: errors);

    public static Result<T> Invalid(string field, string message) => Invalid(new FieldErrors().Add(field, message));

    public static Result<T> NotFound() => new(ResultStatus.NotFound);

    public static Result<T> Conflict(string detail) => new(ResultStatus.Conflict, Detail: detail);
}
