namespace ConnectingCommunities.Domain.Claims;

/// <summary>The result of validating one claim line: every failing reason, not just the first.</summary>
public sealed record ClaimLineValidation(IReadOnlyList<ClaimReasonCode> Failures)
{
    public bool Passed => Failures.Count == 0;
}

/// <summary>
/// Runs every validation step over claim lines. All steps always run, so a held line shows the
/// provider everything to put right at once rather than one problem per round trip.
/// </summary>
public static class ClaimValidator
{
    /// <summary>Validates one line against the lot as it stands.</summary>
    public static ClaimLineValidation Validate(ClaimLineFacts line, ClaimContext context)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(context);
        return new ClaimLineValidation([.. ClaimValidationSteps.All
            .Select(step => step.Check(line, context))
            .OfType<ClaimReasonCode>()
            .Distinct()]);
    }

    /// <summary>
    /// Validates the lines of one claim, results in the order given. Lines are taken in milestone
    /// date order and each passing line counts against the lot's value for the lines after it, so a
    /// claim cannot pass as a whole when its lines together exceed the value: the earliest
    /// milestones pass and the later ones are held with <see cref="ClaimReasonCode.LotValueExceeded"/>.
    /// </summary>
    public static IReadOnlyList<ClaimLineValidation> ValidateClaim(IReadOnlyList<ClaimLineFacts> lines, ClaimContext context)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(context);
        var results = new ClaimLineValidation[lines.Count];
        var running = context;
        foreach (var index in Enumerable.Range(0, lines.Count).OrderBy(i => lines[i].MilestoneDate))
        {
            var result = Validate(lines[index], running);
            results[index] = result;
            if (result.Passed)
            {
                running = running with { Budget = running.Budget.WithApproved(lines[index].Amount) };
            }
        }

        return results;
    }
}
