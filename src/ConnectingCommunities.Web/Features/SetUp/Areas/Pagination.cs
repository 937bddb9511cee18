using Microsoft.AspNetCore.WebUtilities;

namespace ConnectingCommunities.Web.Features.SetUp.Areas;

/// <summary>
/// The GOV.UK pagination component's model: the current page, its neighbours, the first and last
/// pages and ellipses between, each linking to the same address with only "page" changed.
/// </summary>
public sealed class Pagination(int page, int pageSize, int total, string path, IReadOnlyDictionary<string, string?> query)
{
    public int Page { get; } = page;

    public int PageCount { get; } = Math.Max(1, (int)Math.Ceiling(total / (double)Math.Max(1, pageSize)));

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;

    /// <summary>Page numbers to show, with null for an ellipsis: 1 … 4 5 6 … 40.</summary>
    public IReadOnlyList<int?> Items
    {
        get
        {
            var shown = new SortedSet<int> { 1, PageCount };
            for (var p = Page - 1; p <= Page + 1; p++)
            {
                if (p >= 1 && p <= PageCount)
                {
                    shown.Add(p);
                }
            }

            var items = new List<int?>();
            var previous = 0;
            foreach (var p in shown)
            {
                if (p - previous > 1)
                {
                    items.Add(null);
                }

                items.Add(p);
                previous = p;
            }

            return items;
        }
    }

    public string Href(int target)
    {
        var parameters = query.Where(q => !string.IsNullOrEmpty(q.Value) && q.Key != "page")
            .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value))
            .ToList();
        if (target > 1)
        {
            parameters.Add(new("page", target.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return QueryHelpers.AddQueryString(path, parameters);
    }
}
