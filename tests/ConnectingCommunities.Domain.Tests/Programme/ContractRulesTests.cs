using ConnectingCommunities.Domain.Programme;
using static ConnectingCommunities.Domain.Tests.Programme.DateRangeTests;

namespace ConnectingCommunities.Domain.Tests.Programme;

public class ContractRulesTests
{
    private static readonly ContractTerm First = new(Guid.NewGuid(), "WH-1", Range("2018-04-01", "2019-07-31"));

    private static readonly ContractTerm Second = new(Guid.NewGuid(), "WH-2", Range("2019-08-01", "2021-03-31"));

    [Fact]
    public void A_contract_starting_the_day_after_the_last_one_ends_is_fine()
    {
        Assert.Empty(ContractRules.FindOverlaps(Range("2019-08-01", "2021-03-31"), [First]));
    }

    [Fact]
    public void A_contract_starting_on_the_last_day_of_another_overlaps()
    {
        var overlaps = ContractRules.FindOverlaps(Range("2019-07-31", "2021-03-31"), [First]);

        Assert.Equal([First], overlaps);
    }

    [Fact]
    public void A_contract_ending_on_the_first_day_of_another_overlaps()
    {
        Assert.Equal([Second], ContractRules.FindOverlaps(Range("2019-01-01", "2019-08-01"), [Second]));
    }

    [Fact]
    public void A_one_day_contract_on_a_shared_day_overlaps()
    {
        Assert.Equal([First], ContractRules.FindOverlaps(Range("2019-07-31", "2019-07-31"), [First, Second]));
    }

    [Fact]
    public void An_open_ended_contract_overlaps_everything_after_its_start()
    {
        var open = new ContractTerm(Guid.NewGuid(), "WH-3", Range("2021-04-01", null));

        Assert.Equal([open], ContractRules.FindOverlaps(Range("2030-01-01", "2030-12-31"), [First, Second, open]));
        Assert.Empty(ContractRules.FindOverlaps(Range("2019-08-01", "2021-03-31"), [First, open]));
    }

    [Fact]
    public void A_proposed_open_ended_contract_overlaps_every_later_contract_in_start_order()
    {
        var overlaps = ContractRules.FindOverlaps(Range("2019-01-01", null), [Second, First]);

        Assert.Equal([First, Second], overlaps);
    }

    [Fact]
    public void Editing_a_contract_ignores_its_own_dates()
    {
        var extended = Range("2018-04-01", "2019-07-31");

        Assert.Empty(ContractRules.FindOverlaps(extended, [First, Second], ignoreId: First.Id));
        Assert.Equal([First], ContractRules.FindOverlaps(extended, [First, Second]));
        Assert.Equal([Second], ContractRules.FindOverlaps(Range("2018-04-01", "2019-08-01"), [First, Second], ignoreId: First.Id));
    }

    [Fact]
    public void No_contracts_means_no_overlaps()
    {
        Assert.Empty(ContractRules.FindOverlaps(Range("2019-01-01", null), []));
        Assert.Throws<ArgumentNullException>(() => ContractRules.FindOverlaps(Range("2019-01-01", null), null!));
    }

    [Theory]
    [InlineData("2018-03-31", null)]
    [InlineData("2018-04-01", "WH-1")]
    [InlineData("2019-07-31", "WH-1")]
    [InlineData("2019-08-01", "WH-2")]
    [InlineData("2021-03-31", "WH-2")]
    [InlineData("2021-04-01", null)]
    public void The_active_contract_changes_at_midnight_between_contracts(string day, string? expected)
    {
        Assert.Equal(expected, ContractRules.ActiveOn(Day(day), [First, Second])?.Reference);
    }
}
