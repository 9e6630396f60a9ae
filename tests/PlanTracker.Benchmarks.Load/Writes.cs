using System.Collections.Concurrent;
using System.Diagnostics;

namespace PlanTracker.Benchmarks.Load;

/// <summary>Concurrent status updates, each writer on its own share of the targets so that writers never conflict.</summary>
public static class Writes
{
    public sealed record Target(int Deliverable, int Unit, int Version);

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
        var versions = targets.Select(t => t.Version).ToArray();
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = w; clock.Elapsed < duration; i += writers)
            {
                var n = i % targets.Count;
                var target = targets[n];
                try
                {
                    var status = openForm
                        ? await client.UpdateProgressAsync(target.Deliverable, target.Unit, 10 + i % 80)
                        : await client.PostProgressAsync(target.Deliverable, target.Unit, 10 + i % 80, token, versions[n]);
                    if (status == 302)
                    {
                        Interlocked.Increment(ref saved);
                        versions[n]++;
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
