using MathNet.Numerics.Distributions;
using MathNet.Numerics.RootFinding;

namespace ConnectingCommunities.Statistics.Regression;

/// <summary>
/// Profile-likelihood confidence intervals, as R's <c>confint</c> on a glm: for each term,
/// the values b of its coefficient at which the deviance of the model refitted with that
/// coefficient held at b exceeds the fitted deviance by the chi-squared (1 df) quantile.
/// </summary>
/// <remarks>
/// R profiles on a grid and interpolates with a spline; here each end is found as the root
/// of the deviance difference (Brent's method), with the other coefficients refitted by IRLS
/// at each trial value. An end that the deviance never reaches (as under separation) is
/// left null, as R's <c>NA</c>.
/// </remarks>
internal static class ProfileLikelihood
{
    private const int MaxBracketSteps = 30;
    private const int MaxInnerIterations = 100;
    private const double InnerEpsilon = 1e-12;

    internal static List<TermEstimate> AddIntervals(
        List<TermEstimate> terms, DesignMatrix design, int[] kept, double[] beta, double[] standardErrors, double deviance, LogisticRegressionOptions options)
    {
        var q = Normal.InvCDF(0.0, 1.0, 1.0 - ((1.0 - options.ConfidenceLevel) / 2.0));
        var threshold = q * q;
        var result = new List<TermEstimate>(terms);
        for (var k = 0; k < kept.Length; k++)
        {
            var column = kept[k];
            var others = kept.Where(c => c != column).ToArray();
            var pass = new WeightedPass(design, others, options.MaxDegreeOfParallelism);
            var start = beta.Where((_, i) => i != k).ToArray();
            var profile = new Profile(pass, others, column, design.ColumnCount, start);
            var lower = FindEnd(profile, beta[k], -standardErrors[k], deviance, threshold);
            var upper = FindEnd(profile, beta[k], standardErrors[k], deviance, threshold);
            var index = terms.FindIndex(t => t.Term == design.Terms[column].Name);
            result[index] = result[index] with
            {
                ProfileLower = lower is null ? null : Math.Exp(lower.Value),
                ProfileUpper = upper is null ? null : Math.Exp(upper.Value),
            };
        }

        return result;
    }

    private static double? FindEnd(Profile profile, double estimate, double step, double deviance, double threshold)
    {
        if (!(Math.Abs(step) > 0) || !double.IsFinite(step))
        {
            return null;
        }

        // Each side starts again from the estimate: the refits warm-start from the previous
        // trial value, which should be near.
        profile.Reset();
        double Excess(double value) => profile.Deviance(value) - deviance - threshold;

        var inside = estimate;
        var outside = estimate + step;
        var bracketed = false;
        for (var i = 0; i < MaxBracketSteps; i++)
        {
            if (Excess(outside) > 0)
            {
                bracketed = true;
                break;
            }

            inside = outside;
            outside += step;
        }

        if (!bracketed)
        {
            return null;
        }

        return Brent.FindRoot(Excess, Math.Min(inside, outside), Math.Max(inside, outside), 1e-10 * Math.Abs(step), 200);
    }

    /// <summary>The model refitted with one coefficient held fixed, warm-started from the previous refit.</summary>
    private sealed class Profile(WeightedPass pass, int[] others, int column, int columnCount, double[] start)
    {
        private readonly double[] current = (double[])start.Clone();

        public void Reset() => Array.Copy(start, current, start.Length);

        /// <summary>
        /// The deviance minimised over the other coefficients, by IRLS with step halving
        /// (a Newton step from a start far from the optimum can overshoot).
        /// </summary>
        public double Deviance(double value)
        {
            var beta = (double[])current.Clone();
            var result = Evaluate(beta, value);
            for (var iteration = 0; iteration < MaxInnerIterations && beta.Length > 0; iteration++)
            {
                var step = LogisticRegression.Solve(result.Cross!, result.Rhs!);
                var scale = 1.0;
                double[] candidate;
                PassResult next;
                var halvings = 0;
                do
                {
                    candidate = beta.Select((b, j) => b + (scale * step[j])).ToArray();
                    next = Evaluate(candidate, value);
                    scale /= 2.0;
                }
                while (next.Deviance > result.Deviance * (1.0 + 1e-12) && ++halvings < 40);

                var change = Math.Abs(next.Deviance - result.Deviance) / (Math.Abs(next.Deviance) + 0.1);
                beta = candidate;
                result = next;
                if (change < InnerEpsilon)
                {
                    break;
                }
            }

            Array.Copy(beta, current, beta.Length);
            return result.Deviance;
        }

        private PassResult Evaluate(double[] beta, double value)
        {
            var full = LogisticRegression.Expand(beta, others, columnCount);
            full[column] = value;
            return pass.Run(full, null);
        }
    }
}
