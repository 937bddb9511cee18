using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ConnectingCommunities.Data.Demo;

/// <summary>
/// The content of demo evidence files: a one-page PDF that says plainly it is synthetic demo
/// evidence and what it stands for (a payslip, a contract or an employer's letter for a
/// participant reference), so a download from the demo opens as a real document. Each file's
/// text differs, so each has its own SHA-256, as uploaded files do.
/// </summary>
internal static class DemoEvidence
{
    public const string ContentType = "application/pdf";
    public const string Extension = ".pdf";

    /// <summary>A valid PDF 1.4 of one A4 page with the lines of text given (ASCII).</summary>
    public static byte[] Pdf(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var text = new StringBuilder("BT /F1 12 Tf 56 780 Td 16 TL\n");
        foreach (var line in lines)
        {
            text.Append('(').Append(Escape(line)).Append(") Tj T*\n");
        }

        text.Append("ET\n");
        var stream = text.ToString();
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            string.Create(CultureInfo.InvariantCulture, $"<< /Length {stream.Length} >>\nstream\n{stream}endstream"),
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new int[objects.Length];
        for (var i = 0; i < objects.Length; i++)
        {
            offsets[i] = pdf.Length;
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        // Every character is ASCII, so characters and bytes count alike and the offsets hold.
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static string Escape(string line)
    {
        var ascii = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            // PDF strings escape brackets and backslashes; anything outside ASCII is left out of the demo text.
            if (c is '(' or ')' or '\\')
            {
                ascii.Append('\\').Append(c);
            }
            else if (c is >= ' ' and <= '~')
            {
                ascii.Append(c);
            }
            else if (c == '£')
            {
                ascii.Append("GBP ");
            }
        }

        return ascii.ToString();
    }
}

/// <summary>
/// Writes demo evidence files into the evidence folder the web app reads (Evidence:Folder) while the
/// rows are loaded, and removes them again if the load fails, so no row points at a missing file and
/// no file is left without a row.
/// </summary>
public sealed class DemoEvidenceWriter(string folder)
{
    private readonly List<string> written = [];

    public string Folder { get; } = Path.GetFullPath(folder);

    public int FilesWritten => written.Count;

    internal async Task WriteAsync(IReadOnlyList<(string StoredFileName, byte[] Content)> files, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            return;
        }

        Directory.CreateDirectory(Folder);
        foreach (var (name, content) in files)
        {
            var path = Path.Combine(Folder, name);
            await using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: false))
            {
                await stream.WriteAsync(content, cancellationToken);
            }

            written.Add(path);
        }
    }

    /// <summary>Removes every file this writer wrote (a failed load).</summary>
    internal void RemoveWritten()
    {
        foreach (var path in written)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // A file that cannot be removed is left; its row was never committed.
            }
        }

        written.Clear();
    }
}
