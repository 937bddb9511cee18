using ConnectingCommunities.Statistics.Regression;

namespace ConnectingCommunities.Statistics.Tests;

/// <summary>The vectorised, parallel fit against a plain one (the issue allows 1e-10 relative), and its determinism.</summary>
public class FastPathTests
{
    [Theory]
    [InlineData(1, 20_000, 6, 0)]
    [InlineData(2, 25_000, 9, 4)]
    [InlineData(3, 3_001, 14, 5)]
    [InlineData(4, 17, 2, 0)]
    public void Fast_fit_agrees_with_a_plain_IRLS_to_1e_10(int seed, int rows, int numeric, int levels)
    {
        var design = Synthetic.Create(seed, rows, numeric, levels);
        var fast = LogisticRegression.Fit(design);
        var plain = Reference.Irls(design);

        Assert.Equal(plain.Iterations, fast.Iterations);
        RAgreementTests.AssertClose(plain.Deviance, fast.ResidualDeviance, 1e-10, "deviance");
        for (var j = 0; j < plain.Beta.Length; j++)
        {
            RAgreementTests.AssertClose(plain.Beta[j], fast.Terms[j].Estimate!.Value, 1e-10, fast.Terms[j].Term);
        }
    }

    [Fact]
    public void A_factors_dummies_are_found_as_one_indicator_group_and_fitted_sparsely()
    {
        var design = Synthetic.Create(9, 5_000, 2, 5);
        var all = Enumerable.Range(0, design.ColumnCount).ToArray();
        var statistics = new ColumnStatistics();
        var start = new WeightedPass(design, all, null).Run(null, statistics);
        var groups = IndicatorGroups.Find(all, statistics, start.Cross!, design.RowCount);
        Assert.Equal([3, 4, 5, 6], Assert.Single(groups));

        var dense = new WeightedPass(design, all, null).Run(null, null);
        var sparse = new WeightedPass(design, all, null, groups).Run(null, null);
        for (var j = 0; j < all.Length; j++)
        {
            RAgreementTests.AssertClose(dense.Rhs![j], sparse.Rhs![j], 1e-12, $"rhs {j}");
            for (var k = 0; k < all.Length; k++)
            {
                Assert.True(Math.Abs(dense.Cross![j, k] - sparse.Cross![j, k]) <= 1e-12 * Math.Abs(dense.Cross[j, j]), $"cross {j},{k}");
            }
        }
    }

    [Fact]
    public void The_AVX_512_and_AVX2_kernels_agree()
    {
        var design = Synthetic.Create(10, 9_000, 13, 3);
        var all = Enumerable.Range(0, design.ColumnCount).ToArray();
        var beta = new double[design.ColumnCount];
        beta[0] = 0.2;
        var wide = new WeightedPass(design, all, null).Run(beta, null);
        var narrow = new WeightedPass(design, all, null, allowVector512: false).Run(beta, null);
        Assert.Equal(wide.Deviance, narrow.Deviance);
        for (var j = 0; j < all.Length; j++)
        {
            RAgreementTests.AssertClose(narrow.Rhs![j], wide.Rhs![j], 1e-12, $"rhs {j}");
            for (var k = 0; k < all.Length; k++)
            {
                Assert.True(Math.Abs(narrow.Cross![j, k] - wide.Cross![j, k]) <= 1e-12 * Math.Abs(narrow.Cross[j, j]), $"cross {j},{k}");
            }
        }
    }

    [Fact]
    public void Results_do_not_depend_on_the_number_of_threads()
    {
        var design = Synthetic.Create(5, 40_000, 8, 3);
        var one = LogisticRegression.Fit(design, new LogisticRegressionOptions { MaxDegreeOfParallelism = 1 });
        var all = LogisticRegression.Fit(design, new LogisticRegressionOptions { MaxDegreeOfParallelism = 4 });

        // Chunks are fixed and summed in order, so the numbers are identical, not just close.
        Assert.Equal(one.ResidualDeviance, all.ResidualDeviance);
        Assert.Equal(one.Terms.Select(t => t.Estimate), all.Terms.Select(t => t.Estimate));
        Assert.Equal(one.Terms.Select(t => t.StandardError), all.Terms.Select(t => t.StandardError));
    }

    [Fact]
    public void A_design_wrapped_without_copying_fits_like_one_built_from_columns()
    {
        var built = Synthetic.Create(6, 500, 3);
        var values = new double[built.RowCount * built.ColumnCount];
        for (var i = 0; i < built.RowCount; i++)
        {
            built.GetRow(i).CopyTo(values.AsSpan(i * built.ColumnCount));
        }

        var wrapped = DesignMatrix.FromRowMajor(values, built.RowCount, built.Terms.Select(t => t.Name).ToList(), built.Outcome.ToArray());
        Assert.Equal(LogisticRegression.Fit(built).ResidualDeviance, LogisticRegression.Fit(wrapped).ResidualDeviance);
    }

    [Fact]
    public void Wrapping_rejects_values_that_are_not_finite_and_outcomes_that_are_not_0_or_1()
    {
        string[] names = [DesignTerm.InterceptName, "x"];
        Assert.Throws<ArgumentException>(() => DesignMatrix.FromRowMajor([1, double.NaN], 1, names, [0]));
        Assert.Throws<ArgumentException>(() => DesignMatrix.FromRowMajor([1, 2], 1, names, [2]));
        Assert.Throws<ArgumentException>(() => DesignMatrix.FromRowMajor([1, 2], 1, ["x", "y"], [0]));
    }
}
