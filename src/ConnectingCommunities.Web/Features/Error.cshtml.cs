using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "Sorry, there is a problem with the service";

    public IReadOnlyList<string> Lines { get; private set; } = [];

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var status = code ?? StatusCodes.Status500InternalServerError;
        Response.StatusCode = status;
        (Heading, Lines) = status switch
        {
            404 => ("Page not found", (IReadOnlyList<string>)["If you typed the web address, check it is correct.", "If you pasted the web address, check you copied the entire address."]),
            403 => ("You do not have access to this page", ["Your role does not include this part of the service. If you need it for your work, ask a commissioner to change your access."]),
            429 => ("Too many attempts", ["Wait a minute and try again."]),
            400 => ("Sorry, there is a problem with the request", ["Go back and try again."]),
            _ => ("Sorry, there is a problem with the service", ["Try again later. What you entered has not been saved."]),
        };
    }
}
