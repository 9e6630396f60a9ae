#!/bin/sh
# Changing the model (README, "Changing the model"): run from the repository's root after changing an entity or
# its configuration. With a name, first adds that migration for both providers; then makes both compiled models
# again (CompiledModelTests fail until it is done).
#   deploy/optimize-model.sh AddSomething
set -eu
cd "$(dirname "$0")/.."
dotnet tool restore
postgres() { Database__Provider=Postgres ConnectionStrings__PlanTracker="Host=127.0.0.1;Database=x;Username=x" "$@"; }
if [ $# -gt 0 ]; then
    dotnet ef migrations add "$1" -p src/PlanTracker.Web -s src/PlanTracker.Web -o Data/Migrations
    postgres dotnet ef migrations add "$1" -p src/PlanTracker.Migrations.Postgres -s src/PlanTracker.Web -o Migrations
fi
dotnet ef dbcontext optimize -p src/PlanTracker.Web -s src/PlanTracker.Web \
    -o Data/CompiledModels/Sqlite -n PlanTracker.Web.Data.CompiledModels.Sqlite
postgres dotnet ef dbcontext optimize --no-build -p src/PlanTracker.Migrations.Postgres -s src/PlanTracker.Web \
    -o CompiledModel -n PlanTracker.Migrations.Postgres.CompiledModel
# The app chooses the model by provider (DatabaseSetup.UseCompiledModel), never by this assembly attribute.
rm -f src/PlanTracker.Web/Data/CompiledModels/Sqlite/PlanTrackerDbContextAssemblyAttributes.cs \
    src/PlanTracker.Migrations.Postgres/CompiledModel/PlanTrackerDbContextAssemblyAttributes.cs
