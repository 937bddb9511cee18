using ConnectingCommunities.Statistics.Regression;
using FsCheck.Xunit;

namespace ConnectingCommunities.Statistics.Tests;

/// <summary>Invariances of the fit, checked on random data sets (FsCheck).</summary>
public class PropertyTests
{
    [Property(MaxTest = 30)]
    public void Permuting_rows_does_not_change_the_fit(int seed, int permutationSeed)
    {
        var design = Synthetic.Create(seed, 300, 3, 3);
        var order = Enumerable.Range(0, design.RowCount).ToArray();
        new Random(permutationSeed).Shuffle(order);
        var permuted = Reorder(design, order);

        var a = LogisticRegression.Fit(design);
        var b = LogisticRegression.Fit(permuted);

        // Only the order of floating-point sums changes, so the results agree to rounding.
        RAgreementTests.AssertClose(a.ResidualDeviance, b.ResidualDeviance, 1e-10, "deviance");
        for (var j = 0; j < a.Terms.Count; j++)
        {
            RAgreementTests.AssertClose(a.Terms[j].Estimate!.Value, b.Terms[j].Estimate!.Value, 1e-8, a.Terms[j].Term);
            RAgreementTests.AssertClose(a.Terms[j].StandardError!.Value, b.Terms[j].StandardError!.Value, 1e-8, a.Terms[j].Term);
        }
    }

    [Property(MaxTest = 30)]
    public void Rescaling_a_covariate_rescales_its_coefficient(int seed, int scaleSeed)
    {
        var design = Synthetic.Create(seed, 300, 3);
        var random = new Random(scaleSeed);
        var factor = Math.Pow(10.0, (random.NextDouble() * 8.0) - 4.0) * (random.Next(2) == 0 ? -1 : 1);
        const int column = 2;
        var rescaled = Transform(design, (i, j, v) => j == column ? v * factor : v);

        var a = LogisticRegression.Fit(design);
        var b = LogisticRegression.Fit(rescaled);

        RAgreementTests.AssertClose(a.ResidualDeviance, b.ResidualDeviance, 1e-10, "deviance");
        for (var j = 0; j < a.Terms.Count; j++)
        {
            var expected = j == column ? a.Terms[j].Estimate!.Value / factor : a.Terms[j].Estimate!.Value;
            var expectedSe = j == column ? a.Terms[j].StandardError!.Value / Math.Abs(factor) : a.Terms[j].StandardError!.Value;
            RAgreementTests.AssertClose(expected, b.Terms[j].Estimate!.Value, 1e-8, a.Terms[j].Term);
            RAgreementTests.AssertClose(expectedSe, b.Terms[j].StandardError!.Value, 1e-8, a.Terms[j].Term);
            RAgreementTests.AssertClose(a.Terms[j].P!.Value, b.Terms[j].P!.Value, 1e-7, a.Terms[j].Term);
        }
    }

    private static DesignMatrix Reorder(DesignMatrix design, int[] order)
    {
        var p = design.ColumnCount;
        var values = new double[design.RowCount * p];
        var outcome = new double[design.RowCount];
        for (var i = 0; i < order.Length; i++)
        {
            design.GetRow(order[i]).CopyTo(values.AsSpan(i * p));
            outcome[i] = design.Outcome[order[i]];
        }

        return DesignMatrix.FromRowMajor(values, design.RowCount, design.Terms.Select(t => t.Name).ToList(), outcome);
    }

    private static DesignMatrix Transform(DesignMatrix design, Func<int, int, double, double> change)
    {
        var p = design.ColumnCount;
        var values = new double[design.RowCount * p];
        for (var i = 0; i < design.RowCount; i++)
        {
            for (var j = 0; j < p; j++)
            {
                values[(i * p) + j] = change(i, j, design[i, j]);
            }
        }

        return DesignMatrix.FromRowMajor(values, design.RowCount, design.Terms.Select(t => t.Name).ToList(), design.Outcome.ToArray());
    }
}
