using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ConnectingCommunities.Web.Features.Evaluation.Report;

/// <summary>
/// Writes the report as a Word document: title and date, a heading per section (and per model), its paragraphs and
/// tables, each table under its caption.
/// A chart (or forest plot) is given as its data table under the chart's title: the same figures, readable by
/// screen readers and editable, rather than a picture.
/// </summary>
public static class ReportDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Write(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            document.PackageProperties.Title = report.Title;
            document.PackageProperties.Created = report.GeneratedAt.UtcDateTime;
            var body = new Body();
            body.Append(Paragraph(report.Title, "Title"));
            body.Append(Paragraph($"Produced on {Infrastructure.Formatting.Date(report.Date)}. Aggregate figures only; counts under 10 are suppressed.", null));
            var number = 0;
            foreach (var section in report.Sections)
            {
                body.Append(Paragraph($"{++number}. {section.Title}", "Heading1"));
                foreach (var block in section.Blocks)
                {
                    if (block.Subheading is { } heading)
                    {
                        body.Append(Paragraph(heading, "Heading2"));
                    }
                    else if (block.Paragraph is { } text)
                    {
                        body.Append(Paragraph(text, null));
                    }
                    else if (block.Table is { } table)
                    {
                        AppendTable(body, table, table.Title);
                    }
                    else if (block.Chart is { } chart)
                    {
                        AppendTable(body, EvaluationReport.ChartTable(chart), $"Chart: {chart.Title} (its data)");
                    }
                    else if (block.SvgData is { } data)
                    {
                        AppendTable(body, data, $"Figure: {data.Title} (its data)");
                    }
                }
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 16838U, Height = 11906U, Orient = PageOrientationValues.Landscape },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static void AppendTable(Body body, ReportTable table, string caption)
    {
        body.Append(Paragraph(caption, "Caption"));
        var grid = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        grid.Append(Row(table.Headings, header: true));
        foreach (var row in table.Rows)
        {
            grid.Append(Row(row, header: false));
        }

        body.Append(grid);
        if (table.Note is { } note)
        {
            body.Append(Paragraph(note, null));
        }
        else
        {
            body.Append(new Paragraph());
        }
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            // Repeats on every page and tells screen readers these are the column headings.
            row.Append(new TableRowProperties(new TableHeader()));
        }

        foreach (var text in cells)
        {
            var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
            if (header)
            {
                run.RunProperties = new RunProperties(new Bold());
            }

            row.Append(new TableCell(new Paragraph(run)));
        }

        return row;
    }

    private static Paragraph Paragraph(string text, string? style)
    {
        var paragraph = new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (style is not null)
        {
            paragraph.ParagraphProperties = new ParagraphProperties(new ParagraphStyleId { Val = style });
        }

        return paragraph;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial" },
                new FontSize { Val = "20" }))),
            HeadingStyle("Title", "Title", "40", 0),
            HeadingStyle("Heading1", "heading 1", "32", 0),
            HeadingStyle("Heading2", "heading 2", "24", 1),
            CaptionStyle(),
            new Style(new StyleName { Val = "Table Grid" }) { Type = StyleValues.Table, StyleId = "TableGrid" });
        styles.Styles.Save();
    }

    /// <summary>Word's caption style: a table's title, kept with its table, under the section's headings rather than one of them.</summary>
    private static Style CaptionStyle() =>
        new(
            new StyleName { Val = "caption" },
            new BasedOn { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "200", After = "80" }),
            new StyleRunProperties(new Bold(), new FontSize { Val = "22" }))
        {
            Type = StyleValues.Paragraph,
            StyleId = "Caption",
        };

    private static Style HeadingStyle(string id, string name, string size, int outline) =>
        new(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = outline }),
            new StyleRunProperties(new Bold(), new FontSize { Val = size }))
        {
            Type = StyleValues.Paragraph,
            StyleId = id,
        };
}
