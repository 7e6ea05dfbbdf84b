"""`kochbuch mcp` driven by the official Python MCP SDK, as an assistant would.

Usage: mcp_client.py KOCHBUCH BOOK_DIR [--bench N]
Lists tools and resources, calls every tool on the shipped book with real questions, checks the
answers' content, and sends each kind of bad request; exits 0 when every check holds.
With --bench N it instead times N `search` calls through the client and prints p50/p95 in ms.
"""
import asyncio
import json
import statistics
import sys
import time

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.shared.exceptions import MCPError

kochbuch, book = sys.argv[1], sys.argv[2]
failures = []


def expect(condition, message):
    if not condition:
        failures.append(message)


def text_of(result):
    return "".join(getattr(part, "text", "") for part in result.content)


async def refused(session, name, arguments, words):
    """A bad request must be an MCP error whose message says what is wrong, and the server must live on."""
    try:
        result = await session.call_tool(name, arguments)
    except MCPError as error:
        message = str(error)
        expect(all(word in message for word in words), f"{name} {arguments}: the error '{message}' does not name {words}")
        return
    expect(False, f"{name} {arguments}: no error, but {text_of(result)[:200]}")


async def checks(session):
    tools = {tool.name: tool for tool in (await session.list_tools()).tools}
    expected = {"search", "get_recipe", "get_law_section", "list_recipes", "topics", "coverage"}
    expect(set(tools) == expected, f"tools: {sorted(tools)}")
    for tool in tools.values():
        expect(tool.description and len(tool.description) > 40, f"{tool.name} has no description an assistant can act on")
        expect(tool.input_schema.get("type") == "object", f"{tool.name} has no JSON schema")
    expect(tools["search"].input_schema.get("required") == ["query"], "search must require a query")

    # The question of the issue: municipal duties for electronic access.
    found = await session.call_tool("search", {"query": "Welche Pflichten hat eine Gemeinde beim elektronischen Zugang?", "limit": 5})
    answer = found.structured_content or json.loads(text_of(found))
    ids = [hit["id"] for hit in answer["hits"]]
    expect("elektronischer-zugang" in ids, f"search: the electronic-access recipe is not among {ids}")
    expect(answer["book"]["rechtsstand"] and answer["book"]["edition"], f"search: the answer does not name edition and Rechtsstand: {answer['book']}")
    for hit in answer["hits"]:
        expect(hit["uri"] == f"kochbuch://rezepte/{hit['id']}" and hit["title"], f"search: a hit without address or title: {hit}")

    found = await session.call_tool("search", {"query": "E-Akte einführen", "limit": 3})
    answer = found.structured_content or json.loads(text_of(found))
    expect(answer["hits"] and answer["hits"][0]["id"] == "e-akte", f"search 'E-Akte einführen': {[h['id'] for h in answer['hits']]}")
    expect(any("6a" in section for section in answer["hits"][0]["sections"]), f"search: the E-Akte hit does not cite § 6a: {answer['hits'][0]['sections']}")
    filtered = await session.call_tool("search", {"query": "Akte", "law": "EGovG § 6a"})
    answer = filtered.structured_content or json.loads(text_of(filtered))
    expect(answer["hits"] and all(any("6a" in s for s in hit["sections"]) for hit in answer["hits"]), "search with law filter")

    recipe = text_of(await session.call_tool("get_recipe", {"id": "elektronischer-zugang"}))
    for words in ["# Elektronischen Zugang eröffnen", "## Rechtsgrundlagen", "## Zubereitung", "### Schritt 1", "Rechtsstand", "Fassung vom",
                  "kochbuch://gesetze/egovg"]:
        expect(words in recipe, f"get_recipe: '{words}' missing")
    expect("(nil)" not in recipe and "Optional(" not in recipe and "{{" not in recipe, "get_recipe: template or language artefacts")

    section = text_of(await session.call_tool("get_law_section", {"law": "egovg", "section": "6a"}))
    for words in ["§ 6a EGovG", "Elektronische Aktenführung", "Fassung vom", "## Geschichte", "e-akte"]:
        expect(words in section, f"get_law_section egovg 6a: '{words}' missing")
    old = text_of(await session.call_tool("get_law_section", {"law": "EGovG", "section": "6", "date": "2023-01-01"}))
    expect("Elektronische Aktenführung" in old and "Fassung vom 1. Januar 2022" in old,
           "get_law_section egovg 6 as of 2023: the E-Akte text of the version then in force is missing")
    zugang = text_of(await session.call_tool("get_law_section", {"law": "egovg", "section": "2"}))
    expect("Zugang" in zugang, "get_law_section egovg 2: text of the electronic access section missing")

    listed = await session.call_tool("list_recipes", {"topic": "querschnitt"})
    answer = listed.structured_content or json.loads(text_of(listed))
    expect(answer["count"] > 5 and answer["count"] == len(answer["recipes"]), f"list_recipes: {answer['count']}")
    everything = await session.call_tool("list_recipes", {})
    answer = everything.structured_content or json.loads(text_of(everything))
    expect(answer["count"] >= 50, f"list_recipes without filters: {answer['count']}")
    topics = await session.call_tool("topics", {})
    answer = topics.structured_content or json.loads(text_of(topics))
    expect(len(answer["themenfelder"]) == 14, f"topics: {len(answer['themenfelder'])} Themenfelder")
    coverage = await session.call_tool("coverage", {})
    answer = coverage.structured_content or json.loads(text_of(coverage))
    expect("coverage" in answer and "book" in answer, "coverage: no report")

    resources = (await session.list_resources()).resources
    uris = {str(resource.uri) for resource in resources}
    expect("kochbuch://rezepte/e-akte" in uris and "kochbuch://gesetze/egovg/6a" in uris, f"resources: {len(uris)} listed")
    read = await session.read_resource("kochbuch://gesetze/egovg/6a")
    expect("Elektronische Aktenführung" in read.contents[0].text, "read_resource egovg/6a")
    read = await session.read_resource("kochbuch://rezepte/e-akte")
    expect("# Die E-Akte einführen" in read.contents[0].text, "read_resource e-akte")

    # Bad requests: each an MCP error with a clear message; the server keeps answering.
    await refused(session, "gibt_es_nicht", {}, ["unknown tool", "search"])
    await refused(session, "search", {}, ["query", "missing"])
    await refused(session, "search", {"query": 42}, ["query", "string"])
    await refused(session, "search", {"query": "Akte", "limit": "zehn"}, ["limit", "whole number"])
    await refused(session, "search", {"query": "Akte", "limit": 0}, ["limit", "between"])
    await refused(session, "search", {"query": "?!… §§ --"}, ["no words"])
    await refused(session, "search", {"query": "a" * 5000}, ["5000 characters"])
    await refused(session, "search", {"query": "Akte", "farbe": "blau"}, ["unknown argument", "farbe"])
    await refused(session, "search", {"query": "Akte", "status": "fertig"}, ["fertig"])
    await refused(session, "get_recipe", {"id": "e-akt"}, ["no recipe", "e-akte"])
    await refused(session, "get_law_section", {"law": "egovg", "section": "99"}, ["no § 99"])
    await refused(session, "get_law_section", {"law": "stvo", "section": "1"}, ["no law", "egovg"])
    await refused(session, "get_law_section", {"law": "egovg", "section": "6", "date": "gestern"}, ["date", "JJJJ-MM-TT"])
    try:
        await session.read_resource("kochbuch://rezepte/gibt-es-nicht")
        expect(False, "read_resource of an unknown recipe gave no error")
    except MCPError as error:
        expect("no recipe" in str(error), f"read_resource: {error}")
    again = await session.call_tool("search", {"query": "Sperrmüll"})
    expect(again.structured_content["hits"], "the server stopped answering after the bad requests")


async def bench(session, count):
    queries = ["E-Akte einführen", "Sperrmüll anmelden", "elektronischer Zugang", "§ 3 EGovG", "Bürgerportal", "Anträge",
               "Wohnsitz ummelden", "Parkausweis", "Schule anmelden", "Hundesteuer"]
    # One call first, not measured: it brings the index up to date (a warm server is what an assistant talks to).
    await session.call_tool("search", {"query": queries[0], "limit": 10})
    times = []
    for index in range(count):
        started = time.perf_counter()
        await session.call_tool("search", {"query": queries[index % len(queries)], "limit": 10})
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    print(json.dumps({"calls": count, "p50_ms": round(statistics.median(times), 1), "p95_ms": round(p95, 1)}))


async def main():
    parameters = StdioServerParameters(command=kochbuch, args=["mcp", "--book", book])
    async with stdio_client(parameters) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            if "--bench" in sys.argv:
                await bench(session, int(sys.argv[sys.argv.index("--bench") + 1]))
                return
            await checks(session)
    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print("ok")


asyncio.run(main())
