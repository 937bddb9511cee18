using System.Globalization;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Domain.Support;
using ConnectingCommunities.Web.Features.Brokerage.Employers;
using ConnectingCommunities.Web.Features.Brokerage.Vacancies;
using ConnectingCommunities.Web.Features.Claims;
using ConnectingCommunities.Web.Features.HelpRequests;
using ConnectingCommunities.Web.Features.Outcomes;
using ConnectingCommunities.Web.Features.Outcomes.Sustainment;
using ConnectingCommunities.Web.Features.Participants;
using ConnectingCommunities.Web.Features.Payments;
using ConnectingCommunities.Web.Features.SetUp.Contracts;
using ConnectingCommunities.Web.Features.SetUp.Lots;
using ConnectingCommunities.Web.Features.SetUp.Providers;
using ConnectingCommunities.Web.Features.SetUp.Targets;
using ConnectingCommunities.Web.Features.SetUp.Tariffs;
using ConnectingCommunities.Web.Features.SetUp.Users;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Exports;
using Microsoft.EntityFrameworkCore;
using CaseloadPage = ConnectingCommunities.Web.Features.Participants.IndexModel;
using HelpRequestsPage = ConnectingCommunities.Web.Features.HelpRequests.IndexModel;
using SustainmentDuePage = ConnectingCommunities.Web.Features.Outcomes.Sustainment.DueModel;

namespace ConnectingCommunities.Web.Features.Exports;

/// <summary>
/// Every list that can be downloaded, each defined once: its columns and where its rows come from. The
/// web app (pages and API) and <c>cc export</c> both write from these definitions. Lists that have a page
/// read through that page's own handler and filters, so a download holds exactly the rows the page lists,
/// in the caller's scope (a provider manager of WH never gets a row of SE).
/// </summary>
public static class ExportCatalogue
{
    public static IReadOnlyList<IExportTable> Tables { get; } =
    [
        Participants(),
        Interventions(),
        JobStarts(),
        SustainmentChecksDue(),
        HelpRequestsTable(),
        ClaimsTable(),
        ClaimLines(),
        Payments(),
        Vacancies(),
        Employers(),
        LotsTable(),
        Providers(),
        Contracts(),
        Tariffs(),
        Targets(),
        Users(),
        AuditHistory(),
    ];

    public static IExportTable? Find(string? name) =>
        Tables.FirstOrDefault(t => string.Equals(t.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static T Get<T>(IServiceProvider services)
        where T : notnull => services.GetRequiredService<T>();

    private static string Ref(PersonRef? person) => person?.Name ?? "";

    private static DateOnly? London(DateTimeOffset? instant) => instant is { } i ? Formatting.DateInLondon(i) : null;

    private static DateOnly? ReadDate(ExportQuery query, string name, FieldErrors errors)
    {
        if (query[name] is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(name, $"Enter {name} as a date like 2025-04-01");
        return null;
    }

    /// <summary>The lot asked for, checked against the lot list: null when none was asked for; errors name lotCode.</summary>
    private static async Task<(Guid? Id, bool Asked)> LotAsync(CcDbContext db, ExportQuery query, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (query.Lot is not { } text)
        {
            return (null, false);
        }

        var code = text.ToUpperInvariant();
        var id = await db.Lots.Where(l => l.Code == code).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            errors.Add("lotCode", $"There is no lot with the code '{text}'");
        }

        return (id, true);
    }

    // The caseload list with the page's filters (lot, search, advisor, cohort, status, engaged, barrier, needs, sort).
    private static ExportDefinition<ParticipantRow> Participants() => new(
        "participants",
        "Participants",
        Policies.Casework,
        participantLevel: true,
        ["lot", "search", "advisor", "cohort", "status", "engaged", "barrier", "needs", "sort"],
        [
            new("Reference", p => p.Reference),
            new("Lot", p => p.LotCode),
            new("Last name", p => p.LastName),
            new("First name", p => p.FirstName),
            new("Date of birth", ColumnKind.Date, p => p.DateOfBirth),
            new("Postcode", p => p.Postcode),
            new("Cohort", p => p.Cohort.DisplayName()),
            new("Status", p => p.Status.DisplayName()),
            new("Registered on", ColumnKind.Date, p => p.RegisteredOn),
            new("Engaged on", ColumnKind.Date, p => p.EngagedOn),
            new("Last contact", ColumnKind.Date, p => p.LastContactOn),
            new("Advisor", p => p.Advisor ?? ""),
        ],
        async (services, query, cancellationToken) =>
        {
            var user = Get<CurrentUser>(services);
            var errors = new FieldErrors();
            var advisor = query["advisor"];
            var sort = query["sort"];
            var needs = query.All("needs");
            var filter = new CaseloadFilter
            {
                LotCode = query.Lot,
                Search = query["search"],
                Cohort = Codes.Enum<Cohort>(query["cohort"], "cohort", "cohort", errors),
                Status = Codes.Enum<ParticipantStatus>(query["status"], "status", "status", errors),
                Engaged = query["engaged"] switch { "yes" or "true" => true, "no" or "false" => false, _ => null },
                Barrier = query["barrier"],
                AdvisorId = advisor == CaseloadPage.Mine ? user.UserId ?? Guid.Empty : Guid.TryParse(advisor, out var id) ? id : null,
                Unassigned = advisor == CaseloadPage.Nobody,
                NoContactFor30Days = needs.Contains("noContact"),
                OverdueActions = needs.Contains("overdue"),
                Sort = Codes.Enum<CaseloadSort>(sort, "sort", "sort order", errors) ?? CaseloadSort.Name,
                Descending = sort == nameof(CaseloadSort.RegisteredOn),
            };
            if (advisor is not null && advisor != CaseloadPage.Mine && advisor != CaseloadPage.Nobody && filter.AdvisorId is null)
            {
                errors.Add("advisor", "Choose an advisor from the list");
            }

            if (errors.Any)
            {
                return Result<IAsyncEnumerable<ParticipantRow>>.Invalid(errors);
            }

            var filtered = await Get<ParticipantQueries>(services).FilteredAsync(filter, cancellationToken);
            return !filtered.Succeeded
                ? Result<IAsyncEnumerable<ParticipantRow>>.Invalid(filtered.Errors!)
                : Result<IAsyncEnumerable<ParticipantRow>>.Ok(filtered.Value!.AsNoTracking()
                    .Select(p => new ParticipantRow(
                        p.Reference, p.Lot!.Code, p.LastName, p.FirstName, p.DateOfBirth, p.Postcode, p.Cohort, p.Status, p.RegisteredOn,
                        p.EngagedOn, p.LastContactOn, p.Advisor == null ? null : p.Advisor.DisplayName))
                    .AsAsyncEnumerable());
        });

    private sealed record ParticipantRow(
        string Reference, string LotCode, string LastName, string FirstName, DateOnly DateOfBirth, string Postcode, Cohort Cohort,
        ParticipantStatus Status, DateOnly RegisteredOn, DateOnly? EngagedOn, DateOnly? LastContactOn, string? Advisor);

    // Contacts and other interventions of the participants the caller may see, by date; no notes (free text stays on the record).
    private static ExportDefinition<InterventionRow> Interventions() => new(
        "interventions",
        "Interventions",
        Policies.Casework,
        participantLevel: true,
        ["lotCode", "from", "to"],
        [
            new("Participant", i => i.Reference),
            new("Lot", i => i.LotCode),
            new("Date", ColumnKind.Date, i => i.Date),
            new("Activity", i => i.Activity.DisplayName()),
            new("Mode", i => i.Mode.DisplayName()),
            new("Minutes", ColumnKind.Number, i => i.Minutes),
            new("Meaningful", i => i.Meaningful),
            new("Advisor", i => i.Advisor),
        ],
        async (services, query, cancellationToken) =>
        {
            var db = Get<CcDbContext>(services);
            var errors = new FieldErrors();
            var (lotId, lotAsked) = await LotAsync(db, query, errors, cancellationToken);
            var from = ReadDate(query, "from", errors);
            var to = ReadDate(query, "to", errors);
            if (errors.Any)
            {
                return Result<IAsyncEnumerable<InterventionRow>>.Invalid(errors);
            }

            var participants = await Get<ParticipantAccess>(services).VisibleAsync(cancellationToken);
            if (lotAsked)
            {
                participants = participants.Where(p => p.LotId == lotId);
            }

            var interventions = db.Interventions.AsNoTracking();
            if (from is { } f)
            {
                interventions = interventions.Where(i => i.Date >= f);
            }

            if (to is { } t)
            {
                interventions = interventions.Where(i => i.Date <= t);
            }

            return Result<IAsyncEnumerable<InterventionRow>>.Ok((
                    from i in interventions
                    join p in participants on i.ParticipantId equals p.Id
                    orderby i.Date, p.Reference, i.RecordedAt
                    select new InterventionRow(p.Reference, p.Lot!.Code, i.Date, i.ActivityType, i.Mode, i.DurationMinutes, i.IsMeaningful, i.AdvisorName))
                .AsAsyncEnumerable());
        });

    private sealed record InterventionRow(
        string Reference, string LotCode, DateOnly Date, ActivityType Activity, InterventionMode Mode, int Minutes, bool Meaningful, string Advisor);

    // Job starts (and their ends) of the participants the caller may see.
    private static ExportDefinition<JobStartRow> JobStarts() => new(
        "job-starts",
        "Job starts",
        Policies.Casework,
        participantLevel: true,
        ["lotCode", "from", "to"],
        [
            new("Participant", j => j.Reference),
            new("Lot", j => j.LotCode),
            new("Employer", j => j.Employer),
            new("Job title", j => j.JobTitle),
            new("SOC code", j => j.SocCode),
            new("Start date", ColumnKind.Date, j => j.StartDate),
            new("Weekly hours", ColumnKind.Number, j => j.WeeklyHours),
            new("Hourly wage", ColumnKind.Money, j => j.HourlyWage),
            new("Contract", j => j.ContractType.ToString()),
            new("End date", ColumnKind.Date, j => j.EndDate),
            new("End reason", j => j.EndReason),
        ],
        async (services, query, cancellationToken) =>
        {
            var db = Get<CcDbContext>(services);
            var errors = new FieldErrors();
            var (lotId, lotAsked) = await LotAsync(db, query, errors, cancellationToken);
            var from = ReadDate(query, "from", errors);
            var to = ReadDate(query, "to", errors);
            if (errors.Any)
            {
                return Result<IAsyncEnumerable<JobStartRow>>.Invalid(errors);
            }

            var participants = await Get<ParticipantAccess>(services).VisibleAsync(cancellationToken);
            if (lotAsked)
            {
                participants = participants.Where(p => p.LotId == lotId);
            }

            var jobs = db.JobStarts.AsNoTracking();
            if (from is { } f)
            {
                jobs = jobs.Where(j => j.StartDate >= f);
            }

            if (to is { } t)
            {
                jobs = jobs.Where(j => j.StartDate <= t);
            }

            return Result<IAsyncEnumerable<JobStartRow>>.Ok((
                    from j in jobs
                    join p in participants on j.ParticipantId equals p.Id
                    orderby j.StartDate, p.Reference
                    select new JobStartRow(
                        p.Reference, p.Lot!.Code, j.Employer!.Name, j.JobTitle, j.SocCode, j.StartDate, j.WeeklyHours, j.HourlyWage, j.ContractType,
                        j.EndDate, j.EndReason))
                .AsAsyncEnumerable());
        });

    private sealed record JobStartRow(
        string Reference, string LotCode, string Employer, string JobTitle, string? SocCode, DateOnly StartDate, decimal WeeklyHours,
        decimal HourlyWage, JobContractType ContractType, DateOnly? EndDate, string? EndReason);

    // The "checks due" worklist (/sustainment-checks) through the worklist's own query and the page's filters:
    // lot, advisor ("me" or an id) and within (days ahead, 28 unless asked). Checks already recorded are not on it.
    private static ExportDefinition<DueCheckView> SustainmentChecksDue() => new(
        "sustainment-checks-due",
        "Sustainment checks due",
        Policies.Casework,
        participantLevel: true,
        ["lot", "advisor", "within"],
        [
            new("Participant", c => c.ParticipantReference),
            new("Name", c => c.ParticipantName),
            new("Lot", c => c.LotCode),
            new("Advisor", c => c.AdvisorName),
            new("Check", c => SustainmentNames.CheckName(c.Milestone)),
            new("In work since", ColumnKind.Date, c => c.RunStart),
            new("Due on", ColumnKind.Date, c => c.DueOn),
            new("Status", c => c.Status.DisplayName()),
            new("Days overdue", ColumnKind.Number, c => c.DaysOverdue),
        ],
        (services, query, cancellationToken) =>
        {
            var user = Get<CurrentUser>(services);
            var errors = new FieldErrors();
            var advisor = query["advisor"];
            Guid? advisorId = advisor == SustainmentDuePage.Mine ? user.UserId ?? Guid.Empty : Guid.TryParse(advisor, out var id) ? id : null;
            if (advisor is not null && advisor != SustainmentDuePage.Mine && advisorId is null)
            {
                errors.Add("advisor", "Choose an advisor from the list");
            }

            var within = query["within"] is { } days ? FormParsing.WholeNumber(days, "within", "Number of days ahead", errors) : null;
            return errors.Any
                ? Task.FromResult(Result<IAsyncEnumerable<DueCheckView>>.Invalid(errors))
                : ExportPaging.AllPagesAsync<DueCheckView>((page, size) => Get<SustainmentWorklist>(services).DueAsync(
                    new DueChecksFilter { LotCode = query.Lot, AdvisorId = advisorId, Within = within, Page = page, PageSize = size }, cancellationToken));
        });

    private static ExportDefinition<HelpRequestView> HelpRequestsTable() => new(
        "help-requests",
        "Help requests",
        Policies.Casework,
        participantLevel: true,
        ["lot", "status"],
        [
            new("Reference", h => h.Reference),
            new("Lot", h => h.LotCode),
            new("Received", ColumnKind.Date, h => London(h.ReceivedAt)),
            new("Last name", h => h.LastName),
            new("First name", h => h.FirstName),
            new("Postcode", h => h.Postcode),
            new("Email", h => h.Email),
            new("Phone", h => h.Phone),
            new("Preferred contact", h => HelpRequestsPage.PreferenceText(h.PreferredContact)),
            new("Message", h => h.Message),
            new("Status", h => HelpRequestsPage.StatusText(h.Status)),
            new("Outcome", h => h.Outcome),
        ],
        (services, query, cancellationToken) => ExportPaging.AllPagesAsync<HelpRequestView>((page, size) =>
            Get<HelpRequestHandler>(services).ListAsync(query.Lot, query["status"], page, size, cancellationToken)));

    private static ExportDefinition<ClaimSummary> ClaimsTable() => new(
        "claims",
        "Claims",
        Policies.Claims,
        participantLevel: false,
        ["lotCode", "period", "status"],
        [
            new("Claim", c => c.Reference),
            new("Lot", c => c.LotCode),
            new("Provider", c => c.Provider),
            new("Period", c => c.Period),
            new("Status", c => c.Status.ToString()),
            new("Created on", ColumnKind.Date, c => London(c.CreatedAt)),
            new("Submitted on", ColumnKind.Date, c => London(c.SubmittedAt)),
            new("Lines", ColumnKind.Number, c => c.LineCount),
            new("Amount", ColumnKind.Money, c => c.Amount),
            new("Awaiting decision", ColumnKind.Number, c => c.Awaiting),
        ],
        (services, query, cancellationToken) =>
        {
            var errors = new FieldErrors();
            var filter = ClaimFilter(query, errors);
            return errors.Any
                ? Task.FromResult(Result<IAsyncEnumerable<ClaimSummary>>.Invalid(errors))
                : ExportPaging.AllPagesAsync<ClaimSummary>((page, size) =>
                    Get<ClaimQueries>(services).ListAsync(filter, page, size, cancellationToken: cancellationToken));
        });

    private static ClaimQuery ClaimFilter(ExportQuery query, FieldErrors errors)
    {
        if (query["period"] is { } period && !ClaimPeriod.TryParse(period, out _))
        {
            errors.Add("period", "Choose a month, like 2025-04");
        }

        return new ClaimQuery(query.Lot, query["period"], ProgrammeChoices.ReadFilter<ClaimStatus>(query["status"], "status", errors));
    }

    // Every line of the claims the claims list shows with the same filters.
    private static ExportDefinition<ClaimLineRow> ClaimLines() => new(
        "claim-lines",
        "Claim lines",
        Policies.Claims,
        participantLevel: true,
        ["lotCode", "period", "status"],
        [
            new("Claim", l => l.Claim),
            new("Lot", l => l.LotCode),
            new("Provider", l => l.Provider),
            new("Period", l => l.Period),
            new("Participant", l => l.Participant),
            new("Milestone", l => l.Milestone.DisplayName()),
            new("Milestone date", ColumnKind.Date, l => l.MilestoneDate),
            new("Cohort", l => l.Cohort.DisplayName()),
            new("Amount", ColumnKind.Money, l => l.Amount),
            new("Line status", l => l.Status.ToString()),
            new("Reason codes", l => l.ReasonCodes),
        ],
        async (services, query, cancellationToken) =>
        {
            var errors = new FieldErrors();
            var filter = ClaimFilter(query, errors);
            if (errors.Any)
            {
                return Result<IAsyncEnumerable<ClaimLineRow>>.Invalid(errors);
            }

            var db = Get<CcDbContext>(services);
            var claims = (await Get<ClaimAccess>(services).VisibleAsync(cancellationToken)).AsNoTracking();
            if (filter.LotCode is { } lot)
            {
                var code = lot.ToUpperInvariant();
                claims = claims.Where(c => c.Lot!.Code == code);
            }

            if (filter.Period is { } period)
            {
                claims = claims.Where(c => c.Period == period);
            }

            if (filter.Status is { } status)
            {
                claims = claims.Where(c => c.Status == status);
            }

            return Result<IAsyncEnumerable<ClaimLineRow>>.Ok((
                    from l in db.ClaimLines.AsNoTracking()
                    join c in claims on l.ClaimId equals c.Id
                    orderby c.Reference, l.ParticipantReference, l.MilestoneDate
                    select new ClaimLineRow(
                        c.Reference, c.Lot!.Code, c.Provider!.Name, c.Period, l.ParticipantReference, l.Milestone, l.MilestoneDate, l.Cohort, l.Amount,
                        l.Status, l.ReasonCodes))
                .AsAsyncEnumerable());
        });

    private sealed record ClaimLineRow(
        string Claim, string LotCode, string Provider, string Period, string Participant, Milestone Milestone, DateOnly MilestoneDate, Cohort Cohort,
        decimal Amount, ClaimLineStatus Status, string ReasonCodes);

    private static ExportDefinition<PaymentRunSummary> Payments() => new(
        "payments",
        "Payment runs",
        Policies.Claims,
        participantLevel: false,
        ["provider", "period"],
        [
            new("Payment run", r => r.Reference),
            new("Provider", r => r.Provider),
            new("Period", r => r.Period),
            new("Made on", ColumnKind.Date, r => London(r.CreatedAt)),
            new("Gross payments", ColumnKind.Money, r => r.GrossPayments),
            new("Recoveries", ColumnKind.Money, r => r.Recoveries),
            new("Brought forward", ColumnKind.Money, r => r.BroughtForward),
            new("Total paid", ColumnKind.Money, r => r.Total),
            new("Carried forward", ColumnKind.Money, r => r.CarriedForward),
            new("Lines", ColumnKind.Number, r => r.LineCount),
        ],
        (services, query, cancellationToken) => ExportPaging.AllPagesAsync<PaymentRunSummary>((page, size) =>
            Get<PaymentRunHandler>(services).ListAsync(query["provider"], query["period"], page, size, cancellationToken)));

    // As the vacancies page: open vacancies unless another status (or none, status=) is asked for.
    private static ExportDefinition<VacancySummary> Vacancies() => new(
        "vacancies",
        "Vacancies",
        Policies.Casework,
        participantLevel: false,
        ["status", "lot", "soc", "search", "employerId", "closingBy.Day", "closingBy.Month", "closingBy.Year"],
        [
            new("Title", v => v.Title),
            new("Employer", v => v.EmployerName),
            new("SOC code", v => v.SocCode),
            new("Postcode", v => v.Postcode),
            new("Weekly hours", ColumnKind.Number, v => v.WeeklyHours),
            new("Hourly wage", ColumnKind.Money, v => v.HourlyWage),
            new("Closing on", ColumnKind.Date, v => v.ClosingOn),
            new("Status", v => v.Status.ToString()),
            new("Found by lot", v => v.FoundByLot),
            new("Positions", ColumnKind.Number, v => v.Positions),
        ],
        (services, query, cancellationToken) =>
        {
            var errors = new FieldErrors();
            var status = query.Has("status") ? query["status"] : nameof(VacancyStatus.Open);
            Guid? employerId = null;
            if (query["employerId"] is { } employer)
            {
                employerId = Guid.TryParse(employer, out var id) ? id : null;
                if (employerId is null)
                {
                    errors.Add("employerId", "Choose an employer from the list");
                }
            }

            DateOnly? closingBy = null;
            var (day, month, year) = (query["closingBy.Day"], query["closingBy.Month"], query["closingBy.Year"]);
            if (day is not null || month is not null || year is not null)
            {
                if (int.TryParse(day, CultureInfo.InvariantCulture, out var d) && int.TryParse(month, CultureInfo.InvariantCulture, out var m)
                    && int.TryParse(year, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 9999 && m is >= 1 and <= 12
                    && d >= 1 && d <= DateTime.DaysInMonth(y, m))
                {
                    closingBy = new DateOnly(y, m, d);
                }
                else
                {
                    errors.Add("closingBy", "Closing date must be a real date");
                }
            }

            return errors.Any
                ? Task.FromResult(Result<IAsyncEnumerable<VacancySummary>>.Invalid(errors))
                : ExportPaging.AllPagesAsync<VacancySummary>((page, size) => Get<VacancyHandler>(services).ListAsync(
                    status, query.Lot, query["soc"], null, closingBy, employerId, query["search"], page, size, cancellationToken));
        });

    // The programme-wide employer fields only: a lot's contacts and activities are never exported across lots.
    private static ExportDefinition<EmployerSummary> Employers() => new(
        "employers",
        "Employers",
        Policies.Casework,
        participantLevel: false,
        ["search", "sector", "lot"],
        [
            new("Name", e => e.Name),
            new("Postcode", e => e.Postcode),
            new("Town", e => e.Town),
            new("Sector", e => e.Sector),
            new("Size", e => e.SizeBand),
            new("Lots working with it", e => string.Join("; ", e.Lots)),
            new("Open vacancies", ColumnKind.Number, e => e.OpenVacancies),
        ],
        (services, query, cancellationToken) => ExportPaging.AllPagesAsync<EmployerSummary>((page, size) =>
            Get<EmployerHandler>(services).ListAsync(query["search"], query["sector"], query.Lot, page, size, cancellationToken)));

    private static ExportDefinition<LotView> LotsTable() => new(
        "lots",
        "Lots",
        Policies.SetUp,
        participantLevel: false,
        [],
        [
            new("Code", l => l.Code),
            new("Name", l => l.Name),
            new("Local authority", l => l.LocalAuthority),
            new("Group", l => l.Group),
            new("Lead organisation type", l => l.LeadOrganisationType),
            new("Value", ColumnKind.Money, l => l.Value),
            new("Constituent member", l => l.ConstituentMember),
            new("Current provider", l => l.CurrentProvider),
            new("Working-age population", ColumnKind.Number, l => l.WorkingAgePopulation),
            new("Postcodes", ColumnKind.Number, l => l.PostcodeCount),
        ],
        async (services, query, cancellationToken) => ExportPaging.Listed(await Get<LotHandler>(services).ListAsync(cancellationToken)));

    private static ExportDefinition<ProviderView> Providers() => new(
        "providers",
        "Providers",
        Policies.SetUp,
        participantLevel: false,
        [],
        [
            new("Name", p => p.Name),
            new("Organisation type", p => p.OrganisationType),
            new("Contracts", p => string.Join("; ", p.Contracts.Select(c => $"{c.Reference} ({c.Lot})"))),
        ],
        async (services, query, cancellationToken) => ExportPaging.Listed(await Get<ProviderHandler>(services).ListAsync(cancellationToken)));

    private static ExportDefinition<ContractView> Contracts() => new(
        "contracts",
        "Contracts",
        Policies.SetUp,
        participantLevel: false,
        ["lot"],
        [
            new("Reference", c => c.Reference),
            new("Lot", c => c.Lot),
            new("Lot name", c => c.LotName),
            new("Provider", c => c.Provider),
            new("Start date", ColumnKind.Date, c => c.StartDate),
            new("End date", ColumnKind.Date, c => c.EndDate),
            new("Active", c => c.Active),
            new("Variations", ColumnKind.Number, c => c.Variations.Count),
        ],
        async (services, query, cancellationToken) => ExportPaging.Listed(await Get<ContractHandler>(services).ListAsync(query.Lot, cancellationToken)));

    private static ExportDefinition<TariffView> Tariffs() => new(
        "tariffs",
        "Tariffs",
        Policies.SetUp,
        participantLevel: false,
        [],
        [
            new("Milestone", t => t.Milestone.DisplayName()),
            new("Cohort", t => t.Cohort.DisplayName()),
            new("Effective from", ColumnKind.Date, t => t.EffectiveFrom),
            new("Amount", ColumnKind.Money, t => t.Amount),
            new("In force today", t => t.InForceToday),
            new("Reason", t => t.Reason),
        ],
        async (services, query, cancellationToken) => ExportPaging.Listed(await Get<TariffHandler>(services).ListAsync(new TariffQuery(), cancellationToken)));

    private static ExportDefinition<TargetView> Targets() => new(
        "targets",
        "Targets",
        Policies.SetUp,
        participantLevel: false,
        ["lot"],
        [
            new("Lot", t => t.Lot),
            new("Milestone", t => t.Milestone.DisplayName()),
            new("Quarter", t => t.Quarter),
            new("Quarter start", ColumnKind.Date, t => t.QuarterStart),
            new("Target", ColumnKind.Number, t => t.Count),
            new("Cumulative", ColumnKind.Number, t => t.Cumulative),
            new("Effective from", ColumnKind.Date, t => t.EffectiveFrom),
            new("Reason", t => t.Reason),
        ],
        async (services, query, cancellationToken) =>
        {
            var targets = await Get<TargetHandler>(services).ListAsync(new TargetQuery(query.Lot), cancellationToken);
            return targets.Succeeded ? ExportPaging.Listed(targets.Value!) : Result<IAsyncEnumerable<TargetView>>.Invalid(targets.Errors!);
        });

    private static ExportDefinition<UserView> Users() => new(
        "users",
        "Users",
        Policies.SetUp,
        participantLevel: false,
        ["role"],
        [
            new("Name", u => u.DisplayName),
            new("Email", u => u.Email),
            new("Role", u => u.Role?.ToString()),
            new("Lots", u => string.Join("; ", u.Lots)),
            new("Active", u => u.IsActive),
            new("Two-factor", u => u.TwoFactorEnabled),
            new("Locked out until", ColumnKind.Date, u => London(u.LockedOutUntil)),
        ],
        (services, query, cancellationToken) => ExportPaging.AllPagesAsync<UserView>((page, size) =>
            Get<UserHandler>(services).ListAsync(query["role"], page, size, cancellationToken)));

    // The audit trail, as subject access and the participant's history scope it: a commissioner (and cc export)
    // every event; a provider manager the events about participants now in their lots (whatever the event's lot)
    // and, for records not about a participant, the events of their lots' records. Advisors and evaluators are
    // refused (the policy). Oldest first, streamed from one query.
    private static ExportDefinition<AuditRow> AuditHistory() => new(
        "audit-events",
        "Audit history",
        Policies.RecordsManagement,
        participantLevel: true,
        ["lotCode", "participant", "from", "to", "action", "entityType"],
        [
            new("Date", ColumnKind.Date, a => Formatting.DateInLondon(a.OccurredAt)),
            new("Time", a => TimeInLondon(a.OccurredAt)),
            new("User", a => a.UserName),
            new("Action", a => a.Action),
            new("Record type", a => a.EntityType),
            new("Record id", a => a.EntityId),
            // A participant's events under their lot now (as the scope reads them), others under the record's lot.
            new("Lot", a => a.ParticipantLotCode ?? a.LotCode),
            new("Participant", a => a.ParticipantReference),
            new("Summary", a => a.Summary),
            new("Reason", a => a.Reason),
            new("Changes", a => a.Changes),
        ],
        async (services, query, cancellationToken) =>
        {
            var db = Get<CcDbContext>(services);
            var user = Get<CurrentUser>(services);
            var errors = new FieldErrors();
            var (lotId, lotAsked) = await LotAsync(db, query, errors, cancellationToken);
            var from = ReadDate(query, "from", errors);
            var to = ReadDate(query, "to", errors);
            if (errors.Any)
            {
                return Result<IAsyncEnumerable<AuditRow>>.Invalid(errors);
            }

            var participants = await Get<ParticipantAccess>(services).VisibleAsync(cancellationToken);
            var events = db.AuditEvents.AsNoTracking();
            if (user.IsLotScoped)
            {
                var lots = (await user.LotIdsAsync(cancellationToken)).ToList();
                var visible = participants.Select(p => p.Id);
                events = events.Where(a => a.ParticipantId != null
                    ? visible.Contains(a.ParticipantId.Value)
                    : a.LotId != null && lots.Contains(a.LotId.Value));
            }

            if (lotAsked)
            {
                var inLot = db.Participants.Where(p => p.LotId == lotId).Select(p => p.Id);
                events = events.Where(a => a.ParticipantId != null ? inLot.Contains(a.ParticipantId.Value) : a.LotId == lotId);
            }

            if (query["participant"] is { } reference)
            {
                var wanted = reference.ToUpperInvariant();
                var ids = participants.Where(p => p.Reference == wanted).Select(p => p.Id);
                events = events.Where(a => a.ParticipantId != null && ids.Contains(a.ParticipantId.Value));
            }

            if (from is { } f)
            {
                var start = StartOfDayInLondon(f);
                events = events.Where(a => a.OccurredAt >= start);
            }

            if (to is { } t)
            {
                var end = StartOfDayInLondon(t.AddDays(1));
                events = events.Where(a => a.OccurredAt < end);
            }

            if (query["action"] is { } action)
            {
                events = events.Where(a => a.Action == action);
            }

            if (query["entityType"] is { } entityType)
            {
                events = events.Where(a => a.EntityType == entityType);
            }

            return Result<IAsyncEnumerable<AuditRow>>.Ok((
                    from a in events
                    join l in db.Lots on a.LotId equals l.Id into lotsOf
                    from l in lotsOf.DefaultIfEmpty()
                    join p in db.Participants on a.ParticipantId equals p.Id into participantsOf
                    from p in participantsOf.DefaultIfEmpty()
                    orderby a.OccurredAt, a.Id
                    select new AuditRow(
                        a.OccurredAt, a.UserName, a.Action, a.EntityType, a.EntityId, l == null ? null : l.Code, p == null ? null : p.Reference,
                        p == null ? null : p.Lot!.Code, a.Summary, a.Reason, a.Changes))
                .AsAsyncEnumerable());
        });

    private sealed record AuditRow(
        DateTimeOffset OccurredAt, string UserName, string Action, string EntityType, string? EntityId, string? LotCode, string? ParticipantReference,
        string? ParticipantLotCode, string? Summary, string? Reason, string? Changes);

    private static readonly TimeZoneInfo LondonZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static string TimeInLondon(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, LondonZone).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private static DateTimeOffset StartOfDayInLondon(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, LondonZone.GetUtcOffset(midnight)).ToUniversalTime();
    }
}
