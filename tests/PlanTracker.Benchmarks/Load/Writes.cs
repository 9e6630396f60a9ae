using System.Collections.Concurrent;
using System.Diagnostics;

namespace PlanTracker.Benchmarks.Load;

/// <summary>Concurrent status updates, each writer on its own share of the targets so that writers never conflict.</summary>
public static class Writes
{
    /// <summary>A lead (deliverable, unit) pair and the version of its record, moved on by each save.</summary>
    public sealed class Target(int deliverable, int unit, int version)
    {
        public int Deliverable { get; } = deliverable;
        public int Unit { get; } = unit;
        public int Version { get; set; } = version;
    }

    public sealed record Outcome(int Saved, string Errors, double Seconds)
    {
        public double PerSecond => Saved / Seconds;
    }

    /// <summary>
    /// With <paramref name="openForm"/>, every update opens the form (GET) then saves (POST), as a person does once.
    /// Without it, a writer keeps one anti-forgery token and the versions it has saved, and only POSTs: the cost
    /// of the save itself.
    /// </summary>
    public static async Task<Outcome> RunAsync(AppClient client, IReadOnlyList<Target> targets, int writers, TimeSpan duration, bool openForm)
    {
        var saved = 0;
        var errors = new ConcurrentDictionary<string, int>();
        var token = openForm ? "" : await client.FormTokenAsync($"/deliverables/{targets[0].Deliverable}/progress?unit={targets[0].Unit}&period=");
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = w; clock.Elapsed < duration; i += writers)
            {
                var target = targets[i % targets.Count];
                try
                {
                    var (status, version) = openForm
                        ? await client.UpdateProgressAsync(target.Deliverable, target.Unit, 10 + i % 80)
                        : (await client.PostProgressAsync(target.Deliverable, target.Unit, 10 + i % 80, token, target.Version), target.Version);
                    if (status == 302)
                    {
                        Interlocked.Increment(ref saved);
                        target.Version = version + 1;
                    }
                    else errors.AddOrUpdate(status > 1000 ? $"GET {status - 1000}" : $"POST {status}", 1, (_, c) => c + 1);
                }
                catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
                {
                    errors.AddOrUpdate(e.GetType().Name, 1, (_, c) => c + 1);
                }
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        var summary = errors.IsEmpty ? "0 errors" : string.Join(", ", errors.Select(kv => $"{kv.Value} × {kv.Key}"));
        return new Outcome(saved, summary, clock.Elapsed.TotalSeconds);
    }
}
