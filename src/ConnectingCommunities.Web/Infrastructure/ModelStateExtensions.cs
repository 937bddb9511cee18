using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ConnectingCommunities.Web.Infrastructure;

public static class ModelStateExtensions
{
    /// <summary>
    /// Shows the page's own parsing errors first, then the handler's, each once per field; a conflict
    /// is shown without a field.
    /// </summary>
    public static void AddResult<T>(this ModelStateDictionary modelState, FieldErrors parsingErrors, Result<T> result)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(parsingErrors);
        ArgumentNullException.ThrowIfNull(result);
        var merged = new FieldErrors();
        foreach (var (field, message) in parsingErrors)
        {
            merged.Add(field, message);
        }

        foreach (var (field, message) in result.Errors ?? new FieldErrors())
        {
            merged.Add(field, message);
        }

        if (result.Status == ResultStatus.Conflict)
        {
            merged.Add("", result.Detail ?? "The record changed while you were editing it.");
        }

        modelState.AddErrors(merged);
    }

    public static void AddErrors(this ModelStateDictionary modelState, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, message) in errors)
        {
            modelState.AddModelError(field, message);
        }
    }
}
