using ConnectingCommunities.Web.Infrastructure.Govuk;

namespace ConnectingCommunities.Web.Features.Brokerage.Vacancies;

/// <summary>What the shared vacancy fields need: the form, the employer (fixed, or a list to choose from) and the user's lots.</summary>
public sealed record VacancyFieldsModel(VacancyForm Form, string? EmployerName, IReadOnlyList<Choice> Employers, IReadOnlyList<Choice> Lots);
