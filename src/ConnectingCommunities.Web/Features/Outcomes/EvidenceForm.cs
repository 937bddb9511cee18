namespace ConnectingCommunities.Web.Features.Outcomes;

/// <summary>Reads an evidence upload from an API request's multipart form.</summary>
public static class EvidenceForm
{
    /// <summary>
    /// The "file" field with its optional "kind", or null when the request has no form or no file, so that a
    /// missing or wrong body is answered with a field error. Antiforgery is not needed: the API's cookie is
    /// SameSite=Lax, so another site cannot post with it.
    /// </summary>
    public static async Task<EvidenceUpload?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasFormContentType)
        {
            return null;
        }

        var form = await request.ReadFormAsync(cancellationToken);
        return EvidenceUpload.From(form.Files.GetFile("file"), form["kind"].FirstOrDefault());
    }
}
