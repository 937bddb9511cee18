using System.Globalization;

namespace ConnectingCommunities.Statistics.Regression;

/// <summary>What the separation checks need from a finished fit.</summary>
internal sealed record SeparationInput(
    DesignMatrix Design,
    int[] Kept,
    ColumnStatistics Statistics,
    double[,] StartCross,
    long Events,
    double[] Beta,
    double[] StandardErrors,
    double[] LastStep,
    int BoundaryCount,
    bool Converged);

/// <summary>
/// Detects complete and quasi-complete separation, when the maximum likelihood estimate
/// does not exist and some estimates run off to infinity while IRLS still "converges".
/// </summary>
/// <remarks>
/// Exact checks come first, from summaries gathered during the first pass: a level of a
/// factor (the reference level included) or a value of a 0/1 covariate in which every row
/// has the same outcome, and a numeric covariate whose values among the rows with outcome 1
/// do not overlap those among the rows with outcome 0. Each of these makes a direction along
/// which the likelihood keeps rising, so each names its covariate for certain. Separation by
/// a combination of covariates is caught as R catches it, by fitted probabilities
/// numerically 0 or 1 (or by non-convergence), or, when standard errors have exploded (over
/// 100 per standard deviation of the covariate), by checking that the direction of the last
/// IRLS step separates the outcome: under separation the iterates keep moving along such a
/// direction, while under mere near-collinearity the last step is tiny and points nowhere in
/// particular. The terms named are those whose standard errors have exploded.
/// </remarks>
internal static class Separation
{
    private const double ExplodedStandardError = 100.0;

    internal static List<RegressionWarning> Detect(SeparationInput input)
    {
        var terms = input.Design.Terms;
        var n = input.Design.RowCount;
        var events = input.Events;
        var nonEvents = n - events;
        var kept = input.Kept.ToHashSet();
        var found = new List<RegressionWarning>();

        foreach (var factor in terms.Select((t, j) => (Term: t, Column: j)).Where(x => x.Term.Kind == DesignTermKind.FactorLevel).GroupBy(x => x.Term.Covariate))
        {
            var levelEvents = 0.0;
            var levelNonEvents = 0.0;
            foreach (var (term, column) in factor)
            {
                var summary = input.Statistics.Summarise(column);
                levelEvents += summary.Sum1;
                levelNonEvents += summary.Sum0;
                if (kept.Contains(column) && OneOutcomeOnly(summary.Sum1, summary.Sum0) is { } outcome)
                {
                    found.Add(Warning(
                        $"Separation: every row with {term.Covariate} = {term.Level} has outcome {outcome}; the odds ratio for '{term.Name}' cannot be estimated (its estimate runs off towards {Direction(outcome)} infinity).",
                        term.Name));
                }
            }

            var first = factor.First().Term;
            if (OneOutcomeOnly(events - levelEvents, nonEvents - levelNonEvents) is { } referenceOutcome)
            {
                found.Add(Warning(
                    $"Separation: every row with {first.Covariate} = {first.ReferenceLevel} (the reference level) has outcome {referenceOutcome}; the odds ratios of the other levels of '{first.Covariate}' against it cannot be estimated.",
                    first.Covariate));
            }
        }

        for (var column = 1; column < terms.Count; column++)
        {
            var term = terms[column];
            if (term.Kind != DesignTermKind.Numeric || !kept.Contains(column))
            {
                continue;
            }

            var summary = input.Statistics.Summarise(column);
            if (summary.IsBinary)
            {
                if (OneOutcomeOnly(summary.Sum1, summary.Sum0) is { } whenOne)
                {
                    found.Add(Warning(
                        $"Separation: every row with {term.Name} = 1 has outcome {whenOne}; the odds ratio for '{term.Name}' cannot be estimated (its estimate runs off towards {Direction(whenOne)} infinity).",
                        term.Name));
                }
                else if (OneOutcomeOnly(events - summary.Sum1, nonEvents - summary.Sum0) is { } whenZero)
                {
                    found.Add(Warning(
                        $"Separation: every row with {term.Name} = 0 has outcome {whenZero}; the odds ratio for '{term.Name}' cannot be estimated (its estimate runs off towards {Direction(1 - whenZero)} infinity).",
                        term.Name));
                }
            }
            else if (summary.Max0 <= summary.Min1 || summary.Max1 <= summary.Min0)
            {
                var rising = summary.Max0 <= summary.Min1;
                var complete = rising ? summary.Max0 < summary.Min1 : summary.Max1 < summary.Min0;
                var (low, high) = rising ? (summary.Max0, summary.Min1) : (summary.Max1, summary.Min0);
                var kind = complete ? "perfectly predicts" : "almost perfectly predicts (quasi-complete separation)";
                found.Add(Warning(
                    $"Separation: the covariate '{term.Name}' {kind} the outcome: every row with outcome {(rising ? 1 : 0)} has {term.Name} at least {Format(high)} and every row with outcome {(rising ? 0 : 1)} has it at most {Format(low)}; its odds ratio cannot be estimated.",
                    term.Name));
            }
        }

        if (found.Count == 0)
        {
            var exploded = Exploded(input);
            var certified = exploded.Count > 0 && LastStepSeparates(input);
            if (input.BoundaryCount > 0 || certified || (!input.Converged && exploded.Count > 0))
            {
                var which = exploded.Count == 0
                    ? "the terms involved could not be singled out"
                    : $"the estimates of {string.Join(", ", exploded.Select(x => $"'{x}'"))} run off towards infinity and their odds ratios cannot be estimated";
                var evidence = input.BoundaryCount > 0
                    ? $"fitted probabilities numerically 0 or 1 occurred in {input.BoundaryCount} rows"
                    : certified
                        ? "the direction in which the estimates keep moving splits the rows exactly by outcome"
                        : "the fit did not converge and some standard errors exploded";
                found.Add(new RegressionWarning(
                    RegressionWarningKind.Separation,
                    $"Separation: {evidence}, so a combination of covariates separates the outcome; {which}.",
                    exploded));
            }
        }

        return found;
    }

    /// <summary>
    /// Whether the last IRLS step, as a direction d, separates the outcome: x'd at least 0 in
    /// every row with outcome 1 and at most 0 in every row with outcome 0 (to rounding), and
    /// not 0 everywhere. One pass over the data, made only when standard errors have exploded.
    /// </summary>
    private static bool LastStepSeparates(SeparationInput input)
    {
        var design = input.Design;
        var direction = LogisticRegression.Expand(input.LastStep, input.Kept, design.ColumnCount);
        var scores = new double[design.RowCount];
        var largest = 0.0;
        for (var i = 0; i < design.RowCount; i++)
        {
            var row = design.GetRow(i);
            var score = 0.0;
            for (var j = 0; j < row.Length; j++)
            {
                score += row[j] * direction[j];
            }

            scores[i] = score;
            largest = Math.Max(largest, Math.Abs(score));
        }

        if (!(largest > 0))
        {
            return false;
        }

        var tolerance = 1e-6 * largest;
        var outcome = design.Outcome;
        for (var i = 0; i < scores.Length; i++)
        {
            if (outcome[i] == 1.0 ? scores[i] < -tolerance : scores[i] > tolerance)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Terms whose standard error per standard deviation of the covariate has exploded.</summary>
    private static List<string> Exploded(SeparationInput input)
    {
        var cross = input.StartCross;
        var total = cross[0, 0];
        var names = new List<string>();
        for (var k = 1; k < input.Kept.Length; k++)
        {
            var j = input.Kept[k];
            var mean = cross[0, j] / total;
            var sd = Math.Sqrt(Math.Max(0.0, (cross[j, j] / total) - (mean * mean)));
            if (input.StandardErrors[k] * sd > ExplodedStandardError)
            {
                names.Add(input.Design.Terms[j].Name);
            }
        }

        return names;
    }

    /// <summary>The outcome shared by every row of a group (given its counts), or null when both occur or the group is empty.</summary>
    private static int? OneOutcomeOnly(double eventsInGroup, double nonEventsInGroup)
    {
        if (eventsInGroup + nonEventsInGroup <= 0)
        {
            return null;
        }

        return eventsInGroup == 0 ? 0 : nonEventsInGroup == 0 ? 1 : null;
    }

    private static string Direction(int outcome) => outcome == 1 ? "plus" : "minus";

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static RegressionWarning Warning(string message, string term) =>
        new(RegressionWarningKind.Separation, message, [term]);
}
