namespace ConnectingCommunities.Domain.Programme;

/// <summary>A contract as the overlap rule sees it.</summary>
public sealed record ContractTerm(Guid Id, string Reference, DateRange Period);

/// <summary>
/// A lot has at most one active contract on any day: a provider that takes over a lot starts
/// the day after the previous contract ends.
/// </summary>
public static class ContractRules
{
    /// <summary>The existing contracts of the same lot whose dates overlap the proposed period.</summary>
    public static IReadOnlyList<ContractTerm> FindOverlaps(
        DateRange proposed, IEnumerable<ContractTerm> sameLotContracts, Guid? ignoreId = null)
    {
        ArgumentNullException.ThrowIfNull(sameLotContracts);
        return sameLotContracts
            .Where(c => c.Id != ignoreId && c.Period.Overlaps(proposed))
            .OrderBy(c => c.Period.Start)
            .ToList();
    }

    /// <summary>The contract active on a day, if any.</summary>
    public static ContractTerm? ActiveOn(DateOnly day, IEnumerable<ContractTerm> sameLotContracts)
    {
        ArgumentNullException.ThrowIfNull(sameLotContracts);
        return sameLotContracts.FirstOrDefault(c => c.Period.Contains(day));
    }
}
