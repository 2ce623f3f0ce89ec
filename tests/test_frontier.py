"""newsbot.frontier against a real redis-server: runs claimed once, requests in flight per worker,
a dead worker's requests requeued with their priority, the run ended once the frontier drains."""

from __future__ import annotations

import time

import pytest

redis = pytest.importorskip("redis")

from newsbot.frontier import Frontier, RunActive, claim_runs, connect, frontier_job, redact  # noqa: E402

# Encoded requests are opaque bytes to the frontier; Devanagari URLs as a real queue holds them.
PAGES = ["http://गाँव.example/ख़बर/पंचायत-चुनाव".encode(), "http://गाँव.example/ज़िला/१२".encode(),
         "http://गाँव.example/राज्य/बैठक‌".encode()]


def frontier(url: str, job: str = "gramin", worker: str | None = None, ttl: float = 1.0) -> Frontier:
    return Frontier(connect(url), job, worker=worker, ttl=ttl)


def test_one_run_per_job_until_it_ends(redis_frontier):
    first, second = frontier(redis_frontier, worker="a"), frontier(redis_frontier, worker="b")
    assert first.start_run()
    assert not second.start_run()
    assert "a " in second.run_holder()
    with pytest.raises(RunActive, match="another crawl of gramin is running"):
        claim_runs([second], wait=0.2, poll=0.05)
    assert frontier(redis_frontier, job="khabar").start_run()  # another job is another frontier
    first.leave(finished=True)
    assert second.start_run()


def test_a_claimed_run_starts_from_an_empty_frontier(redis_frontier):
    old = frontier(redis_frontier, worker="old")
    assert old.start_run()
    old.push(PAGES[0], 0)
    old.server.sadd(old.seen_key, "fingerprint")
    old.server.delete(old.run_key, old.prefix + "worker:old")  # the whole run died long ago
    new = frontier(redis_frontier, worker="new")
    assert new.start_run()
    assert new.queued() == 0 and not new.server.exists(new.seen_key)


def test_requests_in_flight_come_back_when_their_worker_dies(redis_frontier):
    dying, other = frontier(redis_frontier, worker="dying"), frontier(redis_frontier, worker="other")
    assert dying.start_run()
    other.heartbeat()
    for score, page in zip((-10, 0, 5), PAGES, strict=True):
        dying.push(page, score)
    taken = [dying.pop(), dying.pop()]
    assert [page for page, _ in taken] == PAGES[:2]  # best priority first
    assert dying.queued() == 1 and other.in_flight() == 2
    assert other.recover() == 0  # its heartbeat is alive: nothing to take back
    dying.done(taken[1][1])
    assert other.in_flight() == 1
    time.sleep(1.2)  # the TTL passes without a heartbeat: SIGKILL
    other.heartbeat()
    assert other.recover() == 1
    assert other.in_flight() == 0 and other.queued() == 2
    assert other.pop()[0] == PAGES[0]  # requeued with its priority, ahead of the rest
    assert other.pop()[0] == PAGES[2]
    assert other.pop() is None


def test_a_retry_replaces_its_request_in_flight(redis_frontier):
    worker = frontier(redis_frontier)
    worker.heartbeat()
    worker.push(PAGES[0], 0)
    _, token = worker.pop()
    worker.push(PAGES[0], 0, finished=token)
    assert worker.in_flight() == 0 and worker.queued() == 1


def test_leaving_hands_requests_back_and_only_a_drained_run_ends(redis_frontier):
    worker = frontier(redis_frontier, ttl=30)
    assert worker.start_run()
    worker.push(PAGES[0], 0)
    worker.pop()
    worker.leave(finished=True)
    assert worker.queued() == 1 and worker.in_flight() == 0
    assert worker.run_holder() is not None  # requests remain: a joining worker may finish the run
    worker.pop()
    worker.done(worker.server.hkeys(worker.inflight_key)[0].decode())
    worker.leave(finished=True)
    assert worker.run_holder() is None


def test_jobs_and_urls():
    assert frontier_job("gramin", None) == "gramin"
    assert frontier_job("generic", ["http://b.in/", "http://a.in/"]) == frontier_job("generic", ["http://a.in/", "http://b.in/"])
    assert frontier_job("generic", ["http://a.in/"]) != frontier_job("generic", ["http://b.in/"])
    assert redact("redis://:s3cret@cache.local:6379/2") == "redis://***@cache.local:6379/2"
    assert redact("redis://cache.local:6379/0") == "redis://cache.local:6379/0"
