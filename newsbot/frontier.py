"""A crawl frontier shared through Redis: any number of `newsbot crawl --redis URL` workers, on any
number of machines, take their requests from one queue and one duplicate filter.

Everything lives under ``newsbot:<job>:`` (a job is a site profile, or a profile with its own
start URLs; `frontier_job`):

- ``requests``: the queue, a sorted set by priority in scrapy-redis's format;
- ``seen``: the duplicate filter, request fingerprints (scrapy-redis's RFPDupeFilter), so a URL
  is fetched once across all workers;
- ``run``: the run in progress. The process that starts a run claims it (SET NX) and seeds the
  start requests; a second start of the same job while it lives is refused (`RunActive`, exit 3,
  as the data-dir lock refuses a second cron run). Workers started with `--join` help the run in
  progress. Every live worker keeps the key alive; when the last one dies it expires after
  NEWSBOT_REDIS_WORKER_TTL seconds, so a crashed run never blocks the next one for long.
- ``worker:<id>`` (a heartbeat with a TTL) and ``inflight:<id>``: the requests a worker has taken
  from the queue and not yet finished (fetched, parsed and archived). A pop moves a request from
  the queue into its worker's hash in one Lua script, so a worker killed mid-crawl loses nothing:
  any worker finding a dead one's heartbeat expired puts its requests back in the queue
  (`recover`). scrapy-redis's own queues pop destructively, which would lose them.

A run ends when the queue is empty and no worker, live or dead, holds a request in flight:
a worker that has seen that for NEWSBOT_REDIS_IDLE_TIMEOUT seconds leaves, and the run key goes.
Imported only when a crawl names a Redis URL: the default crawl never imports redis.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import socket
import time

import redis

PREFIX = "newsbot"

# Pop the best request and record it as this worker's, atomically: KEYS queue, inflight hash.
# The hash field is "<score>:<sha1 of the request>", so a requeue restores the priority.
_POP = """
local popped = redis.call('ZPOPMIN', KEYS[1])
if #popped == 0 then return false end
local field = popped[2] .. ':' .. redis.sha1hex(popped[1])
redis.call('HSET', KEYS[2], field, popped[1])
return {popped[1], field}
"""
# Put every request of the workers whose heartbeat expired back in the queue: KEYS queue,
# workers set; ARGV key prefix, and the one worker to requeue regardless (a clean leave) or ''.
_RECOVER = """
local moved = 0
for _, worker in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  if worker == ARGV[2] or redis.call('EXISTS', ARGV[1] .. 'worker:' .. worker) == 0 then
    local hash = ARGV[1] .. 'inflight:' .. worker
    local entries = redis.call('HGETALL', hash)
    for i = 1, #entries, 2 do
      redis.call('ZADD', KEYS[1], tonumber(string.match(entries[i], '^([^:]+):')), entries[i + 1])
      moved = moved + 1
    end
    redis.call('DEL', hash)
    redis.call('SREM', KEYS[2], worker)
  end
end
return moved
"""


class FrontierError(RuntimeError):
    """Redis cannot be reached or refused a command: one line for the user."""


class RunActive(RuntimeError):
    """A run of the job is in progress on the frontier (a second cron start is refused)."""


def frontier_job(site: str, urls: list[str] | None) -> str:
    """The job a crawl belongs to: its site profile, plus a digest of its own start URLs."""
    if not urls:
        return site
    return f"{site}-{hashlib.sha1(' '.join(sorted(urls)).encode()).hexdigest()[:10]}"


def connect(url: str) -> redis.Redis:
    """A client for *url*, checked with a PING; FrontierError in one line when it fails."""
    try:
        server = redis.Redis.from_url(url, socket_timeout=30, socket_connect_timeout=10)
        server.ping()
    except (redis.RedisError, ValueError) as error:
        raise FrontierError(f"cannot use Redis at {redact(url)}: {error}") from None
    return server


def claim_runs(frontiers: list[Frontier], wait: float = 0, poll: float = 0.5) -> None:
    """Start a run of each frontier's job, waiting up to *wait* seconds for one in progress to
    end; RunActive (the runs already claimed are released) when one is still going."""
    deadline = time.monotonic() + wait
    claimed = []
    for frontier in frontiers:
        while not frontier.start_run():
            if time.monotonic() >= deadline:
                for done in claimed:
                    done.leave(finished=True)
                raise RunActive(f"another crawl of {frontier.job} is running ({frontier.run_holder() or 'ending'})")
            time.sleep(poll)
        claimed.append(frontier)


def redact(url: str) -> str:
    """*url* without a password, for messages and logs."""
    scheme, sep, rest = url.partition("://")
    if "@" not in rest:
        return url
    return f"{scheme}{sep}***@{rest.split('@', 1)[1]}"


class Frontier:
    """One worker's view of a job's shared frontier (plain Redis; no Scrapy here)."""

    def __init__(self, server: redis.Redis, job: str, worker: str | None = None, ttl: float = 30.0):
        self.server, self.job, self.ttl = server, job, ttl
        self.prefix = f"{PREFIX}:{job}:"
        self.worker = worker or f"{socket.gethostname()}-{os.getpid()}-{secrets.token_hex(3)}"
        self.queue_key, self.seen_key = self.prefix + "requests", self.prefix + "seen"
        self.run_key, self.workers_key = self.prefix + "run", self.prefix + "workers"
        self.inflight_key = self.prefix + "inflight:" + self.worker
        self._pop = server.register_script(_POP)
        self._recover = server.register_script(_RECOVER)

    def start_run(self) -> bool:
        """Claim a new run of the job: False when one is in progress. A claimed run starts from an
        empty frontier (what a crashed run left queued is dropped: the new run discovers again)."""
        run = f"{self.worker} {time.strftime('%Y-%m-%dT%H:%M:%S%z')}"
        if not self.server.set(self.run_key, run, nx=True, px=self._ttl_ms):
            return False
        self.server.delete(self.queue_key, self.seen_key)
        for worker in self.server.smembers(self.workers_key):  # what dead workers held is dropped too
            if not self.server.exists(self.prefix + "worker:" + worker.decode()):
                self.server.delete(self.prefix + "inflight:" + worker.decode())
                self.server.srem(self.workers_key, worker)
        self.heartbeat()
        return True

    def run_holder(self) -> str | None:
        value = self.server.get(self.run_key)
        return value.decode() if value else None

    def heartbeat(self) -> None:
        """Say this worker is alive (registering it), and keep the run alive while it is."""
        with self.server.pipeline() as pipe:
            pipe.sadd(self.workers_key, self.worker)
            pipe.set(self.prefix + "worker:" + self.worker, "1", px=self._ttl_ms)
            pipe.pexpire(self.run_key, self._ttl_ms)
            pipe.execute()

    def push(self, data: bytes, score: float, finished: str | None = None) -> None:
        """Queue an encoded request; *finished*: the in-flight request it replaces (a retry or a
        redirect), done once this one is queued."""
        with self.server.pipeline() as pipe:
            pipe.zadd(self.queue_key, {data: score})
            if finished:
                pipe.hdel(self.inflight_key, finished)
            pipe.execute()

    def pop(self) -> tuple[bytes, str] | None:
        """The best queued request and its in-flight token, or None when the queue is empty."""
        popped = self._pop(keys=[self.queue_key, self.inflight_key])
        return (popped[0], popped[1].decode()) if popped else None

    def done(self, token: str) -> None:
        self.server.hdel(self.inflight_key, token)

    def recover(self, leaving: bool = False) -> int:
        """Requeue what dead workers (and, *leaving*, this one) held in flight; how many."""
        return int(self._recover(keys=[self.queue_key, self.workers_key],
                                 args=[self.prefix, self.worker if leaving else ""]))

    def queued(self) -> int:
        return int(self.server.zcard(self.queue_key))

    def in_flight(self) -> int:
        """Requests held by any registered worker (a dead one's count until they are requeued)."""
        workers = self.server.smembers(self.workers_key)
        return sum(int(self.server.hlen(self.prefix + "inflight:" + w.decode())) for w in workers)

    def leave(self, finished: bool) -> None:
        """Hand back whatever this worker still holds; *finished* (the run's frontier drained)
        also ends the run, so the next start of the job is not refused."""
        self.recover(leaving=True)
        self.server.delete(self.prefix + "worker:" + self.worker)
        if finished and not self.queued() and not self.in_flight():
            self.server.delete(self.run_key, self.seen_key)

    @property
    def _ttl_ms(self) -> int:
        return max(int(self.ttl * 1000), 1000)
