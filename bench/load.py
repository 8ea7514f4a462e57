"""Open-loop HTTP load at a fixed rate, with latencies measured from each request's scheduled time
(so a slow server cannot hide its queueing: no coordinated omission). Standard library only."""
import asyncio
import time


class Connection:
    def __init__(self, host, port):
        self.host, self.port = host, port
        self.reader = self.writer = None

    async def request(self, path, headers):
        """A GET; returns the status (the body is read and dropped)."""
        status, _, _ = await self.exchange("GET", path, headers)
        return status

    async def exchange(self, method, path, headers, body=None, keep_body=False):
        """One request on this keep-alive connection (opened on first use). Returns (status, body or None, headers
        with lower-case names). A `Connection: close` answer closes it; the next request opens a new one."""
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}"] + [f"{k}: {v}" for k, v in headers.items()]
        if body is not None:
            lines.append(f"Content-Length: {len(body)}")
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + (body or b""))
        await self.writer.drain()
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionError("server closed the connection")
        status = int(status_line.split()[1])
        length, chunked, answer_headers = 0, False, {}
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            answer_headers[name.strip().lower()] = value.strip()
            if name.lower() == "content-length":
                length = int(value.strip())
            elif name.lower() == "transfer-encoding" and "chunked" in value.lower():
                chunked = True
        parts = []
        if chunked:
            while True:
                size = int((await self.reader.readline()).strip(), 16)
                chunk = await self.reader.readexactly(size + 2)
                if keep_body:
                    parts.append(chunk[:-2])
                if size == 0:
                    break
        else:
            chunk = await self.reader.readexactly(length)
            if keep_body:
                parts.append(chunk)
        if answer_headers.get("connection", "").lower() == "close":
            self.close()
        return status, (b"".join(parts) if keep_body else None), answer_headers

    def close(self):
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def run(host, port, targets, rate, seconds, connections=32, timeline=None):
    """targets: list of (name, path, headers), used in turn. Returns [(name, status, latency_seconds)].
    With a list as `timeline`, also appends (seconds from the start it was scheduled at, name, latency_seconds)."""
    total = int(rate * seconds)
    interval = 1.0 / rate
    pool = asyncio.Queue()
    for _ in range(connections):
        pool.put_nowait(Connection(host, port))
    results = []
    start = time.perf_counter() + 0.05

    async def one(index):
        scheduled = start + index * interval
        delay = scheduled - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        name, path, headers = targets[index % len(targets)]
        connection = await pool.get()
        try:
            status = await connection.request(path, headers)
        except (ConnectionError, asyncio.IncompleteReadError, OSError):
            connection = Connection(host, port)
            status = 0
        finally:
            pool.put_nowait(connection)
        latency = time.perf_counter() - scheduled
        results.append((name, status, latency))
        if timeline is not None:
            timeline.append((index * interval, name, latency))

    await asyncio.gather(*(one(i) for i in range(total)))
    return results


def percentile(values, p):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = min(len(ordered) - 1, max(0, int(round(p / 100.0 * len(ordered) + 0.5)) - 1))
    return ordered[k]
