using System.Runtime.CompilerServices;
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
        // The handler checks fields in the form's order (an unreadable value reaches it as missing),
        // so its order leads; the page's own message about an unreadable value is the more precise one.
        var parsing = parsingErrors.ToDictionary(e => e.Key, e => e.Value);
        var merged = new FieldErrors();
        foreach (var (field, message) in result.Errors ?? new FieldErrors())
        {
            merged.Add(field, parsing.GetValueOrDefault(field) ?? message);
        }

        foreach (var (field, message) in parsingErrors)
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
        var order = ErrorOrder.GetOrCreateValue(modelState);
        foreach (var (field, message) in errors)
        {
            modelState.AddModelError(field, message);
            if (!order.Contains(field, StringComparer.OrdinalIgnoreCase))
            {
                order.Add(field);
            }
        }
    }

    /// <summary>
    /// The order errors were found in, which follows the form's fields: ModelState itself keeps
    /// keys in an order of its own, and the error summary must list errors as the page does.
    /// </summary>
    public static int ErrorPosition(this ModelStateDictionary modelState, string key)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var order = ErrorOrder.TryGetValue(modelState, out var known) ? known : [];
        var index = order.FindIndex(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? int.MaxValue : index;
    }

    private static readonly ConditionalWeakTable<ModelStateDictionary, List<string>> ErrorOrder = new();
}
