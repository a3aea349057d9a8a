"""Benchmark of `drafter serve`'s preview on loopback (never a timed test).

    python bench/bench_serve.py [--rounds 40] [--clients 20] [--per-client 10] [--workers 2]

A real server (drafter/serve/local.py) on a copy of the quick-start profile. Every request
carries another locality name, so no preview is answered from the server's small cache.
1. one editor: the preview's server time (Server-Timing) and round trip, median;
2. 20 editors at once, each sending a preview, then pausing as a typist does between the
   page's debounced previews (0.5–1.5 s); p95 of the round trip;
3. the same 20 clients back to back without pausing: the saturated case, for the record.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
import http.client
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
QINGHE = ROOT / "profiles" / "qinghe.yaml"
sys.path.insert(0, str(ROOT))


def client(port: int):  # type: ignore[no-untyped-def]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Host": f"127.0.0.1:{port}", "Origin": f"http://127.0.0.1:{port}", "Content-Type": "application/json"}

    def preview(data: dict, serial: int) -> tuple[float, float]:
        data["jurisdiction"]["name"] = f"清河{serial}县"
        body = json.dumps({"name": "qinghe.yaml", "data": data}, ensure_ascii=False).encode()
        start = time.perf_counter()
        connection.request("POST", "/api/preview", body, headers)
        answer = connection.getresponse()
        payload = answer.read()
        spent = (time.perf_counter() - start) * 1000
        assert answer.status == 200 and json.loads(payload)["ok"], payload[:200]
        server = float(answer.getheader("Server-Timing", "preview;dur=nan").split("dur=")[1])
        return server, spent

    return preview


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def concurrent(port: int, data: dict, clients: int, per_client: int, pause: tuple[float, float]) -> list[float]:
    times: list[float] = []
    lock = threading.Lock()

    def editor(number: int) -> None:
        preview, rng = client(port), random.Random(number)
        time.sleep(rng.uniform(0, pause[1]))  # editors do not all start on the same instant
        for round_no in range(per_client):
            _, spent = preview(json.loads(json.dumps(data)), 10_000 * (number + 1) + round_no)
            with lock:
                times.append(spent)
            time.sleep(rng.uniform(*pause))

    threads = [threading.Thread(target=editor, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--per-client", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    options = parser.parse_args()
    from drafter.editing import ProfileFile
    from drafter.serve.local import serving

    folder = Path(tempfile.mkdtemp())
    try:
        profile = folder / "qinghe.yaml"
        shutil.copyfile(QINGHE, profile)
        data = ProfileFile(profile).data(profile.read_text("utf-8"))
        with serving(profile, workers=options.workers) as url:
            port = int(urlsplit(url).port or 0)
            preview = client(port)
            for serial in range(5):  # warm-up: templates compiled in every worker
                preview(json.loads(json.dumps(data)), serial)
            single = [preview(json.loads(json.dumps(data)), 100 + n) for n in range(options.rounds)]
            server_ms = statistics.median(s for s, _ in single)
            trip_ms = statistics.median(t for _, t in single)
            editors = concurrent(port, data, options.clients, options.per_client, (0.5, 1.5))
            saturated = concurrent(port, data, options.clients, options.per_client, (0.0, 0.0))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"{platform.machine()}, Python {platform.python_version()}, {options.workers} drafting workers")
    print(f"1 editor, {options.rounds} previews: server time median {server_ms:.0f} ms, round trip median "
          f"{trip_ms:.0f} ms  (goal: server ≤ 100 ms — {'met' if server_ms <= 100 else 'NOT met'})")
    print(f"{options.clients} editors × {options.per_client} previews, 0.5–1.5 s apart: round trip p95 "
          f"{p95(editors):.0f} ms, median {statistics.median(editors):.0f} ms  "
          f"(goal: p95 ≤ 300 ms — {'met' if p95(editors) <= 300 else 'NOT met'})")
    print(f"{options.clients} clients × {options.per_client} previews back to back (saturated): round trip p95 "
          f"{p95(saturated):.0f} ms, median {statistics.median(saturated):.0f} ms")


if __name__ == "__main__":
    main()
