#!/usr/bin/env bash
# Rebuilds the book's law catalog from ../shared/data/laws with `kochbuch import law`: the 2021/2022
# texts first, then every later version with the date it took effect (or, for the mirror's files, the
# day the mirror recorded it; see ../shared/data/README.md). Running it on the finished catalog
# changes nothing: each import of a text the catalog already has is a no-op.
#   scripts/import-laws.sh [path/to/kochbuch]     (BOOK=DIR imports into another book folder)
set -euo pipefail
project="$(cd "$(dirname "$0")/.." && pwd)"
kochbuch="${1:-$project/.build/release/kochbuch}"
data="$project/../shared/data/laws"
cd "$project"
book="${BOOK:-Recipes}"
law() { "$kochbuch" import law --book "$book" "$@"; }

gii=https://www.gesetze-im-internet.de
law "$data/egovg.md" --as-of 2022-01-01 --municipalities federal-law --address "$gii/egovg/"
law "$data/versions/egovg-2022-09-28.md" --as-of 2022-09-28
law "$data/versions/egovg-2024-07-24.md" --as-of 2024-07-24
law "$data/versions/egovg-2025-12-17.md" --as-of 2025-12-17

law "$data/ozg.md" --as-of 2022-01-01 --address "$gii/ozg/"
law "$data/versions/ozg-2023-09-01.md" --as-of 2023-09-01
law "$data/versions/ozg-2024-07-24.md" --as-of 2024-07-24
law "$data/versions/ozg-2026-07-29.md" --as-of 2026-07-29

law "$data/bitv_2_0.md" --id bitv-2.0 --as-of 2022-01-01 --address "$gii/bitv_2_0/"
law "$data/versions/bitv_2_0-2026-08-19.md" --id bitv-2.0 --as-of 2026-08-19

law "$data/de-mail-g.md" --as-of 2022-01-01 --address "$gii/de-mail-g/"
law "$data/versions/de-mail-g-2026-08-19.md" --id de-mail-g --as-of 2026-08-19

# The 2023 government draft of the OZG-Änderungsgesetz: a draft that never took effect in that form.
law "$data/ozg-entwurf-2023.md"
