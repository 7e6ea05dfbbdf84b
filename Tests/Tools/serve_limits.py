"""What `kochbuch serve` accepts, tried on raw sockets as a hostile page or client would.

Usage: serve_limits.py URL PID. Exits 0 when every check holds; prints what failed otherwise.
"""
import socket
import sys
import time
from urllib.parse import urlparse

url = urlparse(sys.argv[1])
pid = int(sys.argv[2])
host, port = url.hostname, url.port
failures = []


def request(head: bytes, timeout: float = 15.0) -> bytes:
    with socket.create_connection((host, port), timeout=timeout) as connection:
        connection.sendall(head)
        data = b""
        while True:
            chunk = connection.recv(65536)
            if not chunk:
                return data
            data += chunk


def status(head: bytes) -> int:
    answer = request(head)
    try:
        return int(answer.split(b" ", 2)[1])
    except (IndexError, ValueError):
        return 0


def expect(name: str, seen, wanted):
    if seen != wanted:
        failures.append(f"{name}: got {seen!r}, expected {wanted!r}")


def threads() -> int:
    with open(f"/proc/{pid}/status") as status_file:
        for line in status_file:
            if line.startswith("Threads:"):
                return int(line.split()[1])
    return -1


get = "GET / HTTP/1.1\r\nHost: {}\r\n\r\n"
expect("own address", status(get.format(f"{host}:{port}").encode()), 200)
expect("localhost", status(get.format(f"localhost:{port}").encode()), 200)
expect("a rebound domain name", status(get.format(f"attacker.example:{port}").encode()), 421)
expect("another port", status(get.format(f"{host}:{port + 1}").encode()), 421)
expect("no Host", status(b"GET / HTTP/1.1\r\n\r\n"), 421)
expect("two Host fields", status(f"GET / HTTP/1.1\r\nHost: {host}:{port}\r\nHost: attacker.example\r\n\r\n".encode()), 421)
big = f"GET / HTTP/1.1\r\nHost: {host}:{port}\r\nX-Fill: {'a' * 20000}\r\n\r\n".encode()
expect("an oversized head", status(big), 431)
expect("an endless head", status(f"GET / HTTP/1.1\r\nX-Fill: {'a' * 40000}".encode()), 431)

# Stalled clients: they hold at most the connection limit, the rest are turned away at once,
# and after the timeout every one is dropped.
baseline = threads()
stalled = []
for _ in range(200):
    connection = socket.create_connection((host, port), timeout=5)
    connection.sendall(b"GET / HTTP/1.1\r\n")
    stalled.append(connection)
time.sleep(1)
if threads() > baseline + 40:
    failures.append(f"{threads()} threads with 200 stalled clients (before: {baseline})")
started = time.monotonic()
busy = status(get.format(f"{host}:{port}").encode())
if busy not in (200, 503) or time.monotonic() - started > 3:
    failures.append(f"a request beside 200 stalled clients: status {busy} after {time.monotonic() - started:.1f} s")

# Clients that ask for a page and never read the answer.
readers = []
for _ in range(40):
    connection = socket.create_connection((host, port), timeout=5)
    connection.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    connection.sendall(get.format(f"{host}:{port}").replace("GET / ", "GET /assets/search.js ").encode())
    readers.append(connection)
time.sleep(12)
expect("a request after the stalled clients timed out", status(get.format(f"{host}:{port}").encode()), 200)
if threads() > baseline + 8:
    failures.append(f"{threads()} threads left after the timeout (before: {baseline})")
for connection in stalled + readers:
    connection.close()

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("ok")
