using System.Runtime.CompilerServices;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Exports;

namespace ConnectingCommunities.Web.Features.Exports;

/// <summary>One column of a list export: its heading, how it is written, and its value for an item.</summary>
public sealed record ExportField<T>(string Heading, ColumnKind Kind, Func<T, object?> Value)
{
    public ExportField(string heading, Func<T, object?> value)
        : this(heading, ColumnKind.Text, value)
    {
    }
}

/// <summary>A list that can be downloaded: the one definition of its columns, used by the web app and by <c>cc export</c>.</summary>
public interface IExportTable
{
    /// <summary>The table's code in addresses and on the command line, e.g. "participants", "job-starts".</summary>
    string Name { get; }

    string Title { get; }

    /// <summary>The authorisation policy a caller must meet: the same as the page that lists it.</summary>
    string Policy { get; }

    /// <summary>Whether rows are about named participants (each such download is logged against the caller).</summary>
    bool ParticipantLevel { get; }

    /// <summary>The query parameters the table is filtered by (the same names as its page's filters).</summary>
    IReadOnlyList<string> Filters { get; }

    IReadOnlyList<ExportColumn> Columns { get; }

    /// <summary>
    /// The rows in the caller's scope (resolved from <paramref name="services"/>: the signed-in user's lots on
    /// the web, programme-wide for the command line), read from the database as they are written; field
    /// errors when a filter is not understood.
    /// </summary>
    Task<Result<IAsyncEnumerable<IReadOnlyList<object?>>>> RowsAsync(IServiceProvider services, ExportQuery query, CancellationToken cancellationToken);
}

/// <summary>A table whose rows are items of type <typeparamref name="T"/>, turned into cells by its fields.</summary>
public sealed class ExportDefinition<T>(
    string name,
    string title,
    string policy,
    bool participantLevel,
    IReadOnlyList<string> filters,
    IReadOnlyList<ExportField<T>> fields,
    Func<IServiceProvider, ExportQuery, CancellationToken, Task<Result<IAsyncEnumerable<T>>>> source) : IExportTable
{
    public string Name => name;

    public string Title => title;

    public string Policy => policy;

    public bool ParticipantLevel => participantLevel;

    public IReadOnlyList<string> Filters => filters;

    public IReadOnlyList<ExportColumn> Columns { get; } = [.. fields.Select(f => new ExportColumn(f.Heading, f.Kind))];

    public async Task<Result<IAsyncEnumerable<IReadOnlyList<object?>>>> RowsAsync(IServiceProvider services, ExportQuery query, CancellationToken cancellationToken)
    {
        var items = await source(services, query, cancellationToken);
        return items.Succeeded
            ? Result<IAsyncEnumerable<IReadOnlyList<object?>>>.Ok(Cells(items.Value!, cancellationToken))
            : Result<IAsyncEnumerable<IReadOnlyList<object?>>>.Invalid(items.Errors!);
    }

    private async IAsyncEnumerable<IReadOnlyList<object?>> Cells(IAsyncEnumerable<T> items, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            var row = new object?[fields.Count];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = fields[i].Value(item);
            }

            yield return row;
        }
    }
}

/// <summary>The filters of an export request, by name (case-insensitive), as they came in the query string or from the command line.</summary>
public sealed class ExportQuery(IEnumerable<KeyValuePair<string, string?>> values)
{
    private readonly ILookup<string, string?> values = values.ToLookup(v => v.Key, v => v.Value, StringComparer.OrdinalIgnoreCase);

    public static ExportQuery Empty { get; } = new([]);

    public static ExportQuery From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new ExportQuery(query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))));
    }

    /// <summary>Whether the parameter was sent at all (even empty).</summary>
    public bool Has(string name) => values.Contains(name);

    /// <summary>The parameter's first value, trimmed; null when absent or blank.</summary>
    public string? this[string name] => values[name].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    public IReadOnlyList<string> All(string name) => [.. values[name].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim())];

    /// <summary>The lot asked for: lotCode (as in the API) or lot (as on most pages).</summary>
    public string? Lot => this["lotCode"] ?? this["lot"];

    /// <summary>What was asked for, for the audit log: "lot=WH, status=Open" (format and blank values left out).</summary>
    public string Describe() => string.Join(", ", values
        .Where(g => !g.Key.Equals("format", StringComparison.OrdinalIgnoreCase) && !g.Key.Equals("page", StringComparison.OrdinalIgnoreCase))
        .SelectMany(g => g.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => $"{g.Key}={v!.Trim()}")));
}

/// <summary>Reading a paged handler list page after page, so a download holds exactly the rows the page lists in the same order.</summary>
public static class ExportPaging
{
    /// <summary>Every item of a list that a handler returns a page at a time; field errors from the first page are returned as they are.</summary>
    public static async Task<Result<IAsyncEnumerable<T>>> AllPagesAsync<T>(Func<int, int, Task<Result<PagedList<T>>>> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var first = await page(1, Paging.MaxPageSize);

        // A lot the caller cannot see: the page answers 404, a download is simply empty (as on the list endpoints).
        if (first.Status == ResultStatus.NotFound)
        {
            return Listed<T>([]);
        }

        return first.Succeeded
            ? Result<IAsyncEnumerable<T>>.Ok(Rest(first.Value!, async (p, size) => (await page(p, size)).Value!))
            : Result<IAsyncEnumerable<T>>.Invalid(first.Errors ?? new FieldErrors());
    }

    public static async Task<Result<IAsyncEnumerable<T>>> AllPagesAsync<T>(Func<int, int, Task<PagedList<T>>> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return Result<IAsyncEnumerable<T>>.Ok(Rest(await page(1, Paging.MaxPageSize), page));
    }

    /// <summary>A list already in memory (the set-up lists are a few dozen rows).</summary>
    public static Result<IAsyncEnumerable<T>> Listed<T>(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return Result<IAsyncEnumerable<T>>.Ok(items.ToAsyncEnumerable());
    }

    private static async IAsyncEnumerable<T> Rest<T>(PagedList<T> first, Func<int, int, Task<PagedList<T>>> page)
    {
        var current = first;
        while (true)
        {
            foreach (var item in current.Items)
            {
                yield return item;
            }

            if (current.Items.Count == 0 || current.Page * current.PageSize >= current.Total)
            {
                yield break;
            }

            current = await page(current.Page + 1, current.PageSize);
        }
    }
}
