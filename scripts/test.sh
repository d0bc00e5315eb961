#!/usr/bin/env bash
# Sets up the machine, builds, runs every test project and ends with one line: "N passed, N failed, N skipped".
# An optional xunit filter runs only the tests it selects; every test class has a Category trait:
#
#   scripts/test.sh                      # everything (what CI runs)
#   scripts/test.sh Category=Fast        # in-process tests that need neither FUSE nor Python
#   scripts/test.sh Category=Fuse        # tests that mount;  Category=Oracles: tests that call a Python reader
#   scripts/test.sh Category=Browser     # tests that open a viewer in headless Chromium
#   scripts/test.sh Category=Remote      # tests against object servers on loopback (nginx)
#   scripts/test.sh Category=Wine        # the real padofs.exe under Wine against our WinFsp stand-in
#   scripts/test.sh 'Category=Fast|FullyQualifiedName~Config'
set -euo pipefail
cd "$(dirname "$0")/.."

filter=()
if [ $# -gt 0 ]; then
  filter=(--filter "$1")
fi

scripts/setup.sh

# The whole run (no filter) first publishes the Windows and macOS builds, which are built but not run here; this
# check counts as one test in the summary line. It runs before the build, so it never rewrites what tests load.
publish=skipped
if [ ${#filter[@]} -eq 0 ]; then
  publish=passed
  scripts/publish-platforms.sh || publish=failed
fi

dotnet build PadoFs.sln --configuration Release --no-restore --verbosity quiet -nologo

results=artifacts/test-results
rm -rf "$results"
status=0
run_tests() {
  dotnet test PadoFs.sln --configuration Release --no-build --verbosity quiet -nologo \
    --results-directory "$results" --logger "trx" --blame-hang-timeout 10m "$@" || status=$?
}
if [ ${#filter[@]} -eq 0 ]; then
  # The Wine tests run after the others, alone: Wine starting up and the win-x64 program under it load the machine
  # in bursts that the FUSE tests' mount and stop checks, running beside them, should not have to share.
  run_tests --filter 'Category!=Wine'
  run_tests --filter 'Category=Wine'
else
  run_tests "${filter[@]}"
fi

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  value() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done

case "$publish" in
  passed) passed=$((passed + 1)) ;;
  failed) failed=$((failed + 1)) ;;
esac

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The run failed without a failing test (a crash, a hang, a build error): count it as a failure.
  failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
