using System.Diagnostics;
using PlanTracker.Core.Import.Documents;
using PlanTracker.Core.Plans;
using PlanTracker.Web.Features.Plans.Export;

namespace PlanTracker.Benchmarks.Import;

/// <summary>
/// Issue 12's figure: a plan of TASKS tasks (two products each, a sub-item every fifth task) written as .docx by the
/// plan export, then read back through <see cref="PlanDocuments.Read"/> RUNS times: min/median/max and the peak working set.
/// </summary>
public static class WordReadBenchmark
{
    public static Task<int> RunAsync(Arguments options)
    {
        var tasks = options.Number("--tasks", 500);
        var runs = options.Number("--runs", 5);
        var docx = new MemoryStream();
        PlanDocxExport.Write(Plan(tasks), docx);
        var bytes = docx.ToArray();
        Console.WriteLine($"{tasks} tasks, .docx {bytes.Length / 1024.0:0} KB");

        var times = new List<double>();
        var cpu = new List<double>();
        var read = 0;
        using var self = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            self.Refresh();
            var cpuBefore = self.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var reading = PlanDocuments.Read(new MemoryStream(bytes), new DocumentLimits());
            times.Add(clock.Elapsed.TotalMilliseconds);
            self.Refresh();
            cpu.Add((self.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            read = reading.Plan.Sections!.Sum(s => s.Tasks!.Count + s.Tasks.Sum(t => t.Subtasks!.Count));
            if (reading.HasErrors) Console.WriteLine(string.Join("\n", reading.Problems.Where(p => p.IsError).Take(5).Select(p => $"{p.Place}: {p.Message}")));
        }
        Console.WriteLine($"first run (with JIT): {times[0]:0} ms wall, {cpu[0]:0} ms CPU");
        times.Sort();
        cpu.Sort();
        self.Refresh();
        Console.WriteLine($"read {read} tasks and sub-items; PlanDocuments.Read: median {times[times.Count / 2]:0} ms (min {times[0]:0}, max {times[^1]:0}) over {runs} runs, "
            + $"CPU median {cpu[cpu.Count / 2]:0} ms (min {cpu[0]:0}, max {cpu[^1]:0}); peak working set {self.PeakWorkingSet64 / 1024 / 1024} MB");
        return Task.FromResult(read == tasks + tasks / 5 ? 0 : 1);
    }

    private static Plan Plan(int tasks)
    {
        var plan = new Plan { Number = "500/KH-UBND", Title = "Kế hoạch thử năm 2030", Year = 2030, EndYear = 2030, Issuer = "Ủy ban nhân dân thành phố Cần Thơ", IssuedOn = new DateOnly(2029, 12, 28) };
        var id = 0;
        for (var s = 1; s <= 10; s++)
        {
            var section = new Section { Number = s, Title = $"Lĩnh vực {s}" };
            plan.Sections.Add(section);
            for (var t = 0; t < tasks / 10; t++)
            {
                var task = NewTask($"{s}.{t + 1}", ++id, null);
                section.Tasks.Add(task);
                if (t % 5 == 0) section.Tasks.Add(NewTask($"{s}.{t + 1}.1", ++id, task.Id));
            }
        }
        return plan;
    }

    private static PlanTask NewTask(string code, int id, int? parent) => new()
    {
        Id = id, ParentTaskId = parent, Code = code,
        Activity = $"Triển khai thực hiện nhiệm vụ {code} về cải cách hành chính, rà soát thủ tục và báo cáo kết quả thực hiện theo quy định",
        Assignments =
        [
            new TaskAssignment { Role = AssignmentRole.Lead, PrintedName = "Sở Nội vụ" },
            new TaskAssignment { Role = AssignmentRole.Coordinating, PrintedName = "Sở, ngành TP" },
            new TaskAssignment { Role = AssignmentRole.Coordinating, PrintedName = "UBND quận, huyện" },
        ],
        Deliverables =
        [
            new Deliverable { Product = "Kế hoạch", DeadlineText = "Quý I năm 2030" },
            new Deliverable { Product = "Báo cáo kết quả thực hiện", DeadlineText = "Quý IV năm 2030" },
        ],
    };
}
