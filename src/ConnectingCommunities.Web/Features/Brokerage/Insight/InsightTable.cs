namespace ConnectingCommunities.Web.Features.Brokerage.Insight;

/// <summary>One referrals-and-starts table of the insight page: its download key, caption, first column and rows.</summary>
public sealed record InsightTable(string Key, string Caption, string Heading, string Noun, IReadOnlyList<InsightRow> Rows, Func<string, string, string> Link);
