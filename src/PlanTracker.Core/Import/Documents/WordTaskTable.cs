using System.Globalization;
using System.Text.RegularExpressions;
using PlanTracker.Core.Text;

namespace PlanTracker.Core.Import.Documents;

/// <summary>
/// The rows of a task table, read into sections, tasks, sub-items and deliverables. A section row spans the table
/// ("I. CẢI CÁCH THỂ CHẾ"); a task row has a label ("a", "a)", "1.", "1.1") and an activity; a "-" row is a sub-item
/// of the task above; a row whose activity cell is empty or merged from above continues the task above with more
/// products. State carries over between tables, so a table continued on the next page goes on where it stopped.
/// </summary>
internal sealed partial class WordTaskTable(List<ReadingProblem> problems)
{

    public List<SectionDto> Sections { get; } = [];
    private SectionDto? section;
    private TaskDto? task;
    private TaskDto? owner; // the task or sub-item that the current row's products belong to
    private readonly HashSet<string> codes = [];

    public void WarnExtraColumns(WordColumns columns, int table, int row)
    {
        foreach (var extra in columns.Extra)
            problems.Add(ReadingProblem.Warning($"Bảng {table}, dòng {row}", $"Cột “{extra}” không thuộc bảng nhiệm vụ nên không được đọc."));
    }

    public void Read(IEnumerable<WordRow> rows, WordRow header, WordColumns columns, int table)
    {
        var headerTexts = Texts(header);
        foreach (var row in rows)
        {
            var place = $"Bảng {table}, dòng {row.Number}";
            var cells = row.Distinct().ToList();
            if (row.RepeatedHeader || Texts(row).SequenceEqual(headerTexts) || cells.All(c => c.IsEmpty || ColumnNumber().IsMatch(c.Text)))
                continue;
            if (SectionRow(row, columns, cells) is { } heading)
            {
                StartSection(heading, place);
                continue;
            }
            ReadTaskRow(row, columns, place);
        }
    }

    private static List<string> Texts(WordRow row) => [.. row.Distinct().Select(c => VietnameseText.SearchKey(c.Text))];

    /// <summary>The heading of a section row: one cell across the table, or a roman numeral with a title and nothing else.</summary>
    private static string? SectionRow(WordRow row, WordColumns columns, List<WordCell> cells)
    {
        var filled = cells.Where(c => !c.IsEmpty && !c.MergedFromAbove).ToList();
        if (filled.Count == 1 && filled[0].Span > 1 && filled[0].Span >= row.Cells.Length - 1) return filled[0].Text;
        var label = row.TextAt(columns[WordColumn.Label]);
        if (filled.Count == 2 && Roman().IsMatch(label.TrimEnd('.')) && row.TextAt(columns[WordColumn.Activity]).Length > 0)
            return label.TrimEnd('.') + ". " + row.TextAt(columns[WordColumn.Activity]);
        return null;
    }

    private void StartSection(string heading, string place)
    {
        var match = Heading().Match(heading);
        if (!match.Success)
        {
            problems.Add(ReadingProblem.Warning(place, $"Dòng “{heading}” trải hết bảng nhưng không có số mục (I., II., 1., 2.) nên không được đọc là một mục."));
            return;
        }
        var numeral = match.Groups[1].Value;
        var number = int.TryParse(numeral, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : RomanValue(numeral);
        section = new SectionDto { Number = number, Title = match.Groups[2].Value.Trim(), Tasks = [] };
        Sections.Add(section);
        task = owner = null;
    }

    private void ReadTaskRow(WordRow row, WordColumns columns, string place)
    {
        var label = row.TextAt(columns[WordColumn.Label]);
        var activity = row.TextAt(columns[WordColumn.Activity]);
        if (columns[WordColumn.Label] is null && TaskLabels.AtStart(activity) is { } prefixed)
            (label, activity) = (prefixed.Label, prefixed.Text.Trim());
        if (label.Length == 0 && activity.StartsWith('-') || label is "-" or "+" or "–")
        {
            (label, activity) = ("-", activity.TrimStart('-', '+', '–', ' '));
        }

        if (activity.Length == 0)
        {
            if (label.Length > 0 && label != "-")
                problems.Add(new ReadingProblem(place, $"Dòng có số thứ tự “{label}” nhưng không có nội dung nhiệm vụ; dòng này không được đọc."));
            else if (owner is null)
                problems.Add(new ReadingProblem(place, "Dòng không có nội dung nhiệm vụ và không thuộc nhiệm vụ nào ở trên."));
            else
            {
                AddUnits(owner, row, columns);
                AddDeliverables(owner, row, columns, place);
            }
            return;
        }

        section ??= ImplicitSection(place);
        if (label == "-")
        {
            if (task is null)
            {
                problems.Add(new ReadingProblem(place, $"Dòng “- {activity}” là ý con nhưng không có nhiệm vụ nào ở trên."));
                return;
            }
            owner = NewTask($"{task.Code}.{task.Subtasks!.Count + 1}", activity, row, columns, place, subItem: true);
            task.Subtasks.Add(owner);
        }
        else if (Dotted().Match(label.TrimEnd('.', ')')) is { Success: true } dotted && task is not null && dotted.Groups[1].Value == LabelOf(task))
        {
            owner = NewTask($"{task.Code}.{dotted.Groups[2].Value}", activity, row, columns, place, subItem: true);
            task.Subtasks!.Add(owner);
        }
        else
        {
            task = owner = NewTask(Code(label, place), activity, row, columns, place, subItem: false);
            section.Tasks!.Add(task);
        }
        AddDeliverables(owner, row, columns, place);
    }

    private string Code(string label, string place)
    {
        var clean = label.Trim().TrimEnd('.', ')').TrimStart('(').ToLowerInvariant();
        if (clean.Length == 0)
        {
            var last = section!.Tasks!.Count > 0 ? LabelOf(section.Tasks[^1]) : null;
            var next = last is { Length: 1 } && TaskLabels.Letters.IndexOf(last, StringComparison.Ordinal) is var i and >= 0 && i + 1 < TaskLabels.Letters.Length
                ? TaskLabels.Letters[i + 1].ToString() : last is null ? "a" : (section.Tasks.Count + 1).ToString(CultureInfo.InvariantCulture);
            problems.Add(ReadingProblem.Warning(place, $"Dòng không có số thứ tự; nhiệm vụ được đặt mã {section.Number}.{next}."));
            clean = next;
        }
        var parts = clean.Split('.');
        return parts.Length > 1 && parts[0] == section!.Number?.ToString(CultureInfo.InvariantCulture) ? clean : $"{section!.Number}.{clean}";
    }

    private static string? LabelOf(TaskDto t) => t.Code?[(t.Code.IndexOf('.', StringComparison.Ordinal) + 1)..];

    private TaskDto NewTask(string code, string activity, WordRow row, WordColumns columns, string place, bool subItem)
    {
        if (!codes.Add(code)) problems.Add(new ReadingProblem(place, $"Mã nhiệm vụ {code} trùng với một dòng ở trên."));
        var created = new TaskDto
        {
            Code = code, Activity = activity, Source = place, Deliverables = [], Subtasks = [],
            LeadUnits = Units(row, columns, WordColumn.Lead), CoordinatingUnits = Units(row, columns, WordColumn.Coordinating),
        };
        var shared = new[] { WordColumn.Lead, WordColumn.Coordinating }.Where(c => row.MergedAt(columns[c])).Select(WordColumns.Name).ToList();
        if (subItem && shared.Count > 0)
            created.Note = $"Ô {string.Join(" và ", shared)} gộp chung với nhiệm vụ {task!.Code}.";
        return created;
    }

    private static List<string> Units(WordRow row, WordColumns columns, WordColumn column) => UnitNames.Split(row.TextAt(columns[column]));

    private static void AddUnits(TaskDto to, WordRow row, WordColumns columns)
    {
        foreach (var unit in Units(row, columns, WordColumn.Lead).Where(u => !to.LeadUnits!.Contains(u))) to.LeadUnits!.Add(unit);
        foreach (var unit in Units(row, columns, WordColumn.Coordinating).Where(u => !to.CoordinatingUnits!.Contains(u))) to.CoordinatingUnits!.Add(unit);
    }

    private static IReadOnlyList<string> Cell(WordRow row, WordColumns columns, WordColumn column) =>
        row.At(columns[column]) is { MergedFromAbove: false } cell ? cell.Lines : [];

    /// <summary>
    /// The row's products, one per "-" line of the product cell (or the whole cell), each with the deadline cell's
    /// text; a deadline cell with as many "-" lines as there are products gives each its own.
    /// </summary>
    private void AddDeliverables(TaskDto to, WordRow row, WordColumns columns, string place)
    {
        var products = Items(Cell(row, columns, WordColumn.Product));
        var deadlineCell = row.At(columns[WordColumn.Deadline]);
        var deadlineLines = deadlineCell?.Lines ?? [];
        var deadlines = Items(deadlineLines);
        var deadline = VietnameseText.Clean(string.Join(" ", deadlineLines.Select(l => l.TrimStart('-', '+', '–', ' '))));
        if (products.Count == 0)
        {
            if (deadline.Length > 0 && deadlineCell is { MergedFromAbove: false })
                problems.Add(ReadingProblem.Warning(place, $"Dòng có thời hạn “{deadline}” nhưng không có sản phẩm; thời hạn này không được đọc."));
            return;
        }
        foreach (var (i, product) in products.Index())
            to.Deliverables!.Add(new DeliverableDto
            {
                Product = product,
                Deadline = deadlines.Count == products.Count && products.Count > 1 ? deadlines[i] : deadline.Length > 0 ? deadline : null,
            });
    }

    /// <summary>The items of a cell: one per line starting with "-", "+" or "•" (a line without continues the one before), or the whole cell.</summary>
    private static List<string> Items(IReadOnlyList<string> lines)
    {
        if (lines.Count == 0) return [];
        if (!lines.Any(l => Bullet().IsMatch(l))) return [VietnameseText.Clean(string.Join(" ", lines))];
        var items = new List<string>();
        foreach (var line in lines)
        {
            var bullet = Bullet().Match(line);
            if (bullet.Success || items.Count == 0) items.Add(line[bullet.Length..].Trim());
            else items[^1] += " " + line;
        }
        return [.. items.Where(i => i.Length > 0)];
    }

    private SectionDto ImplicitSection(string place)
    {
        problems.Add(ReadingProblem.Warning(place, "Bảng không có dòng mục (I., II., …) trước nhiệm vụ đầu tiên; các nhiệm vụ được xếp vào mục 1."));
        var implicitSection = new SectionDto { Number = 1, Title = "Nhiệm vụ", Tasks = [] };
        Sections.Add(implicitSection);
        return implicitSection;
    }

    private static int RomanValue(string roman)
    {
        var values = new Dictionary<char, int> { ['I'] = 1, ['V'] = 5, ['X'] = 10, ['L'] = 50, ['C'] = 100 };
        var total = 0;
        for (var i = 0; i < roman.Length; i++)
        {
            var v = values[char.ToUpperInvariant(roman[i])];
            total += i + 1 < roman.Length && values[char.ToUpperInvariant(roman[i + 1])] > v ? -v : v;
        }
        return total;
    }

    [GeneratedRegex(@"^([IVXLC]+|\d+)\s*[.):]\s*(.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^[IVXLC]+$")]
    private static partial Regex Roman();

    [GeneratedRegex(@"^(\d+)\.(\d+)$")]
    private static partial Regex Dotted();


    [GeneratedRegex(@"^[-+•–]\s*")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^\(?\d+\)?$")]
    private static partial Regex ColumnNumber();
}
