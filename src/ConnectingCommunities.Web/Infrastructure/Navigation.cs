using ConnectingCommunities.Data.Entities;

namespace ConnectingCommunities.Web.Infrastructure;

public sealed record NavigationItem(string Text, string Href)
{
    public bool IsActive(string path) =>
        Href == "/" ? path == "/" : path.StartsWith(Href, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The service navigation for the signed-in user's role.</summary>
public static class Navigation
{
    public static IReadOnlyList<NavigationItem> For(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsSignedIn)
        {
            return [];
        }

        var items = new List<NavigationItem> { new("Home", "/") };
        if (user.IsInRole(Roles.Advisor) || user.IsInRole(Roles.ProviderManager) || user.IsInRole(Roles.Commissioner))
        {
            items.Add(new("Caseload", "/participants"));
            items.Add(new("Checks due", "/sustainment-checks"));
            items.Add(new("Help requests", "/help-requests"));
            items.Add(new("Vacancies", "/vacancies"));
            items.Add(new("Employers", "/employers"));
        }

        if (user.IsInRole(Roles.ProviderManager) || user.IsInRole(Roles.Commissioner))
        {
            items.Add(new("Performance", "/performance"));
            items.Add(new("Claims", "/claims"));
            items.Add(new("Payments", "/payments"));
        }

        if (user.IsInRole(Roles.ProviderManager))
        {
            items.Add(new("Imports", "/imports"));
        }

        if (user.IsInRole(Roles.Commissioner))
        {
            items.Add(new("Reconciliation", "/reconciliation"));
            items.Add(new("Retention", "/retention"));
        }

        if (user.IsInRole(Roles.Evaluator) || user.IsInRole(Roles.Commissioner))
        {
            items.Add(new("Evaluation", "/evaluation"));
        }

        if (user.IsInRole(Roles.Commissioner))
        {
            items.Add(new("Lots", "/setup/lots"));
            items.Add(new("Providers", "/setup/providers"));
            items.Add(new("Tariffs", "/setup/tariffs"));
            items.Add(new("Targets", "/setup/targets"));
            items.Add(new("Users", "/setup/users"));
            items.Add(new("Programme", "/setup/programme"));
        }

        items.Add(new("Your account", "/account/two-factor"));
        return items;
    }
}
