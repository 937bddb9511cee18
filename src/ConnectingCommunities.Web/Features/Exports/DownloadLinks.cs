using Microsoft.AspNetCore.WebUtilities;

namespace ConnectingCommunities.Web.Features.Exports;

/// <summary>
/// The "Download … as CSV | XLSX" links under a list (the same partial as the performance pages',
/// Features/Performance/_Downloads.cshtml): /exports/{table}?format=… with the page's own filters, so the
/// file holds what the page lists (every page of it).
/// </summary>
public static class DownloadLinks
{
    /// <summary>
    /// The links' addresses and wording. The request's query is kept (less the page number);
    /// <paramref name="effective"/> adds the filters a page applies by default without them being in
    /// the address (an advisor's own caseload, open vacancies), so the file matches what is shown.
    /// </summary>
    public static (string Csv, string Xlsx, string What) For(
        string table, string what, HttpRequest request, IReadOnlyDictionary<string, string?>? effective = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query
            .Where(q => !q.Key.Equals("page", StringComparison.OrdinalIgnoreCase) && !q.Key.Equals("format", StringComparison.OrdinalIgnoreCase)
                && !q.Key.Equals("handler", StringComparison.OrdinalIgnoreCase) && effective?.ContainsKey(q.Key) != true)
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Concat(effective ?? new Dictionary<string, string?>())
            .ToList();
        return (Address(table, "csv", query), Address(table, "xlsx", query), what);
    }

    private static string Address(string table, string format, IEnumerable<KeyValuePair<string, string?>> query) =>
        QueryHelpers.AddQueryString($"/exports/{table}", [new("format", format), .. query.Select(q => new KeyValuePair<string, string?>(q.Key, q.Value ?? ""))]);
}
