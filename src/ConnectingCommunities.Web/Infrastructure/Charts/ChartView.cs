namespace ConnectingCommunities.Web.Infrastructure.Charts;

/// <summary>
/// What <c>_ChartWithTable.cshtml</c> renders: the chart, its data table (open or in a details
/// element under it) and links to download the table.
/// </summary>
/// <param name="DownloadUrl">The table's address without the format, e.g. "/performance/trends?table=modes&amp;lotCode=WH";
/// "&amp;format=csv" and "&amp;format=xlsx" are added. Null for no download links.</param>
/// <param name="TableOpen">True to show the table under the chart; false to put it in a details element.</param>
public sealed record ChartView(Chart Chart, string? DownloadUrl = null, bool TableOpen = false)
{
    public string FormatUrl(string format)
    {
        var url = DownloadUrl ?? "";
        return url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "format=" + format;
    }
}
