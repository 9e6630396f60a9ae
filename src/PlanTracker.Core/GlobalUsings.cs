// Namespaces nearly every file of this project uses: named once here instead of at the top of each file.
global using Microsoft.EntityFrameworkCore;
global using PlanTracker.Core.Data;
global using PlanTracker.Core.Plans;
