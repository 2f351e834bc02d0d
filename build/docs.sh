#!/usr/bin/env bash
# Regenerates the documentation that is generated from the code: docs/state-machines/*.md and docs/modules.md.
set -euo pipefail

usage() {
    cat <<'EOF_USAGE'
Usage: build/docs.sh [--help]

Builds the projects that generate documentation (Release) and runs their GeneratedDocs tests with
OM_UPDATE_DOCS=1, which makes each test write its file instead of comparing it:
  docs/state-machines/{order,saga,reservation,payment,shipment,return}.md
      each machine's graph as Stateless exports it (MermaidGraph.Format(machine.GetInfo())),
      from the module test projects (they see the module's internal machines)
  docs/modules.md
      the modules, their contracts and who sends which message to whom, from the built assemblies
      (tests/Architecture.Tests/Docs)
Without OM_UPDATE_DOCS the same tests run in build/test.sh and fail when a committed file is stale.
No database is needed. Exits non-zero if a build or a test fails. Review and commit the changed files.
EOF_USAGE
}

case ${1:-} in
    -h | --help) usage; exit 0 ;;
    "") ;;
    *) echo "build/docs.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
esac

cd "$(dirname "$0")/.."
projects=(tests/Ordering.Tests tests/Inventory.Tests tests/Payments.Tests tests/Shipping.Tests tests/Architecture.Tests)
for project in "${projects[@]}"; do
    echo "docs.sh: $project"
    OM_UPDATE_DOCS=1 dotnet test "$project" -c Release --nologo -v q --filter "FullyQualifiedName~GeneratedDocsTests"
done
git status --short -- docs/state-machines docs/modules.md
