namespace ConnectingCommunities.Web.Features.Outcomes;

/// <summary>A file type evidence may be: what its name ends with and how its content starts.</summary>
public sealed record EvidenceFileType(string Name, string ContentType, string Extension, IReadOnlyList<string> Extensions, byte[] Signature);

/// <summary>
/// Which files are accepted as evidence: PDF, JPEG or PNG, at most 10 MB, the type read from the
/// content (its first bytes) and the name's extension saying the same. A file whose name and
/// content disagree is refused: it is not what it says it is.
/// </summary>
public static class EvidenceFileChecks
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const string Allowed = "PDF, JPEG or PNG (.pdf, .jpg, .jpeg or .png)";

    public static readonly IReadOnlyList<EvidenceFileType> Types =
    [
        new("PDF", "application/pdf", ".pdf", [".pdf"], "%PDF-"u8.ToArray()),
        new("JPEG", "image/jpeg", ".jpg", [".jpg", ".jpeg"], [0xFF, 0xD8, 0xFF]),
        new("PNG", "image/png", ".png", [".png"], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
    ];

    /// <summary>The most bytes any signature needs.</summary>
    public static int HeaderLength => Types.Max(t => t.Signature.Length);

    public static EvidenceFileType? ByName(string? fileName)
    {
        var extension = Path.GetExtension(fileName ?? "");
        return Types.FirstOrDefault(t => t.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase));
    }

    public static EvidenceFileType? ByContent(ReadOnlySpan<byte> header)
    {
        foreach (var type in Types)
        {
            if (header.StartsWith(type.Signature))
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>The file's type when it may be kept, or null with the reason under "file".</summary>
    public static EvidenceFileType? Check(string? fileName, long length, ReadOnlySpan<byte> header, Infrastructure.FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (length <= 0)
        {
            errors.Add("file", "The selected file is empty: choose a PDF, JPEG or PNG file of the evidence");
            return null;
        }

        if (length > MaxBytes)
        {
            errors.Add("file", $"The selected file must be smaller than 10 MB (it is {OutcomeNames.Size(length)})");
            return null;
        }

        var named = ByName(fileName);
        if (named is null)
        {
            errors.Add("file", $"The selected file must be a {Allowed}");
            return null;
        }

        var content = ByContent(header);
        if (content is null)
        {
            errors.Add("file", $"The selected file is not a real {named.Name}: its content is not a {Allowed}");
            return null;
        }

        if (content != named)
        {
            errors.Add("file", $"The selected file is not what its name says: it is named as a {named.Name} but its content is a {content.Name}. Allowed: {Allowed}");
            return null;
        }

        return content;
    }
}
