using System.Globalization;
using ConnectingCommunities.Web.Features.SetUp.Areas;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.SetUp.Users;

public sealed class IndexModel(UserHandler handler) : PageModel
{
    public const int PageSize = 50;

    public PagedList<UserView> Users { get; private set; } = new([], 0, 1, PageSize);

    public string? Role { get; private set; }

    public IReadOnlyList<Choice> RoleChoices => UserChoices.Roles;

    public Pagination Pagination { get; private set; } = null!;

    /// <summary>"page" is read from the query string by name: Razor Pages' route values use that name too.</summary>
    public async Task OnGetAsync(string? role, [FromQuery(Name = "page")] string? pageNumber, CancellationToken cancellationToken)
    {
        Role = role;
        var page = int.TryParse(pageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 1;
        var result = await handler.ListAsync(role, page, PageSize, cancellationToken);
        if (result.Succeeded)
        {
            Users = result.Value!;
        }
        else
        {
            ModelState.AddResult(new FieldErrors(), result);
        }

        Pagination = new Pagination(Users.Page, Users.PageSize, Users.Total, "/setup/users",
            new Dictionary<string, string?> { ["role"] = role });
    }
}
