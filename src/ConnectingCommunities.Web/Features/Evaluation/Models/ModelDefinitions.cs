using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Programme;

namespace ConnectingCommunities.Web.Features.Evaluation.Models;

/// <summary>A covariate the evaluator may put in a model.</summary>
/// <param name="Name">The name in the API and in term names (<c>name=level</c>).</param>
/// <param name="Label">Words for pages.</param>
/// <param name="Levels">The allowed levels, in order, with their words; empty for the lots, which come from the database.</param>
/// <param name="DefaultReference">The documents' reference level; null for the lots (the largest lot).</param>
/// <param name="Value">The row's level, or null when not collected (the row is then left out of the model).</param>
public sealed record ModelCovariate(
    string Name, string Label, IReadOnlyList<(string Level, string Label)> Levels, string? DefaultReference, Func<EvaluationRow, string?> Value);

/// <summary>One of the documents' three models: who is in it and what it explains.</summary>
/// <param name="Slug">The name in the URL.</param>
/// <param name="Title">Words for pages.</param>
/// <param name="Population">Who is in the model, in words.</param>
/// <param name="Outcome">What is explained, in words.</param>
/// <param name="InPopulation">Whether a row belongs to the model's population.</param>
/// <param name="Event">The outcome of a row in the population.</param>
public sealed record ModelDefinition(
    string Slug, string Title, string Population, string Outcome, Func<EvaluationRow, bool> InPopulation, Func<EvaluationRow, bool> Event);

/// <summary>The documents' three logistic regressions and the covariates they may use.</summary>
public static class ModelDefinitions
{
    public static ModelDefinition JobOutcome { get; } = new(
        "job-outcome",
        "Job outcome",
        "Participants out of work at registration (the Hardest to Help, Harder to Reach and Rapid Progression cohorts)",
        "Reached a job outcome",
        r => r.OutOfWorkAtRegistration,
        r => r.JobOutcome);

    public static ModelDefinition Sustainment13Weeks { get; } = new(
        "sustainment-13-weeks",
        "13-week sustainment",
        "Participants with a job outcome at least 13 weeks before the end of follow-up (today, or the programme's end if earlier)",
        "Still in work 13 weeks after the job outcome (the 13-week sustainment milestone)",
        r => r.JobOutcome && r.FollowUp13WeeksElapsed,
        r => r.Sustained13Weeks);

    public static ModelDefinition Progression { get; } = new(
        "progression",
        "In-work progression",
        "Participants in work on the programme: in work at registration (the Employed cohort) or with a job outcome",
        "Progressed in work (more hours or higher earnings: the progression milestone)",
        r => r.InWork,
        r => r.Progressed);

    public static IReadOnlyList<ModelDefinition> All { get; } = [JobOutcome, Sustainment13Weeks, Progression];

    public static ModelDefinition? Find(string? slug) => All.FirstOrDefault(m => string.Equals(m.Slug, slug, StringComparison.OrdinalIgnoreCase));

    private static string YesNo(bool value) => value ? "Yes" : "No";

    private static readonly (string, string)[] YesNoLevels = [("No", "No"), ("Yes", "Yes")];

    /// <summary>The covariates, in the order the documents list them; all are in the default model.</summary>
    public static IReadOnlyList<ModelCovariate> Covariates { get; } =
    [
        new("cohort", "Cohort",
            [.. Enum.GetValues<Cohort>().Select(c => (c.ToString(), c.DisplayName()))],
            nameof(Cohort.HardestToHelp), r => r.Cohort.ToString()),
        new("ageBand", "Age band at registration",
            [.. AgeBands.All.Select(b => (b.ShortName(), b.DisplayName()))],
            AgeBands.Reference.ShortName(), r => r.AgeBand.ShortName()),
        new("healthCondition", "Health condition or disability", YesNoLevels, "No",
            r => r.HealthCondition is { } yes ? YesNo(yes) : null),
        new("identifyMatchingJobs", "Completed \"Identify jobs that match skills\"", YesNoLevels, "No",
            r => YesNo(r.IdentifyMatchingJobsCompleted)),
        new("sex", "Sex", [("Female", "Female"), ("Male", "Male")], "Female",
            r => r.Sex switch { "female" => "Female", "male" => "Male", _ => null }),
        new("ethnicGroup", "Ethnic group",
            [("White", "White"), ("Mixed", "Mixed or Multiple ethnic groups"), ("Asian", "Asian or Asian British"),
             ("Black", "Black, Black British, Caribbean or African"), ("Other", "Other ethnic group")],
            "White",
            r => r.EthnicGroup switch
            {
                "white" => "White",
                "mixed" => "Mixed",
                "asian" => "Asian",
                "black" => "Black",
                "other" => "Other",
                _ => null,
            }),
        new("qualification", "Highest qualification",
            [.. EvaluationDataset.QualificationBands.Select(b => (b, EvaluationDataset.QualificationBandName(b)))],
            "Level1To2", r => r.QualificationBand),
        new("childcare", "Childcare responsibilities", YesNoLevels, "No",
            r => r.ChildcareResponsibility is { } yes ? YesNo(yes) : null),
        new("lot", "Lot", [], null, r => r.LotCode),
    ];

    public static ModelCovariate? FindCovariate(string? name) =>
        Covariates.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
