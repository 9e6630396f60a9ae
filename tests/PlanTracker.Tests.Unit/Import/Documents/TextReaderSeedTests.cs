using System.Text.Json;
using System.Text.RegularExpressions;
using PlanTracker.Core.Import;
using PlanTracker.Core.Import.Documents;
using PlanTracker.Tests.Support;
using Xunit.Abstractions;

namespace PlanTracker.Tests.Unit.Import.Documents;

/// <summary>Plan 163 as pasted from its PDF against the hand transcription in seed/plan-163-2019.json.</summary>
public sealed partial class TextReaderSeedTests(ITestOutputHelper output)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    [Fact]
    public void Plan_163_text_reads_as_the_seed_or_says_where_not()
    {
        var expected = JsonSerializer.Deserialize<PlanFile>(File.ReadAllText(RepoPaths.PlanSeed), Json)!;
        var directory = JsonSerializer.Deserialize<UnitDirectoryFile>(File.ReadAllText(RepoPaths.UnitSeed), Json)!;
        var names = directory.Units!.SelectMany(u => (u.Aliases ?? []).Append(u.Name!))
            .Concat(directory.Groups!.SelectMany(g => (g.Aliases ?? []).Append(g.Name!)));
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Import", "Documents", "plan-163-2019.txt"));

        var reading = TextPlanReader.Read(text, names);

        var header = reading.Plan.Plan!;
        Assert.Equal(("163/KH-UBND", "2018-12-28", "Ủy ban nhân dân thành phố Cần Thơ", "Công tác cải cách hành chính năm 2019", 2019),
            (header.Number, header.IssuedOn, header.Issuer, header.Title, header.Year));

        var differences = PlanFileDiff.Differences(expected, reading.Plan);
        var read = All(reading.Plan).ToDictionary(t => t.Code!);
        var unflagged = new List<string>();
        int tasks = 0, exact = 0, products = 0, productsExact = 0, units = 0, unitsExact = 0, deadlines = 0, deadlinesExact = 0;
        foreach (var e in All(expected))
        {
            tasks++;
            read.TryGetValue(e.Code!, out var a);
            var differs = a is null || differences.Any(d => Regex.IsMatch(d, $@"(^|\s){Regex.Escape(e.Code!)}(\s|:|$)"));
            if (!differs) exact++;
            var eDeliverables = e.Deliverables ?? [];
            var aDeliverables = a?.Deliverables ?? [];
            products += eDeliverables.Count;
            deadlines += eDeliverables.Count;
            productsExact += eDeliverables.Zip(aDeliverables).Count(p => p.First.Product == p.Second.Product);
            deadlinesExact += eDeliverables.Zip(aDeliverables).Count(p => p.First.Deadline == p.Second.Deadline);
            units += 2;
            if (a is not null && (e.LeadUnits ?? []).SequenceEqual(a.LeadUnits ?? [])) unitsExact++;
            if (a is not null && (e.CoordinatingUnits ?? []).SequenceEqual(a.CoordinatingUnits ?? [])) unitsExact++;
            var lines = Lines(a?.Source) ?? Lines(e.Source!)!.Value;
            if (differs && !reading.Problems.Any(p => Lines(p.Place) is { } pl && pl.First <= lines.Last && lines.First <= pl.Last))
                unflagged.Add($"{e.Code} ({a?.Source ?? e.Source})");
        }
        output.WriteLine($"tasks and sub-items exact: {exact}/{tasks}; products {productsExact}/{products}; unit cells {unitsExact}/{units}; deadlines {deadlinesExact}/{deadlines}; problems {reading.Problems.Count}");
        foreach (var d in differences) output.WriteLine("differs: " + d);
        foreach (var p in reading.Problems) output.WriteLine($"problem: {p.Place}: {p.Message}");

        Assert.Equal(expected.Sections!.Select(s => s.Number), reading.Plan.Sections!.Select(s => s.Number));
        Assert.True(unflagged.Count == 0, "read differently from the seed with no problem at its lines: " + string.Join(", ", unflagged));
        // The figure reached (34 of 59 when this test was written, 40 with footnotes, units inside a line and the
        // activity ending at a line that was not full): it may only go up; so may the problems only go down.
        Assert.True(exact >= 40, $"only {exact} of {tasks} tasks read exactly");
        Assert.True(reading.Problems.Count <= 70, $"{reading.Problems.Count} problems");
        var footnoted = All(expected).Single(t => t.Footnotes is { Count: > 0 });
        Assert.Equal(footnoted.Footnotes, read[footnoted.Code!].Footnotes);
    }

    private static IEnumerable<TaskDto> All(PlanFile plan) =>
        plan.Sections!.SelectMany(s => s.Tasks ?? []).SelectMany(t => (t.Subtasks ?? []).Prepend(t));

    /// <summary>"Dòng 364–412", "Dòng 364" or the seed's "L364-L412; L1891-L1899" as a first and last line.</summary>
    private static (int First, int Last)? Lines(string? place)
    {
        if (place is null) return null;
        var numbers = Digits().Matches(place).Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return numbers.Count == 0 ? null : (numbers.Min(), numbers.Max());
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
