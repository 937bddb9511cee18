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

    // Objects 1 to 4 never change, so their offsets and the cross-reference table are worked out once;
    // only the page's text stream (object 5) and the offset of the table after it vary.
    private static readonly string[] FixedObjects =
    [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ];

    private static readonly string Head = BuildHead();
    private static readonly string CrossReference = BuildCrossReference();

    private static readonly byte[] HeadBytes = Encoding.ASCII.GetBytes(Head);
    private static readonly byte[] CrossReferenceBytes = Encoding.ASCII.GetBytes(CrossReference);
    private static readonly byte[] TextStart = Encoding.ASCII.GetBytes("BT /F1 12 Tf 56 780 Td 16 TL\n");
    private static readonly byte[] LineEnd = Encoding.ASCII.GetBytes(") Tj T*\n");
    private static readonly byte[] TextEnd = Encoding.ASCII.GetBytes("ET\n");
    private static readonly byte[] StreamStart = Encoding.ASCII.GetBytes("5 0 obj\n<< /Length ");
    private static readonly byte[] StreamMiddle = Encoding.ASCII.GetBytes(" >>\nstream\n");
    private static readonly byte[] StreamEnd = Encoding.ASCII.GetBytes("endstream\nendobj\n");
    private static readonly byte[] FileEnd = Encoding.ASCII.GetBytes("\n%%EOF\n");

    /// <summary>A valid PDF 1.4 of one A4 page with the lines of text given (ASCII; other characters are left out).</summary>
    public static byte[] Pdf(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        // Written straight into bytes: the demo makes one of these for every evidence row.
        Span<byte> text = stackalloc byte[4096];
        var length = 0;
        Put(text, ref length, TextStart);
        foreach (var line in lines)
        {
            text[length++] = (byte)'(';
            foreach (var c in line)
            {
                if (length > text.Length - 16)
                {
                    break;
                }

                // PDF strings escape brackets and backslashes.
                if (c is '(' or ')' or '\\')
                {
                    text[length++] = (byte)'\\';
                    text[length++] = (byte)c;
                }
                else if (c is >= ' ' and <= '~')
                {
                    text[length++] = (byte)c;
                }
            }

            Put(text, ref length, LineEnd);
        }

        Put(text, ref length, TextEnd);
        Span<byte> number = stackalloc byte[12];
        length.TryFormat(number, out var lengthDigits, default, CultureInfo.InvariantCulture);
        var xref = HeadBytes.Length + StreamStart.Length + lengthDigits + StreamMiddle.Length + length + StreamEnd.Length;
        Span<byte> offset = stackalloc byte[12];
        xref.TryFormat(offset, out var offsetDigits, default, CultureInfo.InvariantCulture);
        var pdf = new byte[xref + CrossReferenceBytes.Length + offsetDigits + FileEnd.Length];
        var at = 0;
        Put(pdf, ref at, HeadBytes);
        Put(pdf, ref at, StreamStart);
        Put(pdf, ref at, number[..lengthDigits]);
        Put(pdf, ref at, StreamMiddle);
        Put(pdf, ref at, text[..length]);
        Put(pdf, ref at, StreamEnd);
        Put(pdf, ref at, CrossReferenceBytes);
        Put(pdf, ref at, offset[..offsetDigits]);
        Put(pdf, ref at, FileEnd);
        return pdf;
    }

    private static void Put(Span<byte> target, ref int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(target[at..]);
        at += bytes.Length;
    }

    private static string BuildHead()
    {
        var head = new StringBuilder("%PDF-1.4\n");
        for (var i = 0; i < FixedObjects.Length; i++)
        {
            head.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{FixedObjects[i]}\nendobj\n");
        }

        return head.ToString();
    }

    private static string BuildCrossReference()
    {
        var offsets = new List<int>();
        var position = "%PDF-1.4\n".Length;
        for (var i = 0; i < FixedObjects.Length; i++)
        {
            offsets.Add(position);
            position += string.Create(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{FixedObjects[i]}\nendobj\n").Length;
        }

        offsets.Add(position);
        var table = new StringBuilder().Append(CultureInfo.InvariantCulture, $"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        return table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n").ToString();
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
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

    public int FilesWritten
    {
        get
        {
            lock (written)
            {
                return written.Count;
            }
        }
    }

    /// <summary>
    /// Writes a batch's files. Demo names are the demo rows' ids, which no upload gets, so a file found
    /// under one is left from an earlier demo load whose database is gone (demo data goes only into a
    /// database without participants, so no row can point at it): it is replaced. Not for concurrent calls.
    /// </summary>
    internal Task WriteAsync(IReadOnlyList<(string StoredFileName, byte[] Content)> files, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            return Task.CompletedTask;
        }

        Directory.CreateDirectory(Folder);
        foreach (var (name, content) in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.Combine(Folder, name);
            // Small files written synchronously: one system call each, far cheaper than asynchronous file I/O.
            using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None))
            {
                stream.Write(content);
            }

            lock (written)
            {
                written.Add(path);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Removes every file this writer wrote (a failed load).</summary>
    internal void RemoveWritten()
    {
        List<string> paths;
        lock (written)
        {
            paths = [.. written];
            written.Clear();
        }

        foreach (var path in paths)
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
    }
}
