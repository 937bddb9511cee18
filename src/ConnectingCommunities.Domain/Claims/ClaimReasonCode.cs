namespace ConnectingCommunities.Domain.Claims;

/// <summary>
/// Why a claim line failed validation. The names are stable: they are stored with held lines,
/// sent in the API's <c>reasonCodes</c> and exported, so renaming one needs a data migration.
/// </summary>
public enum ClaimReasonCode
{
    /// <summary>The participant is not eligible, or has not been given and accepted the privacy notice.</summary>
    ParticipantNotEligible = 1,

    /// <summary>No contract for the lot was active on the milestone date.</summary>
    ContractNotActive = 2,

    /// <summary>The milestone is already on another claim line that is still open or approved.</summary>
    AlreadyClaimed = 3,

    /// <summary>The milestone has already been paid.</summary>
    AlreadyPaid = 4,

    /// <summary>A milestone that must come first has not been achieved, or a progression is not for someone in work.</summary>
    PrerequisiteMissing = 5,

    /// <summary>The milestone needs evidence and none is held.</summary>
    EvidenceMissing = 6,

    /// <summary>The milestone date is before registration, outside the programme, or in the future.</summary>
    DatesInconsistent = 7,

    /// <summary>Paying this line would take the lot past its value.</summary>
    LotValueExceeded = 8,
}

public static class ClaimReasonCodes
{
    /// <summary>Every code, in the order the validation steps run.</summary>
    public static IReadOnlyList<ClaimReasonCode> All { get; } = Enum.GetValues<ClaimReasonCode>();

    /// <summary>Plain English for a code, shown to the provider and the commissioner.</summary>
    public static string Description(this ClaimReasonCode code) => code switch
    {
        ClaimReasonCode.ParticipantNotEligible => "The participant is not eligible or has not agreed to the privacy notice",
        ClaimReasonCode.ContractNotActive => "No contract for the lot was active on the milestone date",
        ClaimReasonCode.AlreadyClaimed => "This milestone is already on another claim",
        ClaimReasonCode.AlreadyPaid => "This milestone has already been paid",
        ClaimReasonCode.PrerequisiteMissing => "A milestone that must come first has not been achieved, or the participant was not in work",
        ClaimReasonCode.EvidenceMissing => "There is no evidence for this milestone",
        ClaimReasonCode.DatesInconsistent => "The milestone date is before registration, outside the programme dates or in the future",
        ClaimReasonCode.LotValueExceeded => "Paying this line would take the lot over its value",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown claim reason code."),
    };
}
