using PlanTracker.Web.Commands;

Directory.SetCurrentDirectory(AppRoot.Find());
if (!CommandLine.Serves(args))
    return await CommandLine.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
builder.AddPlanTracker();
var app = builder.Build();
app.UsePlanTracker();
return await app.RunUntilStoppedAsync();

public partial class Program;
