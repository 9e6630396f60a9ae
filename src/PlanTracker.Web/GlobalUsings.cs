// Namespaces nearly every file of this project uses: named once here instead of at the top of each file.
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
global using Microsoft.EntityFrameworkCore;
global using PlanTracker.Core.Accounts;
global using PlanTracker.Core.Data;
global using PlanTracker.Core.Plans;
global using PlanTracker.Web.Features.Shared;
global using PlanTracker.Web.Infrastructure;
