using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PlanTracker.Core.Import.Documents;

/// <summary>
/// Reads a plan from a Word document: the letterhead, then the task table found by its header. Tables after it
/// with the same header (the table continued on another page) are read as the same table.
/// </summary>
public static class WordPlanReader
{
    public static DocumentReading Read(WordprocessingDocument document)
    {
        var body = document.MainDocumentPart?.Document?.Body
            ?? throw new DocumentRefusedException("Tệp Word không có nội dung.");
        var problems = new List<ReadingProblem>();
        var letterhead = new List<string>();
        var tasks = new WordTaskTable(problems);
        WordColumns? columns = null;
        (int Table, WordColumns Columns)? partial = null;
        var tableNumber = 0;
        foreach (var element in body.Elements())
        {
            if (element is Paragraph paragraph)
            {
                // An empty paragraph is kept as "": it ends the title under "KẾ HOẠCH".
                if (columns is null) letterhead.AddRange(WordTable.Lines(paragraph) is { Count: > 0 } lines ? lines : [""]);
                continue;
            }
            if (element is not Table table) continue;
            tableNumber++;
            var rows = WordTable.Rows(table);
            var headerAt = rows.Take(3).Select(WordColumns.FromHeader).Index().FirstOrDefault(h => h.Item is not null);
            var found = headerAt.Item;
            if (found is not null && found.Complete && (columns is null || found.SameAs(columns)))
            {
                if (columns is null) tasks.WarnExtraColumns(found, tableNumber, rows[headerAt.Index].Number);
                columns = found;
                tasks.Read(rows.Skip(headerAt.Index + 1), rows[headerAt.Index], columns, tableNumber);
            }
            else if (columns is null)
            {
                if (found is not null) partial ??= (tableNumber, found);
                letterhead.AddRange(rows.SelectMany(r => r.Distinct()).SelectMany(c => c.Lines));
            }
        }

        if (columns is null)
        {
            problems.Add(partial is { } p
                ? new ReadingProblem($"Bảng {p.Table}", "Bảng không có đủ các cột của bảng nhiệm vụ. Đã nhận ra: "
                    + string.Join(", ", p.Columns.Found.Keys.Order().Select(WordColumns.Name))
                    + ". Còn thiếu: " + string.Join(", ", p.Columns.Missing.Select(WordColumns.Name)) + ".")
                : new ReadingProblem("Tài liệu", $"Không tìm thấy bảng nhiệm vụ: tài liệu có {tableNumber} bảng nhưng không bảng nào có hàng tiêu đề gồm các cột "
                    + string.Join(", ", WordColumns.Required.Select(WordColumns.Name)) + "."));
        }
        var header = WordLetterhead.Read(letterhead, problems);
        return new DocumentReading(new PlanFile { Plan = header, Objectives = [], Sections = tasks.Sections, Duties = [] }, problems);
    }
}
