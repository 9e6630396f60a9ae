using System.Globalization;
using System.Text.RegularExpressions;
using PlanTracker.Core.Deadlines;

namespace PlanTracker.Core.Import.Documents;

/// <summary>
/// Reads the task table of pasted text: section rows ("1 Cải cách thể chế"), lettered tasks ("a) ..."), "-" sub-items,
/// and within each row the cells in column order. Every row it is not sure of gets a problem at its lines.
/// </summary>
internal sealed partial class TextRowReader(TextUnits units, int year)
{
    private static readonly string[] DeadlineWords =
        ["Quý", "Trong", "Thường", "Tháng", "Hàng", "Hằng", "Theo", "Định kỳ", "Trước", "Đến", "Năm", "Từ", "Cuối", "Đầu", "Ngày", "6 tháng", "06 tháng"];

    private static readonly string[] Joining = ["của", "và", "theo", "với", "tại", "trên", "đến", "trước"];

    private int actWidth;
    private readonly Dictionary<string, string> footnotes = [];

    public void ReadTable(string[] lines, int start, List<SectionDto> sections, List<ReadingProblem> problems)
    {
        var headerLines = new List<string> { TextCells.Collapse(lines[start]) };
        var i = start + 1;
        for (; i < lines.Length; i++)
        {
            var l = TextCells.Collapse(lines[i]);
            if (l.Length == 0) continue;
            if (l.Length > 12 || !HeaderWord().IsMatch(l)) break;
            headerLines.Add(l);
        }

        // The table's lines, without page-break header repeats, page numbers and footnotes.
        var table = new List<(int Line, string Raw)>();
        var breaks = new List<int>();
        var end = Array.FindIndex(lines, i, l => RomanHeading().IsMatch(l.Trim()));
        if (end < 0) end = lines.Length;
        for (; i < end; i++)
        {
            if (lines[i].Length == 0) continue;
            var l = TextCells.Collapse(lines[i]);
            if (l == headerLines[0])
            {
                breaks.Add(i + 1);
                var h = 1;
                for (i++; i < end && h < headerLines.Count; i++)
                {
                    var next = TextCells.Collapse(lines[i]);
                    if (next.Length == 0) continue;
                    if (next != headerLines[h]) break;
                    h++;
                }
                i--;
                continue;
            }
            if (Number().IsMatch(l) && NextText(lines, i + 1, end) == headerLines[0]) continue;
            table.Add((i + 1, lines[i]));
        }
        // The activity column's width: the median first line of a task, which is always a full line.
        var firsts = table.Where(t => Label().IsMatch(t.Raw.Trim())).Select(t => TextCells.Collapse(t.Raw).Length).Order().ToList();
        actWidth = Math.Max(20, firsts.Count == 0 ? 30 : firsts[firsts.Count / 2]);
        // Footnotes at the foot of a page run across the whole page, wider than any cell.
        // A footnote starts with its number, which the table prints glued to a word ("NĐ-CP1"); its text is kept.
        var markers = table.SelectMany(t => Marker().Matches(t.Raw).Select(m => m.Value)).ToHashSet();
        // Footnotes run to the foot of the page: every line after one, up to the repeated header, is footnote text.
        var wide = new HashSet<int>();
        string? open = null;
        var pageEnd = int.MaxValue;
        foreach (var (index, (line, raw)) in table.Index())
        {
            var l = TextCells.Collapse(raw);
            if (line > pageEnd) open = null;
            if (FootnoteStart().Match(l) is { Success: true } f && l.Length > actWidth * 1.6 && markers.Contains(f.Groups[1].Value) && !footnotes.ContainsKey(f.Groups[1].Value))
            {
                footnotes[open = f.Groups[1].Value] = f.Groups[2].Value;
                pageEnd = breaks.Where(b => b > line).DefaultIfEmpty(int.MaxValue).Min();
            }
            else if (open is not null)
                footnotes[open] = TextCells.Collapse(footnotes[open] + " " + l);
            else if (l.Length <= actWidth * 1.6 || SectionRow().IsMatch(l))
                continue;
            wide.Add(index);
        }
        table = [.. table.Where((_, index) => !wide.Contains(index))];

        SectionDto? section = null;
        TaskDto? task = null;
        var letter = -1;
        var row = new List<(int Line, string Raw)>();
        TaskDto? rowTask = null;
        void Flush()
        {
            if (rowTask is not null && row.Count > 0) ReadRow(rowTask, row, breaks, problems);
            row = [];
            rowTask = null;
        }
        var titleOpen = false;
        foreach (var (line, raw) in table)
        {
            var l = TextCells.Collapse(raw);
            if (SectionRow().Match(l) is { Success: true } s && int.Parse(s.Groups[1].Value, CultureInfo.InvariantCulture) == sections.Count + 1)
            {
                Flush();
                section = new SectionDto { Number = sections.Count + 1, Title = s.Groups[2].Value, Tasks = [] };
                sections.Add(section);
                task = null;
                letter = -1;
                titleOpen = true;
                continue;
            }
            if (Label().Match(l) is { Success: true } m && section is not null && TaskLabels.Letters.IndexOf(m.Groups[1].Value, StringComparison.Ordinal) > letter)
            {
                Flush();
                letter = TaskLabels.Letters.IndexOf(m.Groups[1].Value, StringComparison.Ordinal);
                task = new TaskDto { Code = $"{section.Number}.{m.Groups[1].Value}", Subtasks = [] };
                section.Tasks!.Add(task);
                rowTask = task;
                titleOpen = false;
            }
            else if (SubItem().IsMatch(l) && task is not null && RowHasDeadline(row))
            {
                Flush();
                var sub = new TaskDto { Code = $"{task.Code}.{task.Subtasks!.Count + 1}", Subtasks = [] };
                task.Subtasks.Add(sub);
                rowTask = sub;
            }
            else if (rowTask is null)
            {
                if (titleOpen && section is not null && l.Length > 0) section.Title = TextCells.Collapse(section.Title + " " + l);
                else if (l.Length > 0) problems.Add(new(TextPlanReader.Place(line, line), $"Dòng nằm ngoài mọi nhiệm vụ, không đọc được: “{l}”."));
                continue;
            }
            row.Add((line, raw));
        }
        Flush();
    }

    private static string NextText(string[] lines, int from, int end)
    {
        for (var i = from; i < end; i++)
            if (TextCells.Collapse(lines[i]) is { Length: > 0 } l) return l;
        return "";
    }

    private static bool RowHasDeadline(List<(int Line, string Raw)> row) =>
        row.Skip(1).Any(r => Regex.Split(r.Raw.Trim(), @"\s{2,}").Any(p => IsDeadlineStart(p)));

    private void ReadRow(TaskDto task, List<(int Line, string Raw)> row, List<int> breaks, List<ReadingProblem> problems)
    {
        var first = row[0].Line;
        var last = row[^1].Line;
        var place = TextPlanReader.Place(first, last);
        task.Source = place;
        task.LeadUnits = [];
        task.CoordinatingUnits = [];
        task.Deliverables = [];
        void Problem(string message) => problems.Add(new(place, message));

        var pieces = Pieces(row);
        if (pieces.Count == 0) { Problem("Dòng nhiệm vụ trống."); return; }
        var label = LabelPrefix().Match(pieces[0].Text);
        pieces[0] = pieces[0] with { Text = pieces[0].Text[label.Length..] };
        // "d)  Tăng cường": a wide gap after the label is not a cell border.
        if (pieces[0].Text.Length == 0 && pieces.Count > 1 && pieces[1].Line == pieces[0].Line)
        {
            pieces.RemoveAt(0);
            pieces[0] = pieces[0] with { SharesLine = false };
        }
        var firstWidth = TextCells.Collapse(row[0].Raw).Length;

        // Activity: the first cell, as long as each line was full when the next began.
        var n = 1;
        var unsure = false;
        var prevWidth = firstWidth;
        for (; n < pieces.Count; n++)
        {
            var p = pieces[n];
            if (p.SharesLine || pieces[n - 1].EndsCell) break;
            var room = actWidth - 5 - (prevWidth + 1 + p.FirstWord.Length);
            // Letters are not all as wide: a line within a few letters of the width may or may not have been full.
            if (Math.Abs(room) <= 6 && p.Text.Length <= ProductWidth + 4) unsure = true;
            if (room >= 0) break;
            prevWidth = p.Text.Length;
        }

        task.Activity = Unmarked(TextCells.Join(pieces.Take(n)), task);
        if (task.Activity.Length == 0) Problem("Ô hoạt động trống.");
        if (task.Activity.EndsWith(',') || Joining.Any(w => task.Activity.EndsWith(" " + w, StringComparison.Ordinal))
            || (n < pieces.Count && char.IsLower(pieces[n].Text[0]))) unsure = true;
        if (unsure)
            Problem($"Không chắc ô hoạt động kết thúc ở đâu (đã đọc: “…{task.Activity[Math.Max(0, task.Activity.Length - 40)..]}”): dòng cuối có thể thuộc ô sản phẩm; hãy kiểm tra.");

        // Then groups of [product, units] [deadline]: a product row after a deadline is another deliverable.
        var groups = new List<(List<TextPiece> Body, List<TextPiece> Deadline)>();
        var body = new List<TextPiece>();
        var deadline = new List<TextPiece>();
        foreach (var p in pieces.Skip(n))
        {
            if (deadline.Count > 0)
            {
                if (ContinuesDeadline(TextCells.Join(deadline), p)) { deadline.Add(p); continue; }
                groups.Add((body, deadline));
                body = [];
                deadline = [];
            }
            if (IsDeadlineStart(p.Text)) deadline.Add(p);
            else body.Add(p);
        }
        if (body.Count > 0 || deadline.Count > 0) groups.Add((body, deadline));
        if (groups.Count == 0) { Problem("Chỉ đọc được ô hoạt động; không thấy sản phẩm, đơn vị và thời hạn."); return; }

        var (productStart, lead, coord, unitNote) = Units(groups[0].Body);
        if (lead is null)
            Problem($"Không tách được sản phẩm và đơn vị chủ trì: “{TextCells.Join(groups[0].Body)}”.");
        else
        {
            task.LeadUnits = lead;
            task.CoordinatingUnits = coord!;
            if (unitNote is not null) problems.Add(unitNote.IsError ? new(place, unitNote.Message) : ReadingProblem.Warning(place, unitNote.Message));
        }
        for (var g = 0; g < groups.Count; g++)
        {
            var productPieces = g == 0 ? productStart : groups[g].Body;
            var due = groups[g].Deadline.Count > 0 ? Unmarked(TextCells.Join(groups[g].Deadline), task) : null;
            if (due is null) Problem("Không thấy ô thời hạn của sản phẩm.");
            else if (DeadlineParser.Parse(due, year).Kind == DeadlineKind.Unparsed) Problem($"Ô thời hạn không đọc được: “{due}”.");
            var products = Products(productPieces);
            if (products.Count == 0) Problem("Không thấy ô sản phẩm.");
            foreach (var product in products.Select(p => Unmarked(p, task))) task.Deliverables.Add(new DeliverableDto { Product = product, Deadline = due });
        }
        var broken = breaks.Where(b => b > first && b < last).ToList();
        if (broken.Count > 0)
            Problem($"Dòng bảng bị ngắt trang (tiêu đề lặp lại ở dòng {string.Join(", ", broken)}): các ô nối tiếp sau trang mới có thể đã bị ghép sai cột; hãy kiểm tra.");
    }

    /// <summary>The text without the footnote numbers glued to its words; their footnotes go to the task.</summary>
    private string Unmarked(string text, TaskDto task) => Marker().Replace(text, m =>
    {
        if (!footnotes.TryGetValue(m.Value, out var footnote)) return m.Value;
        task.Footnotes ??= [];
        if (!task.Footnotes.Contains(footnote)) task.Footnotes.Add(footnote);
        return "";
    });

    private int ProductWidth => (int)(actWidth * 0.6);

    /// <summary>
    /// The product pieces of a product-and-units run, and its lead and coordinating units: the units start at the
    /// first word from which the rest reads as units, at a line's start or inside one, where a PDF put the product's
    /// last words and the units' first on one line with a single space ("Báo cáo kết quả Sở Y tế Đơn vị").
    /// </summary>
    private (List<TextPiece> Product, List<string>? Lead, List<string>? Coord, ReadingProblem? Note) Units(List<TextPiece> body)
    {
        var words = new List<(int Piece, TextPiece Word)>();
        foreach (var (index, piece) in body.Index())
        {
            var split = piece.Text.Split(' ');
            for (var i = 0; i < split.Length; i++)
                words.Add((index, new TextPiece(piece.Line, split[i], i == 0 && piece.SharesLine, i == split.Length - 1 && piece.EndsCell)));
        }
        for (var k = 1; k < words.Count; k++)
        {
            if (!units.StartsUnit(words[k].Word.Text)) continue;
            // A product does not end on a comma or a joining word ("Kế hoạch của | UBND TP").
            var before = words[k - 1].Word.Text;
            if (before.EndsWith(',') || before.EndsWith(';') || Joining.Contains(before)) continue;
            var split = SplitUnits([.. words.Skip(k).Select(w => w.Word)]);
            if (split.Lead is null) continue;
            var product = words.Take(k).GroupBy(w => w.Piece)
                .Select(g => body[g.Key] with { Text = string.Join(' ', g.Select(w => w.Word.Text)) }).ToList();
            return (product, split.Lead, split.Coord, split.Note);
        }
        return (body, null, null, null);
    }

    private (List<string>? Lead, List<string>? Coord, ReadingProblem? Note) SplitUnits(List<TextPiece> pieces)
    {
        var clean = new List<(int S, List<string> Lead, List<string> Coord)>();
        List<string>? alone = null;
        for (var s = 1; s <= pieces.Count; s++)
        {
            var leadText = TextCells.Join(pieces.Take(s));
            var lead = units.Split(leadText);
            if (lead is null) continue;
            if (s == pieces.Count) { alone = lead; break; }
            if (leadText.EndsWith(',') || leadText.EndsWith(';') || leadText.EndsWith(" và", StringComparison.Ordinal)) continue;
            if (units.Split(TextCells.Join(pieces.Skip(s))) is { } coord) clean.Add((s, lead, coord));
        }
        if (clean.Count == 1) return (clean[0].Lead, clean[0].Coord, null);
        if (clean.Count > 1)
        {
            var marked = clean.Where(c => pieces[c.S - 1].EndsCell || pieces[c.S].SharesLine).ToList();
            if (marked.Count == 1) return (marked[0].Lead, marked[0].Coord, null);
            return (clean[0].Lead, clean[0].Coord, new ReadingProblem("", $"Không chắc ranh giới giữa đơn vị chủ trì và đơn vị phối hợp: “{TextCells.Join(pieces)}”."));
        }
        if (alone is not null)
            return (alone, [], ReadingProblem.Warning("", $"Chỉ có một ô đơn vị (“{TextCells.Join(pieces)}”): đã xem là đơn vị chủ trì, ô đơn vị phối hợp để trống; hãy kiểm tra."));
        return (null, null, null);
    }

    /// <summary>A product cell's products: its "-" items, else the parts between ";" and before ", Capitalised".</summary>
    private List<string> Products(List<TextPiece> pieces)
    {
        if (pieces.Count == 0) return [];
        var items = new List<List<TextPiece>>();
        var dashed = pieces.Any(p => p.Text.StartsWith('-'));
        foreach (var p in pieces)
        {
            var starts = items.Count == 0
                || (dashed ? p.Text.StartsWith('-')
                    : StartsCapitalised(p.Text) && !items[^1][^1].Text.EndsWith(',') && items[^1][^1].Text.Length + 1 + p.FirstWord.Length <= ProductWidth * 0.7);
            if (starts) items.Add([]);
            items[^1].Add(p);
        }
        var products = new List<string>();
        foreach (var item in items)
        {
            var text = TextCells.Join(item).TrimStart('-', ' ').TrimEnd(';', ' ');
            products.AddRange(dashed ? [text] : ProductSplit().Split(text).Select(t => t.Trim()).Where(t => t.Length > 0));
        }
        return products;
    }

    private static bool StartsCapitalised(string text) => text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1]);

    private static bool IsDeadlineStart(string text)
    {
        text = text.Trim();
        return DeadlineWords.Any(w => text.StartsWith(w, StringComparison.Ordinal) && (text.Length == w.Length || !char.IsLetter(text[w.Length])));
    }

    private static bool ContinuesDeadline(string sofar, TextPiece p)
    {
        if (p.Text.Length == 0) return true;
        if (char.IsLower(p.Text[0]) || char.IsDigit(p.Text[0]) || p.Text[0] == '(') return !p.SharesLine || sofar.Length == 0;
        if (sofar.EndsWith('-') || sofar.EndsWith(',')) return true;
        return Joining.Any(w => sofar.EndsWith(" " + w, StringComparison.Ordinal));
    }

    /// <summary>The row's lines cut at wide gaps; a line ending in a wide gap or followed by a blank line ends its cell.</summary>
    private static List<TextPiece> Pieces(List<(int Line, string Raw)> row)
    {
        var pieces = new List<TextPiece>();
        foreach (var (line, raw) in row)
        {
            if (raw.Trim().Length == 0)
            {
                if (pieces.Count > 0) pieces[^1] = pieces[^1] with { EndsCell = true };
                continue;
            }
            var parts = Regex.Split(raw.Trim(), @"\s{2,}");
            var endsWide = raw.EndsWith("  ", StringComparison.Ordinal);
            for (var k = 0; k < parts.Length; k++)
                pieces.Add(new TextPiece(line, TextCells.Collapse(parts[k]), parts.Length > 1, endsWide && k == parts.Length - 1));
        }
        return pieces;
    }

    [GeneratedRegex(@"^[\p{L} ]+$")]
    private static partial Regex HeaderWord();

    [GeneratedRegex(@"^[IVXLC]+\.\s+\p{Lu}")]
    private static partial Regex RomanHeading();

    [GeneratedRegex(@"(?<=\p{Lu})\d{1,2}(?=[\s,.;:)]|$)")]
    private static partial Regex Marker();

    [GeneratedRegex(@"^(\d{1,2})\s+(\p{Lu}.*)$")]
    private static partial Regex FootnoteStart();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^(\d+)\.?\s+(\p{Lu}.*)$")]
    private static partial Regex SectionRow();

    [GeneratedRegex(@"^([a-zđ])\)\s*")]
    private static partial Regex Label();

    [GeneratedRegex(@"^([a-zđ])\)\s*|^[-–]\s*")]
    private static partial Regex LabelPrefix();

    [GeneratedRegex(@"^[-–]\s*\S")]
    private static partial Regex SubItem();

    [GeneratedRegex(@";\s+|,\s+(?=\p{Lu}\p{Ll})")]
    private static partial Regex ProductSplit();
}
