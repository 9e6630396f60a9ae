#!/bin/sh
# Changing the API (README, "API"): run from the repository's root after changing an endpoint, its metadata or its
# types. Writes the document the app serves to docs/openapi/v1.json, then makes the tests' Kiota client
# (tests/PlanTracker.Tests/Generated) from it again; OpenApiDocumentTests fails until both are done and committed.
#   deploy/openapi.sh
set -eu
cd "$(dirname "$0")/.."
dotnet tool restore
PLANTRACKER_WRITE_OPENAPI=1 dotnet test tests/PlanTracker.Tests --nologo \
    --filter "FullyQualifiedName~OpenApiDocumentTests.The_served_document_is_the_committed_one"
# Kiota looks for a newer release of itself on the internet unless told it is offline.
KIOTA_OFFLINE_ENABLED=true KIOTA_UPDATE_DISABLED=true KIOTA_TUTORIAL_ENABLED=false dotnet kiota generate --language CSharp --openapi docs/openapi/v1.json \
    --class-name PlanTrackerClient --namespace-name PlanTracker.Tests.Generated \
    --output tests/PlanTracker.Tests/Generated --clean-output --exclude-backward-compatible --log-level Warning
rm -f tests/PlanTracker.Tests/Generated/.kiota.log
