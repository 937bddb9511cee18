using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Programme;

namespace ConnectingCommunities.Data.Demo;

/// <summary>A sector participants found work in, with its usual jobs and contracts.</summary>
internal enum JobSector
{
    Retail,
    Care,
    Health,
    Logistics,
    Hospitality,
    Cleaning,
    Security,
    Manufacturing,
    Office,
    PublicSector,
    Transport,
}

/// <summary>A job a participant started: title, SOC 2020 unit group, sector and usual weekly hours.</summary>
internal sealed record DemoJob(string Title, string SocCode, JobSector Sector, int MinHours, int MaxHours, decimal Premium);

/// <summary>A demo employer: fictional (apart from the lots' own councils), local to a lot or national.</summary>
internal sealed record DemoEmployer(string Name, JobSector Sector, string? LotCode);

/// <summary>
/// The jobs and employers of the demo caseload: the entry-level work the evaluation's participants
/// mostly found (retail, care, logistics, hospitality, cleaning, security, the NHS and councils),
/// with SOC 2020 unit groups. Every company name is invented; the councils are the lots' own local
/// authorities. Wages are at or above the National Living Wage of the day.
/// </summary>
internal static class DemoJobs
{
    public static readonly DemoJob[] Jobs =
    [
        new("Sales assistant", "7111", JobSector.Retail, 12, 37, 0m),
        new("Retail assistant", "7111", JobSector.Retail, 16, 37, 0m),
        new("Checkout operator", "7112", JobSector.Retail, 12, 30, 0m),
        new("Shelf filler", "9251", JobSector.Retail, 8, 30, 0m),
        new("Care worker", "6135", JobSector.Care, 16, 40, 0.25m),
        new("Home carer", "6135", JobSector.Care, 12, 40, 0.40m),
        new("Senior care worker", "6136", JobSector.Care, 30, 40, 1.10m),
        new("Healthcare assistant", "6131", JobSector.Health, 22, 37, 0.90m),
        new("Housekeeping assistant", "6231", JobSector.Health, 16, 37, 0.20m),
        new("Warehouse operative", "9252", JobSector.Logistics, 20, 40, 0.45m),
        new("Picker packer", "9132", JobSector.Logistics, 16, 40, 0.30m),
        new("Delivery driver", "8214", JobSector.Logistics, 25, 40, 1.20m),
        new("Forklift driver", "8222", JobSector.Logistics, 30, 40, 1.60m),
        new("Kitchen assistant", "9263", JobSector.Hospitality, 10, 35, 0m),
        new("Waiting staff", "9264", JobSector.Hospitality, 8, 30, 0m),
        new("Barista", "9266", JobSector.Hospitality, 10, 30, 0m),
        new("Cook", "5435", JobSector.Hospitality, 20, 40, 0.80m),
        new("Cleaner", "9223", JobSector.Cleaning, 8, 30, 0.05m),
        new("Street cleaner", "9222", JobSector.Cleaning, 30, 37, 0.70m),
        new("Security officer", "9231", JobSector.Security, 24, 40, 0.60m),
        new("Production operative", "8119", JobSector.Manufacturing, 30, 40, 0.90m),
        new("Assembly operative", "8149", JobSector.Manufacturing, 30, 40, 0.70m),
        new("Customer service adviser", "7219", JobSector.Office, 20, 37, 0.60m),
        new("Contact centre adviser", "7211", JobSector.Office, 25, 37, 0.75m),
        new("Administrative assistant", "4159", JobSector.Office, 16, 37, 0.90m),
        new("Data entry clerk", "4152", JobSector.Office, 20, 37, 0.70m),
        new("Teaching assistant", "6112", JobSector.PublicSector, 20, 32, 0.50m),
        new("Nursery assistant", "6111", JobSector.PublicSector, 16, 37, 0.10m),
        new("School midday supervisor", "9232", JobSector.PublicSector, 8, 15, 0.20m),
        new("Postal worker", "9211", JobSector.Transport, 20, 39, 1.30m),
        new("Bus driver", "8212", JobSector.Transport, 30, 40, 2.40m),
    ];

    /// <summary>Sectors by how often participants started work in them.</summary>
    public static readonly Weighted<JobSector> Sectors = new(
        (JobSector.Retail, 20), (JobSector.Care, 16), (JobSector.Logistics, 15), (JobSector.Hospitality, 12),
        (JobSector.Cleaning, 8), (JobSector.Manufacturing, 7), (JobSector.Office, 8), (JobSector.Health, 5),
        (JobSector.Security, 4), (JobSector.PublicSector, 3), (JobSector.Transport, 2));

    public static readonly Weighted<JobContractType> ContractsOf = new(
        (JobContractType.Permanent, 46), (JobContractType.ZeroHours, 18), (JobContractType.Temporary, 15),
        (JobContractType.FixedTerm, 11), (JobContractType.Apprenticeship, 5), (JobContractType.SelfEmployed, 5));

    /// <summary>Local employers by lot, and national ones any lot's participants may join.</summary>
    public static readonly DemoEmployer[] Employers =
    [
        // National and regional employers (invented names).
        new("Brindley Foodstores Ltd", JobSector.Retail, null),
        new("Kestrel Home and Garden Ltd", JobSector.Retail, null),
        new("Valuestar Discount Stores", JobSector.Retail, null),
        new("Penhallow Fashion Retail Ltd", JobSector.Retail, null),
        new("Hollybush Pharmacy Group", JobSector.Retail, null),
        new("Midland Vale Care Homes Ltd", JobSector.Care, null),
        new("Carewell Homecare Services", JobSector.Care, null),
        new("Oakhurst Supported Living CIC", JobSector.Care, null),
        new("Severn and Trent Valley Care Ltd", JobSector.Care, null),
        new("Tame Valley Hospitals NHS Foundation Trust", JobSector.Health, null),
        new("Arden Community Health NHS Trust", JobSector.Health, null),
        new("Blythe Logistics Ltd", JobSector.Logistics, null),
        new("Parcelway Distribution Ltd", JobSector.Logistics, null),
        new("Central Fulfilment Services Ltd", JobSector.Logistics, null),
        new("Redline Couriers Ltd", JobSector.Logistics, null),
        new("Greyfriars Hotels Ltd", JobSector.Hospitality, null),
        new("Copper Kettle Cafes Ltd", JobSector.Hospitality, null),
        new("Fairfield Contract Catering Ltd", JobSector.Hospitality, null),
        new("Brightshine Facilities Services Ltd", JobSector.Cleaning, null),
        new("Sentinel Guarding Services Ltd", JobSector.Security, null),
        new("Westway Precision Components Ltd", JobSector.Manufacturing, null),
        new("Harbury Foods Manufacturing Ltd", JobSector.Manufacturing, null),
        new("Calloway Contact Centres Ltd", JobSector.Office, null),
        new("Northgate Business Services Ltd", JobSector.Office, null),
        new("Mercia Mail Services Ltd", JobSector.Transport, null),
        new("Midland Red Line Buses Ltd", JobSector.Transport, null),
        new("Little Acorns Nurseries Ltd", JobSector.PublicSector, null),

        // Employers local to each lot (invented names), and each lot's own council.
        new("Birmingham City Council", JobSector.PublicSector, "WH"),
        new("Saltley Gate Cash and Carry Ltd", JobSector.Retail, "WH"),
        new("Alum Rock Bakery Ltd", JobSector.Manufacturing, "WH"),
        new("Washwood Lane Motors Ltd", JobSector.Manufacturing, "WH"),
        new("Ward End Care Centre", JobSector.Care, "WH"),
        new("Cole Valley Catering Ltd", JobSector.Hospitality, "SE"),
        new("Shard End Community Pharmacy", JobSector.Retail, "SE"),
        new("Kitts Green Cleaning Co-operative", JobSector.Cleaning, "SE"),
        new("Stechford Logistics Park Ltd", JobSector.Logistics, "SE"),
        new("Solihull Council", JobSector.PublicSector, "CW"),
        new("Chelmsley Wood Homecare Ltd", JobSector.Care, "CW"),
        new("Airport Way Services Ltd", JobSector.Logistics, "CW"),
        new("Coventry City Council", JobSector.PublicSector, "BW"),
        new("Binley Park Engineering Ltd", JobSector.Manufacturing, "BW"),
        new("Willenhall Wood Care Home", JobSector.Care, "BW"),
        new("Walsall Council", JobSector.PublicSector, "BL"),
        new("Leamore Lane Foods Ltd", JobSector.Manufacturing, "BL"),
        new("Birchills Canal Warehousing Ltd", JobSector.Logistics, "BL"),
        new("Redditch Borough Council", JobSector.PublicSector, "BB"),
        new("Batchley Springs Needle Works Ltd", JobSector.Manufacturing, "BB"),
        new("Cannock Chase Council", JobSector.PublicSector, "CN"),
        new("Chase Gateway Distribution Ltd", JobSector.Logistics, "CN"),
        new("Nuneaton and Bedworth Borough Council", JobSector.PublicSector, "CH"),
        new("Camp Hill Community Cafe CIC", JobSector.Hospitality, "CH"),
        new("Tamworth Borough Council", JobSector.PublicSector, "GL"),
        new("Glascote Heath Garden Centre Ltd", JobSector.Retail, "GL"),
    ];

    /// <summary>A job of the sector.</summary>
    public static DemoJob JobIn(JobSector sector, DemoRandom random)
    {
        var count = 0;
        foreach (var job in Jobs)
        {
            if (job.Sector == sector)
            {
                count++;
            }
        }

        var pick = random.Next(count);
        foreach (var job in Jobs)
        {
            if (job.Sector == sector && pick-- == 0)
            {
                return job;
            }
        }

        return Jobs[0];
    }

    public static string EndReason(bool covid, bool movedOn, JobContractType contract, DemoRandom random) =>
        movedOn ? random.Pick(MovedOnReasons)
        : covid ? random.Pick(CovidEndReasons)
        : contract is JobContractType.Temporary or JobContractType.FixedTerm && random.Chance(0.6) ? "The temporary contract came to an end."
        : random.Pick(EndReasons);

    private static readonly string[] MovedOnReasons =
    [
        "Left for a new job with more hours.",
        "Left for a better paid job nearer home.",
        "Moved to a permanent job with another employer.",
        "Changed job to fit around childcare.",
    ];

    private static readonly string[] CovidEndReasons =
    [
        "Laid off when the business closed in the Covid-19 lockdown.",
        "Made redundant: the employer cut staff during the pandemic.",
        "Hours stopped during the lockdown and the job ended.",
    ];

    private static readonly string[] EndReasons =
    [
        "Resigned: the shifts did not fit around caring responsibilities.",
        "Dismissed at the end of the probation period.",
        "Left because of ill health.",
        "Hours were cut to nothing on a zero-hours contract.",
        "Resigned: travel to work was too difficult.",
        "The employer closed the site.",
    ];

    public static readonly string[] LateralMoveReasons =
    [
        "Moved to a team that trains staff for supervisor roles.",
        "A role with a recognised qualification paid for by the employer.",
        "Moved to day shifts, which allows evening study towards a Level 3 qualification.",
        "A role on the employer's management training scheme.",
    ];

    /// <summary>The milestones a claim line can be for, in the order a participant reaches them.</summary>
    public static readonly Milestone[] OutcomeMilestones =
        [Milestone.JobOutcome, Milestone.Sustained13Weeks, Milestone.Sustained26Weeks, Milestone.Sustained52Weeks, Milestone.Progression];
}
