// Pages name policies and operations in their [Authorize] lines and checks without an extra using each.
global using PlanTracker.Web.Authorization;
