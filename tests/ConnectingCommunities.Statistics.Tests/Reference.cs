using ConnectingCommunities.Statistics.Regression;

namespace ConnectingCommunities.Statistics.Tests;

/// <summary>
/// A deliberately plain IRLS, row by row on one thread with R's glm.fit formulas, to check
/// the fast, vectorised, parallel fit against (and so to keep its results within 1e-10).
/// </summary>
internal static class Reference
{
    public sealed record Fit(double[] Beta, double Deviance, int Iterations);

    public static Fit Irls(DesignMatrix design, double epsilon = 1e-8, int maxIterations = 25)
    {
        var n = design.RowCount;
        var p = design.ColumnCount;
        var y = design.Outcome.ToArray();
        var beta = new double[p];
        var eta = new double[n];
        var mu = new double[n];
        for (var i = 0; i < n; i++)
        {
            mu[i] = (y[i] + 0.5) / 2.0;
            eta[i] = Math.Log(mu[i] / (1.0 - mu[i]));
        }

        var devOld = Deviance(y, mu);
        var dev = devOld;
        var iterations = 0;
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            iterations = iteration;
            var xtwx = new double[p, p];
            var xtwz = new double[p];
            for (var i = 0; i < n; i++)
            {
                var muEta = MuEta(eta[i]);
                var w = muEta * muEta / (mu[i] * (1.0 - mu[i]));
                var z = eta[i] + ((y[i] - mu[i]) / muEta);
                var row = design.GetRow(i);
                for (var j = 0; j < p; j++)
                {
                    xtwz[j] += w * row[j] * z;
                    for (var k = 0; k < p; k++)
                    {
                        xtwx[j, k] += w * row[j] * row[k];
                    }
                }
            }

            beta = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(xtwx).Cholesky()
                .Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(xtwz)).ToArray();
            for (var i = 0; i < n; i++)
            {
                var row = design.GetRow(i);
                eta[i] = 0.0;
                for (var j = 0; j < p; j++)
                {
                    eta[i] += row[j] * beta[j];
                }

                mu[i] = LinkInverse(eta[i]);
            }

            dev = Deviance(y, mu);
            if (Math.Abs(dev - devOld) / (Math.Abs(dev) + 0.1) < epsilon)
            {
                break;
            }

            devOld = dev;
        }

        return new Fit(beta, dev, iterations);
    }

    private static double Deviance(double[] y, double[] mu)
    {
        var sum = 0.0;
        for (var i = 0; i < y.Length; i++)
        {
            sum += y[i] == 1.0 ? 2.0 * Math.Log(1.0 / mu[i]) : 2.0 * Math.Log(1.0 / (1.0 - mu[i]));
        }

        return sum;
    }

    private static double LinkInverse(double eta)
    {
        var t = eta < -30 ? 2.220446049250313e-16 : eta > 30 ? 1.0 / 2.220446049250313e-16 : Math.Exp(eta);
        return t / (1.0 + t);
    }

    private static double MuEta(double eta)
    {
        if (Math.Abs(eta) > 30)
        {
            return 2.220446049250313e-16;
        }

        var e = Math.Exp(eta);
        return e / ((1.0 + e) * (1.0 + e));
    }
}

/// <summary>Random but reproducible logistic data sets for the kernel and property tests.</summary>
internal static class Synthetic
{
    public static DesignMatrix Create(int seed, int rows, int numeric, int factorLevels = 0)
    {
        var random = new Random(seed);
        var builder = new DesignMatrixBuilder(rows);
        var eta = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            eta[i] = -0.3;
        }

        for (var j = 0; j < numeric; j++)
        {
            var scale = Math.Pow(10.0, (j % 4) - 1);
            var effect = (random.NextDouble() - 0.5) / scale;
            var values = new double[rows];
            for (var i = 0; i < rows; i++)
            {
                values[i] = (Normal(random) + (j % 3)) * scale;
                eta[i] += effect * (values[i] - ((j % 3) * scale));
            }

            builder.AddNumeric($"x{j + 1}", values);
        }

        if (factorLevels > 1)
        {
            var levels = new string?[rows];
            for (var i = 0; i < rows; i++)
            {
                var level = random.Next(factorLevels);
                levels[i] = $"L{level}";
                eta[i] += 0.3 * (level - 1);
            }

            builder.AddCategorical("group", levels);
        }

        var outcome = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            outcome[i] = random.NextDouble() < 1.0 / (1.0 + Math.Exp(-eta[i])) ? 1.0 : 0.0;
        }

        return builder.Build(outcome);
    }

    public static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
