using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using PlanTracker.Core.Text;

namespace PlanTracker.Core.Import.Documents;

/// <summary>
/// Reads a plan from a sheet: the app's own template (<see cref="ExcelTemplate"/>), or a similar sheet someone made,
/// found by its header row. Tasks merged down over their product rows, rows that continue a task with an empty task
/// cell, section rows ("I. CẢI CÁCH THỂ CHẾ") and labels ("a", "a)", "1.", "1.1", "-") are all read; task codes
/// follow the plan's own numbering ("2.m", sub-items "2.m.1").
/// </summary>
public static partial class ExcelPlanReader
{
    public static DocumentReading Read(SpreadsheetDocument workbook)
    {
        var grids = ExcelGrid.ReadAll(workbook);
        var problems = new List<ReadingProblem>();
        var plan = new PlanFile { Plan = ReadHeader(grids, problems), Sections = [] };

        var found = grids.Select(g => (Grid: g, Header: ExcelHeader.Find(g))).Where(f => f.Header is not null).ToList();
        if (found.Count == 0)
        {
            problems.Add(new ReadingProblem("Tệp Excel", grids.Count == 0 || grids.All(g => g.RowCount == 0)
                ? "Tệp Excel không có dữ liệu."
                : "Không tìm thấy trang tính nào có dòng tiêu đề của bảng nhiệm vụ (các cột Nhiệm vụ, Sản phẩm, Đơn vị chủ trì, Đơn vị phối hợp, Thời hạn)."));
            return new DocumentReading(plan, problems);
        }
        var (grid, header) = found.FirstOrDefault(f => Same(f.Grid.Name, ExcelTemplate.TaskSheet));
        if (grid is null) (grid, header) = found.MaxBy(f => f.Header!.Columns.Count);

        if (header!.Missing.ToList() is { Count: > 0 } missing)
        {
            problems.Add(new ReadingProblem(grid.Place(header.Row), $"Dòng tiêu đề thiếu cột: {string.Join(", ", missing)}."));
            return new DocumentReading(plan, problems);
        }
        foreach (var (column, text) in header.Extra)
            problems.Add(ReadingProblem.Warning(grid.Place(header.Row), $"Cột \"{text}\" (cột {column}) không thuộc bảng nhiệm vụ; bỏ qua."));

        new TaskRows(grid, header, plan.Sections, problems).Read();
        if (plan.Sections.Count == 0)
            problems.Add(new ReadingProblem(grid.Place(header.Row), "Bảng không có nhiệm vụ nào dưới dòng tiêu đề."));
        return new DocumentReading(plan, problems);
    }

    /// <summary>The "Kế hoạch" sheet's label/value rows; an empty header when the workbook has none (the admin fills it in).</summary>
    private static PlanHeaderDto ReadHeader(List<ExcelGrid> grids, List<ReadingProblem> problems)
    {
        var header = new PlanHeaderDto();
        if (grids.FirstOrDefault(g => Same(g.Name, ExcelTemplate.PlanSheet)) is not { } grid) return header;
        for (var row = 1; row <= grid.RowCount; row++)
        {
            var label = VietnameseText.SearchKey(grid[row, 1]).TrimEnd(':');
            var value = VietnameseText.Clean(grid[row, 2]);
            if (value.Length == 0) continue;
            if (label == Key(ExcelTemplate.Number)) header.Number = value;
            else if (label == Key(ExcelTemplate.Title)) header.Title = value;
            else if (label == Key(ExcelTemplate.Issuer)) header.Issuer = value;
            else if (label == Key(ExcelTemplate.SignedBy)) header.SignedBy = value;
            else if (label == Key(ExcelTemplate.SignerTitle)) header.SignerTitle = value;
            else if (label == Key(ExcelTemplate.Year))
            {
                if (int.TryParse(value, CultureInfo.InvariantCulture, out var year)) header.Year = year;
                else problems.Add(new ReadingProblem(grid.Place(row), $"Năm \"{value}\" không phải một năm."));
            }
            else if (label == Key(ExcelTemplate.IssuedOn))
            {
                if (DateOnly.TryParseExact(value, ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var issued))
                    header.IssuedOn = issued.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                else problems.Add(new ReadingProblem(grid.Place(row), $"Ngày ban hành \"{value}\" không đọc được; hãy ghi dạng dd/MM/yyyy."));
            }
        }
        return header;
    }

    private static string Key(string label) => VietnameseText.SearchKey(label);

    private static bool Same(string a, string b) => Key(a) == Key(b);

    /// <summary>The rows under the header, one at a time, with the section and task they continue.</summary>
    private sealed class TaskRows(ExcelGrid grid, ExcelHeader header, List<SectionDto> sections, List<ReadingProblem> problems)
    {
        private SectionDto? section;
        private TaskDto? task;      // the current lettered task
        private TaskDto? item;      // the task or sub-item the next continuation row adds to
        private int itemRow;

        public void Read()
        {
            for (var row = header.Row + 1; row <= grid.RowCount; row++)
            {
                if (IsBlank(row) || header.IsRepeatedIn(grid, row) || (row == header.Row + 1 && IsColumnNumbering(row))) continue;
                if (!header.Columns.ContainsKey(ExcelColumn.SectionNumber) && SectionRow(row) is { } heading)
                {
                    StartSection(heading.Number, heading.Title);
                    continue;
                }
                ReadTaskRow(row);
            }
        }

        private string Cell(int row, ExcelColumn column) => header.Columns.TryGetValue(column, out var c) ? grid[row, c] : "";

        private string Clean(int row, ExcelColumn column) => VietnameseText.Clean(Cell(row, column));

        private bool IsBlank(int row) => header.Columns.Values.All(c => grid[row, c].Length == 0);

        /// <summary>"(1) (2) (3)…" or "1 2 3…" under the header: the columns' numbers, not a task.</summary>
        private bool IsColumnNumbering(int row) =>
            header.Columns.Values.Select(c => grid[row, c]).Where(t => t.Length > 0).All(t => ColumnNumber().IsMatch(t));

        private (int Number, string Title)? SectionRow(int row)
        {
            var texts = header.Columns.Values.Order().Select(c => VietnameseText.Clean(grid[row, c])).Where(t => t.Length > 0).ToList();
            if (texts.Count == 0) return null;
            var first = texts[0];
            var oneText = texts.Distinct(StringComparer.Ordinal).Count() == 1;
            var bare = Clean(row, ExcelColumn.Product).Length == 0 && Clean(row, ExcelColumn.Lead).Length == 0 && Clean(row, ExcelColumn.Deadline).Length == 0;
            if (RomanHeading().Match(first) is { Success: true } roman && (oneText || bare))
                return (Roman(roman.Groups[1].Value), roman.Groups[2].Value);
            if (oneText && grid.IsMergedAcross(row) && NumberedHeading().Match(first) is { Success: true } numbered)
                return (int.Parse(numbered.Groups[1].Value, CultureInfo.InvariantCulture), numbered.Groups[2].Value);
            // "I" in the STT column and the title in the task column.
            if (bare && texts.Count == 2 && RomanNumeral().Match(Clean(row, ExcelColumn.Label)) is { Success: true } label)
                return (Roman(label.Groups[1].Value), Clean(row, ExcelColumn.Activity));
            return null;
        }

        private void StartSection(int number, string title)
        {
            section = sections.FirstOrDefault(s => s.Number == number);
            if (section is null)
            {
                section = new SectionDto { Number = number, Title = title, Tasks = [] };
                sections.Add(section);
            }
            else if (string.IsNullOrEmpty(section.Title)) section.Title = title;
            task = item = null;
        }

        private void ReadTaskRow(int row)
        {
            var place = grid.Place(row);
            if (header.Columns.ContainsKey(ExcelColumn.SectionNumber) && !SectionFromColumns(row, place)) return;

            var code = Clean(row, ExcelColumn.Code);
            var label = Clean(row, ExcelColumn.Label);
            var activity = Clean(row, ExcelColumn.Activity);
            if (code.Length == 0 && label.Length == 0 && TaskLabels.AtStart(activity) is { } labelled)
                (label, activity) = labelled;

            if (IsContinuation(row, code, label, activity))
            {
                AddUnits(item!, row);
                AddDeliverables(item!, row, firstRow: false);
                return;
            }
            if (activity.Length == 0)
            {
                if (Clean(row, ExcelColumn.Product).Length > 0 || Clean(row, ExcelColumn.Deadline).Length > 0)
                    problems.Add(new ReadingProblem(place, "Dòng có sản phẩm hoặc thời hạn nhưng không có nội dung nhiệm vụ."));
                else
                    problems.Add(new ReadingProblem(place, "Dòng có mã hoặc đơn vị nhưng không có nội dung nhiệm vụ."));
                return;
            }
            if (section is null)
            {
                problems.Add(ReadingProblem.Warning(place, "Nhiệm vụ đứng trước mọi lĩnh vực; được xếp vào lĩnh vực 1."));
                StartSection(1, "");
            }

            var (newCode, parent) = CodeOf(code, label, place);
            if (newCode is null) return;
            var created = new TaskDto
            {
                Code = newCode, Activity = activity, LeadUnits = [], CoordinatingUnits = [], Deliverables = [], Subtasks = [], Source = place,
            };
            AddUnits(created, row);
            AddDeliverables(created, row, firstRow: true);
            if (parent is null)
            {
                section!.Tasks!.Add(created);
                task = created;
            }
            else parent.Subtasks!.Add(created);
            item = created;
            itemRow = row;
        }

        /// <summary>The section of the row from the Lĩnh vực columns; false when it cannot be told.</summary>
        private bool SectionFromColumns(int row, string place)
        {
            var cell = Clean(row, ExcelColumn.SectionNumber);
            if (cell.Length == 0) return section is not null || Report(place, "Dòng không ghi lĩnh vực.");
            var match = NumberedHeading().Match(cell + " ");
            var number = match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
                : RomanNumeral().Match(cell) is { Success: true } roman ? Roman(roman.Groups[1].Value) : (int?)null;
            if (number is null) return Report(place, $"Lĩnh vực \"{cell}\" không phải một số.");
            var title = Clean(row, ExcelColumn.SectionTitle);
            if (title.Length == 0 && match.Success) title = match.Groups[2].Value.Trim();
            if (section?.Number != number) StartSection(number.Value, title);
            return true;
        }

        private bool Report(string place, string message)
        {
            problems.Add(new ReadingProblem(place, message));
            return false;
        }

        /// <summary>
        /// A row adds to the current task when its task cells are empty, merged down from the task's row, or repeat
        /// the task (the template repeats code and task on each product row so that filters keep them).
        /// </summary>
        private bool IsContinuation(int row, string code, string label, string activity)
        {
            if (item is null) return false;
            if (code.Length == 0 && label.Length == 0 && activity.Length == 0) return true;
            if (header.Columns.TryGetValue(ExcelColumn.Activity, out var a) && grid.IsCoveredFromAbove(row, a)) return true;
            if (code.Length > 0) return code == item.Code;
            return activity == item.Activity && (label.Length == 0 || label == VietnameseText.Clean(grid[itemRow, header.Columns.GetValueOrDefault(ExcelColumn.Label)]));
        }

        /// <summary>The task code and the parent task (null for a lettered task), from the Mã column or the printed label.</summary>
        private (string? Code, TaskDto? Parent) CodeOf(string code, string label, string place)
        {
            var s = section!.Number!.Value.ToString(CultureInfo.InvariantCulture);
            if (code.Length > 0)
            {
                var parts = code.Split('.');
                if (parts.Length <= 2) return (code, null);
                var parentCode = string.Join('.', parts[..^1]);
                var parent = task?.Code == parentCode ? task : section.Tasks!.FirstOrDefault(t => t.Code == parentCode);
                if (parent is not null) return (code, parent);
                problems.Add(ReadingProblem.Warning(place, $"Mã {code} là nội dung con của {parentCode} nhưng không có nhiệm vụ {parentCode}; đọc như một nhiệm vụ."));
                return (code, null);
            }
            var key = label.TrimEnd(')', '.').Trim().ToLowerInvariant();
            if (Letter().IsMatch(key) || TopNumber().IsMatch(key)) return ($"{s}.{key}", null);
            if (SubNumber().Match(key) is { Success: true } sub)
            {
                var parentCode = $"{s}.{sub.Groups[1].Value}";
                if (task?.Code == parentCode) return ($"{s}.{key}", task);
                problems.Add(ReadingProblem.Warning(place, $"Mục {label} đứng ngoài nhiệm vụ {parentCode}; đọc như một nhiệm vụ."));
                return ($"{s}.{key}", null);
            }
            if (key is "-" or "–" or "+" or "•")
            {
                if (task is null)
                {
                    problems.Add(new ReadingProblem(place, "Mục \"-\" không nằm dưới nhiệm vụ nào."));
                    return (null, null);
                }
                return ($"{task.Code}.{task.Subtasks!.Count + 1}", task);
            }
            var next = NextLetter(section.Tasks!);
            problems.Add(ReadingProblem.Warning(place, label.Length == 0
                ? $"Nhiệm vụ không có số thứ tự; đặt mã {s}.{next}."
                : $"Số thứ tự \"{label}\" không đọc được; đặt mã {s}.{next}."));
            return ($"{s}.{next}", null);
        }

        private static string NextLetter(List<TaskDto> tasks)
        {
            const string letters = "abcdđeghiklmnopqrstuvxy";
            var used = tasks.Select(t => t.Code!.Split('.')[^1]).ToHashSet();
            return letters.Select(l => l.ToString()).FirstOrDefault(l => !used.Contains(l)) ?? (tasks.Count + 1).ToString(CultureInfo.InvariantCulture);
        }

        private void AddUnits(TaskDto to, int row)
        {
            foreach (var unit in UnitNames.Split(Cell(row, ExcelColumn.Lead)).Where(u => !to.LeadUnits!.Contains(u))) to.LeadUnits!.Add(unit);
            foreach (var unit in UnitNames.Split(Cell(row, ExcelColumn.Coordinating)).Where(u => !to.CoordinatingUnits!.Contains(u))) to.CoordinatingUnits!.Add(unit);
        }

        /// <summary>
        /// One deliverable per product: a cell listing "-" products gives one each, with the deadline on the same line
        /// of a deadline cell listed alike, or the one deadline they share. The note goes to the task on its first row.
        /// </summary>
        private void AddDeliverables(TaskDto to, int row, bool firstRow)
        {
            var note = Clean(row, ExcelColumn.Note);
            if (firstRow && note.Length > 0) to.Note = note;
            var products = Listed(Cell(row, ExcelColumn.Product));
            var deadlines = Listed(Cell(row, ExcelColumn.Deadline));
            if (products.Count == 0 && deadlines.Count == 0) return;
            if (products.Count == 0) products.Add("");
            var shared = deadlines.Count == products.Count ? null : VietnameseText.Clean(Cell(row, ExcelColumn.Deadline));
            for (var i = 0; i < products.Count; i++)
                to.Deliverables!.Add(new DeliverableDto
                {
                    Product = products[i].Length == 0 ? null : products[i],
                    Deadline = shared ?? deadlines[i],
                    Note = firstRow || note.Length == 0 ? null : note,
                });
        }

        /// <summary>A cell of "-" lines as its items; any other cell as one item.</summary>
        private static List<string> Listed(string cell)
        {
            var lines = cell.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (lines.Length >= 2 && lines.All(l => Dash().IsMatch(l)))
                return lines.Select(l => VietnameseText.Clean(Dash().Replace(l, ""))).ToList();
            var whole = VietnameseText.Clean(cell);
            return whole.Length == 0 ? [] : [whole];
        }
    }

    private static int Roman(string numeral)
    {
        var values = new Dictionary<char, int> { ['I'] = 1, ['V'] = 5, ['X'] = 10, ['L'] = 50, ['C'] = 100 };
        var total = 0;
        for (var i = 0; i < numeral.Length; i++)
        {
            var v = values[numeral[i]];
            total += i + 1 < numeral.Length && values[numeral[i + 1]] > v ? -v : v;
        }
        return total;
    }

    [GeneratedRegex(@"^([IVXLC]+)[.):/]?\s+(\S.*)$")]
    private static partial Regex RomanHeading();

    [GeneratedRegex(@"^([IVXLC]+)[.)]?$")]
    private static partial Regex RomanNumeral();

    [GeneratedRegex(@"^(\d+)[.):]?\s+(\S.*)?$")]
    private static partial Regex NumberedHeading();


    [GeneratedRegex(@"^[a-zđ]$")]
    private static partial Regex Letter();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex TopNumber();

    [GeneratedRegex(@"^(\d+)\.\d+$")]
    private static partial Regex SubNumber();

    [GeneratedRegex(@"^\(?\d+\)?$")]
    private static partial Regex ColumnNumber();

    [GeneratedRegex(@"^\s*[-–•+]\s*")]
    private static partial Regex Dash();
}
