#!/usr/bin/env bash
# Every test: installs what is missing, builds the solution (warnings are errors), runs all test projects,
# and ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
source runtime/setup.sh || exit 1
set +e  # setup.sh stops at the first error; from here on every test project runs and the summary line is printed

log=$(mktemp)
if ! dotnet build Rpa.sln -c Debug -nologo -v quiet 2>&1 | tee "$log" | grep -E "error|Build succeeded|Warn" ; then :; fi
if grep -qE "error [A-Z]+[0-9]+|Build FAILED" "$log"; then
  echo "tests: the build failed (see above)."
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test Rpa.sln --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed=$(grep -oE "Passed: +[0-9]+," "$log" | awk '{ sum += $2 } END { print sum + 0 }')
failed=$(grep -oE "Failed: +[0-9]+," "$log" | awk '{ sum += $2 } END { print sum + 0 }')
passed=${passed:-0}
failed=${failed:-0}

# The designer's component tests (Vitest), counted in the same line.
(cd designer && NO_COLOR=1 npx vitest run 2>&1) | tee "$log"
vitest_status=${PIPESTATUS[0]}
vitest_line=$(grep -E "^ *Tests +" "$log" | tail -1)
vitest_passed=$(grep -oE "[0-9]+ passed" <<<"$vitest_line" | grep -oE "[0-9]+" || echo 0)
vitest_failed=$(grep -oE "[0-9]+ failed" <<<"$vitest_line" | grep -oE "[0-9]+" || echo 0)
passed=$((passed + ${vitest_passed:-0}))
failed=$((failed + ${vitest_failed:-0}))
if [ "$vitest_status" -ne 0 ]; then
  status=1
  if [ "${vitest_failed:-0}" -eq 0 ]; then failed=$((failed + 1)); fi
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
rm -f "$log"
echo "${passed} passed, ${failed} failed"
exit "$status"
