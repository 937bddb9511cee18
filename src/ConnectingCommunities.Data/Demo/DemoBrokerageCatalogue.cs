using ConnectingCommunities.Domain.Brokerage;
using ConnectingCommunities.Domain.Reference;

namespace ConnectingCommunities.Data.Demo;

/// <summary>
/// What the demo's brokerage records are made from: where each lot is (so its synthetic postcodes get plausible
/// coordinates), local place names for invented employers, the kinds of business of each sector, the skills
/// each job asks for, and the engagement methods and activities the evaluation describes.
/// </summary>
internal static class DemoBrokerageCatalogue
{
    /// <summary>
    /// The approximate centre of each lot's area (the ward the lot is named after) and how far its postcodes
    /// spread, in degrees of latitude: a ward is a mile or two across.
    /// </summary>
    public static readonly Dictionary<string, (double Latitude, double Longitude)> LotCentres = new(StringComparer.Ordinal)
    {
        ["BL"] = (52.5960, -1.9990), // Birchills Leamore, Walsall
        ["BB"] = (52.3110, -1.9560), // Batchley and Brockhill, Redditch
        ["CN"] = (52.7000, -2.0250), // Cannock North
        ["WH"] = (52.4930, -1.8350), // Washwood Heath, Birmingham
        ["SE"] = (52.4950, -1.7660), // Shard End, Birmingham
        ["CW"] = (52.4780, -1.7340), // Chelmsley Wood, Solihull
        ["BW"] = (52.3920, -1.4570), // Binley and Willenhall, Coventry
        ["CH"] = (52.5320, -1.5050), // Camp Hill, Nuneaton
        ["GL"] = (52.6220, -1.6680), // Glascote, Tamworth
    };

    /// <summary>Where a lot not listed above is placed: the middle of the West Midlands.</summary>
    public static readonly (double Latitude, double Longitude) DefaultCentre = (52.4800, -1.9000);

    /// <summary>How far a lot's postcodes lie from its centre, at most, in miles.</summary>
    public const double LotRadiusMiles = 1.6;

    /// <summary>Local place names for invented employers' names.</summary>
    public static readonly Dictionary<string, string[]> Places = new(StringComparer.Ordinal)
    {
        ["BL"] = ["Birchills", "Leamore", "Blakenall", "Bloxwich", "Goscote", "Reedswood"],
        ["BB"] = ["Batchley", "Brockhill", "Webheath", "Headless Cross", "Arrow Valley", "Bridley Moor"],
        ["CN"] = ["Chadsmoor", "Heath Hayes", "Hednesford", "Bridgtown", "Norton Canes", "Chase Terrace"],
        ["WH"] = ["Washwood", "Saltley", "Alum Rock", "Ward End", "Bordesley Green", "Nechells Green"],
        ["SE"] = ["Shard End", "Kitts Green", "Lea Village", "Buckland End", "Tile Cross", "Cole Hall"],
        ["CW"] = ["Chelmsley", "Kingshurst", "Fordbridge", "Smiths Wood", "Marston Green", "Bickenhill"],
        ["BW"] = ["Binley", "Willenhall", "Stoke Aldermoor", "Wyken", "Ernesford Grange", "Whitley Common"],
        ["CH"] = ["Camp Hill", "Galley Common", "Stockingford", "Hartshill", "Whitestone", "Attleborough"],
        ["GL"] = ["Glascote", "Amington", "Stonydelph", "Kettlebrook", "Bolehall", "Wilnecote"],
    };

    /// <summary>Kinds of business by sector, for invented names ("Leamore Fabrications Ltd").</summary>
    public static readonly Dictionary<JobSector, string[]> Businesses = new()
    {
        [JobSector.Retail] = ["Convenience Store", "Pharmacy", "Hardware", "Garden Centre", "Discount Store", "Furniture Warehouse"],
        [JobSector.Care] = ["Care Home", "Homecare", "Nursing Home", "Supported Living", "Day Centre"],
        [JobSector.Health] = ["Medical Centre", "Dental Practice", "Opticians"],
        [JobSector.Logistics] = ["Distribution", "Logistics", "Freight", "Warehousing", "Parcels"],
        [JobSector.Hospitality] = ["Cafe", "Catering", "Fish Bar", "Hotel", "Balti House", "Bakery"],
        [JobSector.Cleaning] = ["Cleaning Services", "Facilities", "Window Cleaning", "Laundry"],
        [JobSector.Security] = ["Security Services", "Guarding"],
        [JobSector.Manufacturing] = ["Engineering", "Plastics", "Foods", "Print", "Fabrications", "Castings"],
        [JobSector.Office] = ["Business Services", "Contact Centre", "Accountants", "Lettings"],
        [JobSector.PublicSector] = ["Academy", "Day Nursery", "Leisure Centre", "Community Hub"],
        [JobSector.Transport] = ["Taxis", "Coaches", "Couriers", "Motors"],
    };

    /// <summary>SIC 2007 section of each sector.</summary>
    public static string SicSectionOf(JobSector sector) => sector switch
    {
        JobSector.Retail => "G",
        JobSector.Care => "Q",
        JobSector.Health => "Q",
        JobSector.Logistics => "H",
        JobSector.Hospitality => "I",
        JobSector.Cleaning => "N",
        JobSector.Security => "N",
        JobSector.Manufacturing => "C",
        JobSector.Office => "N",
        JobSector.PublicSector => "O",
        JobSector.Transport => "H",
        _ => "S",
    };

    /// <summary>The skills a job of each SOC unit group asks for, from the catalogue.</summary>
    public static IReadOnlyList<string> SkillsFor(string socCode) => socCode switch
    {
        "7111" or "7112" => ["Customer service", "Cash handling", "Stock control", "Teamwork"],
        "9241" or "9251" => ["Shelf stacking", "Stock control", "Manual handling"],
        "6135" or "6136" => ["Care work", "Personal care", "First aid", "Food hygiene"],
        "6131" => ["Care work", "Personal care", "First aid", "Health and safety"],
        "6231" => ["Cleaning", "Health and safety", "Teamwork"],
        "9252" or "9132" => ["Warehouse picking", "Packing", "Manual handling", "Stock control"],
        "8214" => ["Delivery driving", "Driving", "Customer service"],
        "8222" => ["Forklift", "Manual handling", "Health and safety"],
        "9263" or "5435" => ["Food hygiene", "Food preparation", "Cleaning", "Teamwork"],
        "9264" => ["Waiting tables", "Customer service", "Cash handling", "Food hygiene"],
        "9266" => ["Barista", "Customer service", "Cash handling", "Food hygiene"],
        "9223" or "9222" => ["Cleaning", "Health and safety", "Time management"],
        "9231" => ["Security", "SIA door supervision", "Customer service"],
        "8119" or "8149" => ["Machine operation", "Assembly line work", "Quality checking", "Health and safety"],
        "7219" or "7211" => ["Customer service", "Telephone skills", "Data entry", "Email and internet"],
        "4159" or "4152" => ["Data entry", "Microsoft Office", "Filing and administration", "Reception"],
        "6112" or "6111" => ["Childcare", "First aid", "Spoken English", "Written English"],
        "9232" => ["Childcare", "First aid", "Teamwork"],
        "9211" => ["Manual handling", "Time management", "Driving"],
        "8212" => ["Driving", "Customer service", "Time management"],
        _ => ["Teamwork", "Time management", "Customer service"],
    };

    /// <summary>Skills most employers would like: the desirable extras.</summary>
    public static readonly string[] GeneralSkills =
        ["Teamwork", "Time management", "Spoken English", "Working with numbers", "Email and internet", "Health and safety", "First aid"];

    /// <summary>Shift patterns by sector, with weights.</summary>
    public static Weighted<ShiftPattern> ShiftsOf(JobSector sector) => sector switch
    {
        JobSector.Care or JobSector.Health => new((ShiftPatterns.Daytime, 4), (ShiftPatterns.Rotating, 3), (ShiftPatterns.Evenings, 2), (ShiftPatterns.Weekends, 1)),
        JobSector.Logistics => new((ShiftPatterns.Daytime, 4), (ShiftPatterns.Nights, 2), (ShiftPatterns.Rotating, 2)),
        JobSector.Hospitality => new((ShiftPatterns.Flexible, 3), (ShiftPatterns.Evenings, 3), (ShiftPatterns.Weekends, 2), (ShiftPatterns.Daytime, 2)),
        JobSector.Security => new((ShiftPatterns.Nights, 2), (ShiftPatterns.Rotating, 2), (ShiftPatterns.Daytime, 1)),
        JobSector.Retail => new((ShiftPatterns.Daytime, 5), (ShiftPatterns.Flexible, 3), (ShiftPatterns.Weekends, 2), (ShiftPatterns.Evenings, 1)),
        JobSector.Manufacturing => new((ShiftPatterns.Daytime, 5), (ShiftPatterns.Rotating, 2), (ShiftPatterns.Nights, 1)),
        JobSector.Cleaning => new((ShiftPatterns.Evenings, 3), (ShiftPatterns.Daytime, 3), (ShiftPatterns.Flexible, 1)),
        JobSector.Transport => new((ShiftPatterns.Daytime, 3), (ShiftPatterns.Rotating, 2)),
        _ => new((ShiftPatterns.Daytime, 1)),
    };

    /// <summary>How lots began working with employers (weights from how often the evaluation's providers described each).</summary>
    public static readonly Weighted<EmployerEngagementMethod> Methods = new(
        (EmployerEngagementMethods.ExistingLinks, 24), (EmployerEngagementMethods.CloseRelationship, 15), (EmployerEngagementMethods.JobFair, 12),
        (EmployerEngagementMethods.OnlineVacancySearch, 16), (EmployerEngagementMethods.ColdCalling, 12), (EmployerEngagementMethods.ReverseMarketing, 14),
        (EmployerEngagementMethods.EmploymentAgency, 7));

    public static string MethodNote(string method) => method switch
    {
        "existingLinks" => "The provider placed people here before the programme began.",
        "closeRelationship" => "Regular contact with the store manager; they ring us first when they are recruiting.",
        "jobFair" => "Met at the local jobs fair; followed up the next week.",
        "onlineVacancySearch" => "Found through vacancies posted online; we now hear about them directly.",
        "coldCalling" => "Cold call to the site manager, who agreed to meet.",
        "reverseMarketing" => "Approached on behalf of a participant although no vacancy was advertised.",
        "employmentAgency" => "Recruits through an agency we work with for temporary placements.",
        _ => "",
    };

    /// <summary>Employer activities by how often lots recorded them.</summary>
    public static readonly Weighted<EmployerActivityKind> Activities = new(
        (EmployerActivityKinds.Contact, 30), (EmployerActivityKinds.Meeting, 18), (EmployerActivityKinds.TasterDay, 10),
        (EmployerActivityKinds.WorkExperience, 10), (EmployerActivityKinds.GuaranteedInterview, 12), (EmployerActivityKinds.RecruitmentEvent, 12),
        (EmployerActivityKinds.JobFair, 6));

    public static string ActivityNote(string kind, bool pandemic) => (kind, pandemic) switch
    {
        ("contact", true) => "Phoned to check which roles they are still recruiting for during the lockdown.",
        ("contact", _) => "Called about upcoming vacancies and shared two participants' CVs.",
        ("meeting", true) => "Video call with the manager about roles reopening after the lockdown.",
        ("meeting", _) => "Met the manager on site to agree how referrals will work.",
        ("tasterDay", _) => "Taster day on site: participants shadowed staff for the morning.",
        ("workExperience", _) => "Two weeks' unpaid work experience, with travel costs paid by the provider.",
        ("guaranteedInterview", _) => "Guaranteed-interview scheme: every referred participant who meets the basics is interviewed.",
        ("recruitmentEvent", true) => "Online recruitment session with group interviews by video.",
        ("recruitmentEvent", _) => "Recruitment morning at the community centre, with interviews on the day.",
        ("jobFair", _) => "Stall at the local jobs fair.",
        _ => "",
    };

    public static readonly string[] ContactFirstNames =
        ["Sarah", "James", "Amrit", "Claire", "Mohammed", "Karen", "David", "Shazia", "Paul", "Joanne", "Tomasz", "Lisa", "Gurpreet", "Neil", "Ayesha", "Mark"];

    public static readonly string[] ContactLastNames =
        ["Hughes", "Patel", "Turner", "Akhtar", "Evans", "Singh", "Walker", "Nowak", "Green", "Hussain", "Roberts", "Ahmed", "Wright", "Clarke", "Mahmood", "Lewis"];

    public static readonly string[] ContactJobTitles =
        ["HR manager", "Store manager", "Recruitment officer", "Operations manager", "Registered manager", "Site supervisor", "Office manager", "Owner"];

    public static readonly string[] UnsuccessfulReasons =
    [
        "Not shortlisted: the employer chose candidates with more experience.",
        "Interviewed; the employer offered the job to another candidate.",
        "Did not attend the interview.",
        "The employer withdrew the vacancy before interviews.",
        "Not successful at the assessment day.",
    ];

    public static readonly string[] WithdrawnReasons =
    [
        "Withdrew: the shifts did not fit around childcare.",
        "Withdrew: found another job first.",
        "Withdrew: travel to the workplace was too difficult.",
        "Withdrew for health reasons.",
        "Withdrew: decided to start a course instead.",
    ];
}
