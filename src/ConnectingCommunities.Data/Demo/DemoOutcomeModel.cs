using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Programme;

namespace ConnectingCommunities.Data.Demo;

/// <summary>
/// The demo's job outcome model, written down so the evaluation's regression can be checked against
/// the truth: each out-of-work participant finds work with probability p where
/// logit p = b0 + ln OR(lot) + ln OR(cohort) + ln OR(age band) + ln OR(health condition) + ln OR(completed
/// "Identify jobs that match skills"). Sex, ethnic group, qualification and childcare have odds ratio 1.
/// The directions are the documents' findings (Rapid Progression above Hardest to Help, a health condition
/// lowers the odds, 35 to 54 above 25 to 34, the job-matching action raises them); the sizes are the
/// demo's choice. b0 is calibrated on each generated caseload so that the expected share of out-of-work
/// participants finding work is the documents' 41%.
/// </summary>
public static class DemoOutcomeModel
{
    /// <summary>Against Hardest to Help: about the documents' 55% / 36% / 30% once the other covariates are allowed for.</summary>
    public static double CohortOddsRatio(Cohort cohort) => cohort switch
    {
        Cohort.HardestToHelp => 1.0,
        Cohort.HarderToReach => 1.45,
        Cohort.RapidProgression => 2.95,
        _ => throw new ArgumentOutOfRangeException(nameof(cohort), cohort, "The Employed cohort is in work: it has no job outcome."),
    };

    /// <summary>Against 25 to 34 (the documents' reference band).</summary>
    public static double AgeBandOddsRatio(AgeBand band) => band switch
    {
        AgeBand.Age16To24 => 0.85,
        AgeBand.Age25To34 => 1.0,
        AgeBand.Age35To54 => 1.40,
        AgeBand.Age55AndOver => 0.75,
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, "Unknown age band."),
    };

    /// <summary>A long-term health condition or disability against none. Not collected or not said: treated as none.</summary>
    public const double HealthConditionOddsRatio = 0.55;

    /// <summary>Completed "Identify jobs that match skills" against not (not in the plan, or not completed).</summary>
    public const double IdentifyMatchingJobsOddsRatio = 1.80;

    /// <summary>
    /// Each lot against Washwood Heath (WH). Chosen so that, with the other covariates as the demo draws
    /// them, the lots' job outcome rates span about the documents' range between providers (21% to 59%):
    /// the town lots with FE colleges below profile, the East Birmingham partnership on it, Camp Hill highest
    /// (which provider has which figure is the demo's choice). Against another reference lot R the true odds
    /// ratio is LotOddsRatio(L) / LotOddsRatio(R).
    /// </summary>
    public static double LotOddsRatio(string lotCode) => lotCode switch
    {
        "BB" => 0.45,
        "CN" => 0.30,
        "BL" => 0.48,
        "GL" => 0.50,
        "CW" => 0.84,
        "BW" => 0.76,
        "SE" => 0.90,
        "WH" => 1.0,
        "CH" => 2.28,
        _ => 0.75,
    };

    /// <summary>The share of each out-of-work cohort that completes "Identify jobs that match skills", decided before outcomes.</summary>
    public static double IdentifyMatchingJobsShare(Cohort cohort) => cohort switch
    {
        Cohort.RapidProgression => 0.45,
        Cohort.HarderToReach => 0.35,
        Cohort.HardestToHelp => 0.30,
        _ => 0.10,
    };

    /// <summary>The linear predictor without the intercept.</summary>
    public static double LinearPredictor(string lotCode, Cohort cohort, AgeBand band, bool healthCondition, bool identifyMatchingJobs) =>
        Math.Log(LotOddsRatio(lotCode)) + Math.Log(CohortOddsRatio(cohort)) + Math.Log(AgeBandOddsRatio(band))
        + (healthCondition ? Math.Log(HealthConditionOddsRatio) : 0) + (identifyMatchingJobs ? Math.Log(IdentifyMatchingJobsOddsRatio) : 0);

    public static double Probability(double intercept, double predictor) => 1 / (1 + Math.Exp(-(intercept + predictor)));

    /// <summary>The intercept b0 at which the mean probability over the predictors is <paramref name="rate"/> (bisection).</summary>
    public static double CalibrateIntercept(IReadOnlyList<double> predictors, double rate)
    {
        ArgumentNullException.ThrowIfNull(predictors);
        if (predictors.Count == 0)
        {
            return Math.Log(rate / (1 - rate));
        }

        double low = -12, high = 12;
        for (var i = 0; i < 80; i++)
        {
            var mid = (low + high) / 2;
            var mean = predictors.Average(x => Probability(mid, x));
            if (mean < rate)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return (low + high) / 2;
    }
}
