# Kochbuch: the two commands of the README.
#   make        set up, build the tool, validate the book and publish its editions into Exports/
#   make test   set up and run every test

SWIFT ?= swift
BOOK ?= Recipes
# The Swift runtime and Foundation linked in: the tool starts in about half the time,
# which is most of a search's time (see README, Performance).
RELEASE = -c release --static-swift-stdlib

.PHONY: all setup build book test bench clean assets

all: book

setup:
	@scripts/setup.sh

build: setup
	$(SWIFT) build $(RELEASE) --product kochbuch
	$(SWIFT) build $(RELEASE) --product kochbuch-mcp

book: build
	.build/release/kochbuch build --book $(BOOK)

test: setup
	$(SWIFT) test

clean:
	rm -rf .build

# The website's search.js and style.css minified from Sources/KochbuchHTML/AssetSources/ (commit both).
assets: setup
	scripts/minify-assets.sh

# The benchmark: 10,000 generated recipes, every command as a whole process (see README).
bench: setup
	$(SWIFT) build $(RELEASE) --product kochbuch
	$(SWIFT) build $(RELEASE) --product kochbuch-mcp
	$(SWIFT) build $(RELEASE) --product kochbuch-bench
	.build/release/kochbuch-bench run --count 10000 --seed 1 --runs 3
