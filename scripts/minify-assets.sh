#!/bin/sh
# The website's search script and style sheet as the site publishes them: minified by esbuild
# (Debian) from their readable sources in Sources/KochbuchHTML/AssetSources/ into
# Sources/KochbuchHTML/Resources/assets/, or into the folder given (the tests compare both).
# Edit the sources, then run `make assets` and commit both. (KOCHBUCH_ASSET_SOURCES names another
# sources folder: the tests' changed copy.)
set -eu
cd "$(dirname "$0")/.."
sources=${KOCHBUCH_ASSET_SOURCES:-Sources/KochbuchHTML/AssetSources}
out=${1:-Sources/KochbuchHTML/Resources/assets}
command -v esbuild >/dev/null || { echo "esbuild is missing: run 'make setup'" >&2; exit 2; }
mkdir -p "$out"
for name in search.js style.css; do
    case $name in
        # The readable script is plain ES2017; so stays the published one.
        *.js) kind=js target=--target=es2017 ;;
        *.css) kind=css target=--target=chrome80,firefox78,safari13 ;;
    esac
    esbuild "$sources/$name" --minify --log-level=warning $target \
        "--banner:$kind=/* Kochbuch: $name, minified from $sources/$name (make assets) */" --outfile="$out/$name"
done
