# Kochbuch: the two commands of the README.
#   make        set up, build the tool, validate the book and publish its editions into Exports/
#   make test   set up and run every test

SWIFT ?= swift
BOOK ?= Recipes

.PHONY: all setup build book test clean

all: book

setup:
	@scripts/setup.sh

build: setup
	$(SWIFT) build -c release --product kochbuch

book: build
	.build/release/kochbuch build --book $(BOOK)

test: setup
	$(SWIFT) test

clean:
	rm -rf .build
