using ConnectingCommunities.Statistics.Regression;

namespace ConnectingCommunities.Statistics.Tests;

public class DesignMatrixBuilderTests
{
    [Fact]
    public void Rows_with_a_missing_value_anywhere_are_left_out_and_counted()
    {
        var design = new DesignMatrixBuilder(5)
            .AddNumeric("x", [1.0, double.NaN, 3, 4, 5])
            .AddCategorical("g", ["a", "b", null, "NA", "b"])
            .Build([0.0, 1, 1, 0, double.NaN]);
        Assert.Equal(1, design.RowCount);
        Assert.Equal(4, design.DroppedRowCount);
    }

    [Fact]
    public void Levels_are_in_numeric_order_when_all_are_numbers_and_the_smallest_is_the_reference()
    {
        var design = new DesignMatrixBuilder(4).AddCategorical("n", ["10", "9", "2", "9"]).Build([0.0, 1, 0, 1]);
        Assert.Equal(["(Intercept)", "n=9", "n=10"], design.Terms.Select(t => t.Name));
        Assert.Equal("2", design.Terms[1].ReferenceLevel);
    }

    [Fact]
    public void Text_levels_are_in_ordinal_order()
    {
        Assert.Equal(["0-5yrs", "12+ yrs", "6-11yrs", "B", "a"], FactorLevels.Order(["a", "6-11yrs", "B", "0-5yrs", "12+ yrs"]));
    }

    [Fact]
    public void Treatment_coding_puts_a_1_in_the_rows_level_column()
    {
        var design = new DesignMatrixBuilder(3).AddCategorical("g", ["b", "a", "c"], referenceLevel: "b").Build([0.0, 1, 0]);
        Assert.Equal(["(Intercept)", "g=a", "g=c"], design.Terms.Select(t => t.Name));
        Assert.Equal([1.0, 0, 0], design.GetRow(0).ToArray());
        Assert.Equal([1.0, 1, 0], design.GetRow(1).ToArray());
        Assert.Equal([1.0, 0, 1], design.GetRow(2).ToArray());
    }

    [Fact]
    public void A_reference_level_that_does_not_occur_is_refused()
    {
        var builder = new DesignMatrixBuilder(2).AddCategorical("g", ["a", "b"], referenceLevel: "z");
        Assert.Throws<ArgumentException>(() => builder.Build([0.0, 1]));
    }

    [Fact]
    public void A_factor_with_one_level_left_is_left_out_with_a_note()
    {
        var design = new DesignMatrixBuilder(3).AddCategorical("g", ["a", "a", "b"]).AddNumeric("x", [1.0, 2, double.NaN]).Build([0.0, 1, 1]);
        Assert.Equal(["(Intercept)", "x"], design.Terms.Select(t => t.Name));
        Assert.Equal("The factor 'g' has only one level ('a') among the rows used; it was left out.", Assert.Single(design.Notes));
    }

    [Fact]
    public void An_outcome_other_than_0_1_or_missing_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new DesignMatrixBuilder(2).AddNumeric("x", [1.0, 2]).Build([0.0, 2]));
    }
}
