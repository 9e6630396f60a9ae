using PlanTracker.Web.Commands;
using PlanTracker.Web.Infrastructure;

Directory.SetCurrentDirectory(AppRoot.Find());
var command = CommandLine.Parse(args);

var builder = WebApplication.CreateBuilder(command is null ? args : []);
builder.AddPlanTracker();
var app = builder.Build();

if (command is not null)
    return await command.RunAsync(app.Services);

app.UsePlanTracker();
return await app.RunUntilStoppedAsync();

public partial class Program;
