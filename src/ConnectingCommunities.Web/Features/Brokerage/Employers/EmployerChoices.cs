using ConnectingCommunities.Domain.Brokerage;
using ConnectingCommunities.Domain.Reference;
using ConnectingCommunities.Web.Infrastructure.Govuk;

namespace ConnectingCommunities.Web.Features.Brokerage.Employers;

/// <summary>The options the employer forms offer.</summary>
public static class EmployerChoices
{
    public static IReadOnlyList<Choice> Sectors { get; } = [.. SicSections.All.Select(s => new Choice(s.Letter, $"{s.Letter}: {s.Title}"))];

    public static IReadOnlyList<Choice> SizeBands { get; } = [.. EmployerSizeBands.All.Select(b => new Choice(b.Code, b.DisplayName))];

    public static IReadOnlyList<Choice> EngagementMethods { get; } =
        [.. EmployerEngagementMethods.All.Select(m => new Choice(BrokerageChecks.ApiCode(m.Code), m.DisplayName, string.IsNullOrEmpty(m.Hint) ? null : m.Hint))];

    public static IReadOnlyList<Choice> ActivityKinds { get; } = [.. EmployerActivityKinds.All.Select(k => new Choice(k.Code, k.DisplayName))];

    public static IReadOnlyList<Choice> Lots(IReadOnlyList<LotChoice> lots) => [.. lots.Select(l => new Choice(l.Code, $"{l.Code}: {l.Name}"))];
}
