using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;

namespace ConnectingCommunities.Web.Features.SetUp.Tariffs;

/// <summary>What the add and change pages post, as typed; <see cref="ToInput"/> reads it for the handler.</summary>
public sealed class TariffForm
{
    public string? Milestone { get; set; }
    public string? Cohort { get; set; }
    public string? Amount { get; set; }
    public DateParts EffectiveFrom { get; set; } = new();
    public string? Reason { get; set; }
    public int? Version { get; set; }

    public static TariffForm From(TariffView tariff)
    {
        ArgumentNullException.ThrowIfNull(tariff);
        return new TariffForm
        {
            Milestone = ProgrammeChoices.ApiName(tariff.Milestone),
            Cohort = ProgrammeChoices.ApiName(tariff.Cohort),
            Amount = tariff.Amount.ToString("0.00", Formatting.EnGb),
            EffectiveFrom = DateParts.From(tariff.EffectiveFrom),
            Reason = tariff.Reason,
            Version = tariff.Version,
        };
    }

    /// <summary>Reads the typed values, adding an error for each one that cannot be read.</summary>
    public TariffInput ToInput(FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return new TariffInput
        {
            Milestone = ReadChoice<Domain.Programme.Milestone>(Milestone, "milestone", "Select a milestone from the list", errors),
            Cohort = ReadChoice<Domain.Programme.Cohort>(Cohort, "cohort", "Select a cohort from the list", errors),
            Amount = FormParsing.Money(Amount, "amount", "amount", errors),
            EffectiveFrom = (EffectiveFrom ?? new DateParts()).Read("effectiveFrom", "date the rate takes effect", errors),
            Reason = Reason,
            Version = Version,
        };
    }

    private static TEnum? ReadChoice<TEnum>(string? text, string field, string message, FieldErrors errors)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (ProgrammeChoices.TryParse<TEnum>(text, out var value))
        {
            return value;
        }

        errors.Add(field, message);
        return null;
    }
}
