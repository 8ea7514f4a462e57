#!/usr/bin/env python3
"""Tests of soak.py's pure parts and of load.Connection.exchange, without a Rampart server:
python3 -m unittest bench/test_soak.py"""
import asyncio
import json
import os
import random
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import load  # noqa: E402
import soak  # noqa: E402


def clients():
    return soak.Clients("PL", {r: f"t-{r}" for r in soak.ROLES}, {r: f"rampart_session={r}" for r in soak.ROLES},
                        {"D-1": {"version": 3, "qty0": 10.0}, "D-2": {"version": 1, "qty0": 4.0}},
                        {"L-1": {"version": 2, "capacity0": [{"from": 0, "perMonth": 100.0}]}},
                        {"item": "SHELL", "dueMonth": 12}, "RUN-1")


class SoakTests(unittest.TestCase):
    def test_stale_version(self):
        body = json.dumps({"error": True, "reason": "version: someone else changed this demand first (it is now at version 7); reload"})
        self.assertEqual(soak.stale_version(body.encode()), 7)
        self.assertIsNone(soak.stale_version(b"not json"))
        self.assertIsNone(soak.stale_version(b'{"reason": "other"}'))

    def test_errors_are_5xx_failed_connections_and_timeouts(self):
        self.assertEqual([soak.is_error(s) for s in (200, 204, 409, 422, 500, 503, soak.CONNECTION_FAILED, soak.TIMED_OUT)],
                         [False, False, False, False, True, True, True, True])

    def test_mix_enters_with_the_nation_prefix_and_keeps_entries_bounded(self):
        c = clients()
        mix = soak.Mix(c, write_share=1.0, seed=3, max_entered=5)
        for _ in range(400):
            op = mix.next()
            self.assertEqual(op.kind, "write")
            if op.method == "POST":
                body = json.loads(op.body)
                self.assertTrue(body["id"].startswith("D-PL-SOAK-"))
                self.assertEqual((body["item"], body["dueMonth"]), ("SHELL", 12))
                op.learn(201, json.dumps({"id": body["id"], "version": 1}).encode())
            elif op.method == "DELETE":
                self.assertIn("?version=1", op.path)
                op.learn(204, b"")
            elif op.route == "PATCH /api/v1/demands/{code}":
                self.assertIn(json.loads(op.body)["version"], (1, 3))
                op.learn(409, b'{"reason": "... (it is now at version 3); ..."}')
            self.assertLessEqual(len(c.entered) + c.entering, 5)

    def test_entries_in_flight_count_against_the_bound(self):
        c = clients()
        mix = soak.Mix(c, write_share=1.0, seed=5, max_entered=3)
        ops = [mix.next() for _ in range(200)]   # no answer yet: every entry is still in flight
        self.assertEqual(sum(1 for op in ops if op.method == "POST"), 3)
        self.assertFalse(any(op.method == "DELETE" for op in ops))

    def test_a_patch_learns_the_version_it_gets_back(self):
        c = clients()
        op = soak.patch_source(c, random.Random(0))
        self.assertEqual(json.loads(op.body)["version"], 2)
        op.learn(200, b'{"id": "L-1", "version": 3}')
        self.assertEqual(json.loads(soak.patch_source(c, random.Random(0)).body)["version"], 3)

    def test_memory_verdict(self):
        flat = [{"t_s": t, "vmrss_mib": 100.0 + (20 if t == 30 else 0)} for t in range(0, 601, 30)]
        self.assertTrue(soak.memory_verdict(flat, 120, 10)["met"])
        growing = [{"t_s": t, "vmrss_mib": 100.0 + t / 10} for t in range(0, 601, 30)]
        verdict = soak.memory_verdict(growing, 120, 10)
        self.assertFalse(verdict["met"])
        self.assertAlmostEqual(verdict["trend_mib_per_min"], 6.0)
        self.assertIsNone(soak.memory_verdict(flat[:1], 120, 10)["met"])


class ExchangeTests(unittest.TestCase):
    def test_body_chunked_answer_and_connection_close(self):
        seen = []

        async def handle(reader, writer):
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode().split("\r\n")
                length = next((int(l.split(":")[1]) for l in lines if l.lower().startswith("content-length")), 0)
                seen.append((lines[0], await reader.readexactly(length)))
                if lines[0].startswith("PATCH"):
                    writer.write(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n")
                else:
                    writer.write(b"HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n")
                    await writer.drain()
                    writer.close()
                    return
                await writer.drain()

        async def run():
            server = await asyncio.start_server(handle, "127.0.0.1", 0)
            port = server.sockets[0].getsockname()[1]
            connection = load.Connection("127.0.0.1", port)
            first = await connection.exchange("PATCH", "/x", {}, b'{"a":1}', keep_body=True)
            second = await connection.exchange("DELETE", "/y?version=1", {}, keep_body=True)
            third = await connection.request("/z", {})   # a new connection after the server's close
            server.close()
            return first, second, third

        first, second, third = asyncio.run(run())
        self.assertEqual(first[:2], (200, b"abcde"))
        self.assertEqual(second[:2], (204, b""))
        self.assertEqual(third, 204)
        self.assertEqual(seen[0], ("PATCH /x HTTP/1.1", b'{"a":1}'))
        self.assertEqual(seen[2][0], "GET /z HTTP/1.1")


if __name__ == "__main__":
    unittest.main()
