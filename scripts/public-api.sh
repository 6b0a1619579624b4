#!/usr/bin/env bash
# Prints the number of public declarations per module (types, members, initialisers, cases, operators):
# what a user's handlers, tests and own executable can see. `package` and internal declarations do not count.
set -euo pipefail
cd "$(dirname "$0")/.."
pattern='^[[:space:]]*(@[A-Za-z]+[[:space:]]+)*(public|open)[[:space:]]+((static|final|nonisolated|override|mutating|convenience|required|indirect|lazy)[[:space:]]+)*(func|var|let|init|init\?|struct|class|enum|actor|protocol|typealias|case|subscript|extension)\b'
total=0
printf '%-22s %s\n' module public
for module in Sources/*/; do
    name=$(basename "$module")
    count=$({ grep -rhE "$pattern" "$module" --include='*.swift' || true; } | grep -vE '^[[:space:]]*(public|open)[[:space:]]+extension' | wc -l || true)
    total=$((total + count))
    printf '%-22s %d\n' "$name" "$count"
done
printf '%-22s %d\n' total "$total"
