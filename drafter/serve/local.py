"""A real `drafter serve` in a child process on a free loopback port, for the browser tests,
the benchmark and the README's screenshot (tests meet the server the way users do)."""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def serving(target: Path, workers: int = 1, timeout: float = 60.0) -> Iterator[str]:
    """Start the server on `target`, yield its base URL once it answers, then stop it."""
    port = free_port()
    child = subprocess.Popen(
        [sys.executable, "-m", "drafter", "serve", str(target), "--port", str(port), "--workers", str(workers)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if child.poll() is not None:
                raise RuntimeError(f"drafter serve exited: {child.stderr.read() if child.stderr else ''}")
            try:
                with urllib.request.urlopen(f"{url}/api/start", timeout=5) as answer:
                    json.load(answer)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("drafter serve did not answer in time") from None
                time.sleep(0.1)
        yield url
    finally:
        child.terminate()
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
        for stream in (child.stdout, child.stderr):
            if stream:
                stream.close()
