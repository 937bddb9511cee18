using ConnectingCommunities.Statistics.Regression;

namespace ConnectingCommunities.Statistics.Bench;

/// <summary>
/// The benchmark's design: 1,000,000 rows x 30 columns (the intercept, 19 continuous
/// covariates on assorted scales, and 10 dummies from three factors of 4, 5 and 4 levels),
/// with a 0/1 outcome drawn from a logistic model; fixed seed, so every run and R see the
/// same numbers. Generated straight into one row-major array (no copies).
/// </summary>
public static class SyntheticDesign
{
    public const int Rows = 1_000_000;
    public const int Columns = 30;
    public const int Seed = 20240607;

    public static DesignMatrix Create(int rows = Rows)
    {
        var random = new Random(Seed);
        var names = new List<string> { DesignTerm.InterceptName };
        for (var j = 1; j <= 19; j++)
        {
            names.Add($"x{j}");
        }

        var factorLevels = new[] { 4, 5, 4 };
        for (var f = 0; f < factorLevels.Length; f++)
        {
            for (var level = 2; level <= factorLevels[f]; level++)
            {
                names.Add($"f{f + 1}={level}");
            }
        }

        var truth = new double[Columns];
        truth[0] = -0.8;
        for (var j = 1; j < Columns; j++)
        {
            truth[j] = 0.6 * ((random.NextDouble() * 2.0) - 1.0);
        }

        var values = new double[(long)rows * Columns];
        var outcome = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            var row = values.AsSpan(i * Columns, Columns);
            row[0] = 1.0;
            var eta = truth[0];
            for (var j = 1; j <= 19; j++)
            {
                // Scales from 0.5 to 50 and shifted means, as real covariates (age, income, ...) have.
                var scale = 0.5 * Math.Pow(100.0, (j - 1) / 18.0);
                var value = (Normal(random) + (j % 3)) * scale;
                row[j] = value;
                eta += truth[j] * (value - ((j % 3) * scale)) / scale;
            }

            var at = 20;
            foreach (var levels in factorLevels)
            {
                var level = random.Next(levels);
                if (level > 0)
                {
                    row[at + level - 1] = 1.0;
                    eta += truth[at + level - 1];
                }

                at += levels - 1;
            }

            outcome[i] = random.NextDouble() < 1.0 / (1.0 + Math.Exp(-eta)) ? 1.0 : 0.0;
        }

        return DesignMatrix.FromRowMajor(values, rows, names, outcome);
    }

    private static double Normal(Random random)
    {
        // Box-Muller; one of the pair is enough here.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
