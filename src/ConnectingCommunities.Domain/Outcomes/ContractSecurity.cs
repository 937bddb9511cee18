using ConnectingCommunities.Domain.Reference;

namespace ConnectingCommunities.Domain.Outcomes;

/// <summary>
/// How secure a contract type is, for the wider progression definition's "move to a better
/// contract". The order follows how much security of hours and tenure each gives under UK
/// employment practice: zero-hours and temporary or agency work give the least (no guaranteed
/// hours or an assignment that can end at any time), fixed-term and apprenticeship contracts give
/// a known term, and a permanent contract gives the most.
/// </summary>
/// <remarks>
/// Self-employment is not employment, so it has no place in the order and a move to or from it is
/// never a better contract (it may still progress on earnings or hours). Zero-hours and temporary
/// are equal, so moving between them is not an upgrade; an apprenticeship is equal to fixed-term.
/// </remarks>
public static class ContractSecurity
{
    private static readonly Dictionary<string, int> Ranks = new(StringComparer.OrdinalIgnoreCase)
    {
        [ContractTypes.ZeroHours.Code] = 0,
        [ContractTypes.Temporary.Code] = 0,
        [ContractTypes.FixedTerm.Code] = 1,
        [ContractTypes.Apprenticeship.Code] = 1,
        [ContractTypes.Permanent.Code] = 2,
    };

    /// <summary>The contract's rank (0 least secure, 2 most), or null for self-employment and unknown codes.</summary>
    public static int? Rank(ContractType contractType)
    {
        ArgumentNullException.ThrowIfNull(contractType);
        return Ranks.TryGetValue(contractType.Code, out var rank) ? rank : null;
    }

    /// <summary>Whether moving from <paramref name="from"/> to <paramref name="to"/> is a move to a more secure contract.</summary>
    public static bool IsBetter(ContractType from, ContractType to) =>
        Rank(from) is { } before && Rank(to) is { } after && after > before;
}
