using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.History;
using PlanTracker.Tests.Generated;
using PlanTracker.Tests.Generated.Models;
using PlanTracker.Tests.Support;
using PlanTracker.Web.Features.Account.Tokens;

namespace PlanTracker.Tests.Features.Api;

/// <summary>
/// The API through the client Kiota generates from the committed document (docs/openapi/v1.json, deploy/openapi.sh), as
/// another system would call it: with a personal access token of a Sở Tư pháp (STP) editor, on Plan 163 with today frozen
/// at 01/10/2019. Task 1.a is led by STP; its first deliverable ("Kế hoạch") was due 31/12/2018.
/// </summary>
public sealed class ApiClientTests(ApiClientTests.Host host) : IClassFixture<ApiClientTests.Host>, IDisposable
{
    public sealed class Host : PlanTrackerFactory
    {
        public Host() => Settings["Clock:Today"] = "2019-10-01";
    }

    private readonly List<IDisposable> adapters = [];

    /// <summary>A client that sends a new token of a unit's editor as <c>Authorization: Bearer</c>, over the in-process server's HttpClient.</summary>
    private async Task<PlanTrackerClient> ClientAsync(string unitCode)
    {
        var email = await host.CreateUserAsync(Roles.UnitEditor, unitCode, $"kiota.{unitCode.ToLowerInvariant()}@cantho.example");
        string token;
        using (var scope = host.Services.CreateScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
            token = (await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(user!, "Kiota", 30, Actor.System)).Secret;
        }
        // Kiota sends a key over https only, as a real caller would: the in-process server takes either scheme.
        var http = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var adapter = new HttpClientRequestAdapter(
            new ApiKeyAuthenticationProvider("Bearer " + token, "Authorization", ApiKeyAuthenticationProvider.KeyLocation.Header),
            httpClient: http) { BaseUrl = http.BaseAddress!.ToString().TrimEnd('/') };
        adapters.Add(adapter);
        return new PlanTrackerClient(adapter);
    }

    private static async Task<TaskSummaryDto> TaskAsync(PlanTrackerClient api, int planId, string code)
    {
        var tasks = await api.Api.V1.Tasks.GetAsync(r => { r.QueryParameters.Plan = planId; r.QueryParameters.PageSize = 500; });
        return tasks!.Items!.Single(t => t.Code == code);
    }

    [Fact]
    public async Task A_token_reads_plan_163_and_updates_a_deliverable_its_unit_leads()
    {
        var api = await ClientAsync("STP");
        var stp = await host.UnitIdAsync("STP");

        var me = await api.Api.V1.Me.GetAsync();
        var plan = (await api.Api.V1.Plans.GetAsync())!.Items!.Single(p => p.Number == "163/KH-UBND");
        var sections = await api.Api.V1.Plans[plan.Id!.Value].Sections.GetAsync();
        var task = await api.Api.V1.Tasks[(await TaskAsync(api, plan.Id.Value, "1.a")).Id!.Value].GetAsync();
        var planned = task!.Deliverables![0];
        var before = await api.Api.V1.Deliverables[planned.Id!.Value].GetAsync();
        var item = before!.Items!.Single(i => i.UnitId == stp);
        var saved = await api.Api.V1.Deliverables[planned.Id.Value].Progress[stp].PutAsync(new ProgressUpdate
        {
            Status = ProgressStatus.Done, ProgressPercent = 100, CompletedOn = new Date(2019, 2, 15),
            ResultText = "Đã ban hành Kế hoạch", Version = item.Version,
        });
        var after = await api.Api.V1.Deliverables[planned.Id.Value].GetAsync();
        var records = await api.Api.V1.Deliverables[planned.Id.Value].Progress.GetAsync();

        Assert.Equal(("Kiota", stp), (me!.Token!.Name, me.Unit!.Id));
        Assert.Equal((2019, PlanStatus.Active), (plan.Year, plan.Status));
        Assert.True(sections!.Count > 1);
        Assert.Equal(1, sections[0].Number);
        Assert.Equal("1.a", task.Code);
        Assert.Contains(task.Assignments!, a => a.Role == AssignmentRole.Lead && a.UnitId == stp);
        Assert.Equal(new Date(2018, 12, 31), planned.DeadlineDue);
        Assert.Equal((DeliverableState.Overdue, 0), (item.State, item.Version));
        Assert.Equal((ProgressStatus.Done, 1), (saved!.Status, saved.Version));
        Assert.Equal(new Date(2019, 10, 1), after!.AsOf);
        var stpItem = after.Items!.Single(i => i.UnitId == stp);
        Assert.Equal((DeliverableState.DoneLate, 1, new Date(2019, 2, 15)), (stpItem.State, stpItem.Version, stpItem.CompletedOn));
        Assert.Equal("Đã ban hành Kế hoạch", records!.Single(r => r.UnitId == stp).ResultText);
    }

    [Fact]
    public async Task A_stale_update_is_the_clients_typed_version_conflict_with_both_versions()
    {
        var api = await ClientAsync("STP");
        var stp = await host.UnitIdAsync("STP");
        var plan = (await api.Api.V1.Plans.GetAsync())!.Items!.Single(p => p.Number == "163/KH-UBND");
        var task = await api.Api.V1.Tasks[(await TaskAsync(api, plan.Id!.Value, "1.a")).Id!.Value].GetAsync();
        var progress = api.Api.V1.Deliverables[task!.Deliverables![1].Id!.Value].Progress[stp];
        var read = (await api.Api.V1.Deliverables[task.Deliverables[1].Id!.Value].GetAsync())!.Items!.Single(i => i.UnitId == stp).Version!.Value;
        await progress.PutAsync(new ProgressUpdate { Status = ProgressStatus.InProgress, ProgressPercent = 40, Version = read });

        var conflict = await Assert.ThrowsAsync<VersionConflict>(() =>
            progress.PutAsync(new ProgressUpdate { Status = ProgressStatus.InProgress, ProgressPercent = 60, Version = read }));

        Assert.Equal(409, conflict.ResponseStatusCode);
        Assert.Equal("Xung đột phiên bản", conflict.Title);
        Assert.Equal((read, read + 1), (conflict.YourVersion, conflict.CurrentVersion));
        Assert.Equal((40, read + 1), (conflict.Current!.ProgressPercent, conflict.Current.Version));
    }

    public void Dispose()
    {
        foreach (var adapter in adapters) adapter.Dispose();
    }
}
