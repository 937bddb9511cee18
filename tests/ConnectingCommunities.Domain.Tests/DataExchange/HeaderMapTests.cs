using ConnectingCommunities.Domain.DataExchange;

namespace ConnectingCommunities.Domain.Tests.DataExchange;

public class HeaderMapTests
{
    private static readonly IReadOnlyList<ImportColumn> Columns = ImportTemplates.Interventions.Columns;

    [Fact]
    public void Names_match_whatever_their_case_spaces_underscores_or_a_byte_order_mark()
    {
        var map = HeaderMap.Match(["\uFEFFExternalID", " participant_reference ", "DATE", "Mode", "activity type", "Duration-Minutes"], Columns);

        Assert.True(map.IsUsable);
        Assert.Empty(map.Unknown);
        Assert.Equal("WH-000001", map.Cell(["x", " WH-000001 ", "2021-01-01", "Video", "JobBrokerage", "30"], "participantReference"));
    }

    [Fact]
    public void Every_missing_required_column_is_listed_at_once()
    {
        var map = HeaderMap.Match(["externalId", "notes"], Columns);

        Assert.False(map.IsUsable);
        Assert.Equal(["date", "mode", "activityType", "durationMinutes"], map.Missing);
    }

    [Fact]
    public void Unknown_columns_are_reported_and_ignored()
    {
        var map = HeaderMap.Match(["externalId", "date", "mode", "activityType", "durationMinutes", "Advisor's favourite colour"], Columns);

        Assert.True(map.IsUsable);
        Assert.Equal(["Advisor's favourite colour"], map.Unknown);
    }

    [Fact]
    public void A_column_named_twice_makes_the_file_ambiguous()
    {
        var map = HeaderMap.Match(["externalId", "date", "Date", "mode", "activityType", "durationMinutes"], Columns);

        Assert.False(map.IsUsable);
        Assert.Equal(["date"], map.Repeated);
    }

    [Fact]
    public void Empty_cells_and_missing_trailing_cells_read_as_null()
    {
        var map = HeaderMap.Match(["externalId", "date", "mode", "activityType", "durationMinutes", "notes"], Columns);

        Assert.Null(map.Cell(["a", "  ", "Video"], "date"));
        Assert.Null(map.Cell(["a"], "notes"));
        Assert.Null(map.Cell(["a"], "participantReference"));
    }
}
