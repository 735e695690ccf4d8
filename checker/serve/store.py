"""The desk's memory: one SQLite file under the data dir for reports, their versions and decisions.

- `reports`: one row per uploaded file: its display name (never used as a path), the generated
  storage name, its state (queued → running → done | failed), the stored result (the contract's
  report object, findings carrying `id` and `fingerprint`) and its place in a chain of versions
  (`previous`, `root`, `version`).
- `decisions`: (report, fingerprint) → confirmed | rejected | open, with a note.  A report's finding
  takes the decision recorded on that report, else the one on the nearest earlier version of the
  same chain: so a decision follows the finding's fingerprint into a resubmission, while the record
  on the earlier version stays as it was.

Every method takes the store's lock: the web threads, the worker thread and the startup recovery
share one connection (WAL journal, so a reader never waits for a long write).
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 1
STATES = ("queued", "running", "done", "failed")
DECISIONS = ("open", "confirmed", "rejected")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS reports (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,          -- the client's file name, display only
  kind TEXT NOT NULL,          -- pdf | docx (sniffed)
  stored TEXT NOT NULL,        -- generated file name under files/
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  status TEXT NOT NULL,
  error TEXT,
  created REAL NOT NULL,
  started REAL,
  finished REAL,
  previous TEXT REFERENCES reports(id),
  root TEXT NOT NULL,
  version INTEGER NOT NULL,
  upload TEXT,                 -- the upload (request) this file came with
  result TEXT                  -- JSON: the report object
);
CREATE INDEX IF NOT EXISTS reports_status ON reports(status, created);
CREATE TABLE IF NOT EXISTS decisions (
  report TEXT NOT NULL REFERENCES reports(id),
  fingerprint TEXT NOT NULL,
  decision TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  updated REAL NOT NULL,
  PRIMARY KEY (report, fingerprint)
);
"""

_COLUMNS = ("id", "name", "kind", "stored", "size", "sha256", "status", "error", "created", "started",
            "finished", "previous", "root", "version", "upload")


def new_id() -> str:
    """An unguessable report id, safe in a URL and as a file name."""
    return secrets.token_hex(8)


class Store:
    def __init__(self, data_dir: Path):
        self.dir = Path(data_dir)
        self.files = self.dir / "files"
        self.pages = self.dir / "pages"
        self.work = self.dir / "work"
        for d in (self.dir, self.files, self.pages, self.work):
            d.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._db = sqlite3.connect(self.dir / "pecheck.sqlite3", check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        with self._lock:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.executescript(_SCHEMA)
            self._db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # ------------------------------------------------------------------------------------ reports

    def add(self, *, rid: str, name: str, kind: str, stored: str, size: int, sha256: str,
            previous: str | None = None, upload: str | None = None) -> dict[str, Any]:
        with self._lock:
            root, version = rid, 1
            if previous:
                prev = self.get(previous)
                if prev is None:
                    raise KeyError(previous)
                root, version = prev["root"], self._next_version(prev["root"])
            self._db.execute(
                "INSERT INTO reports (id, name, kind, stored, size, sha256, status, created, previous, root, "
                "version, upload) VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?)",
                (rid, name, kind, stored, size, sha256, time.time(), previous, root, version, upload))
        return self.get(rid)

    def _next_version(self, root: str) -> int:
        row = self._db.execute("SELECT MAX(version) FROM reports WHERE root = ?", (root,)).fetchone()
        return int(row[0] or 0) + 1

    def get(self, rid: str, with_result: bool = False) -> dict[str, Any] | None:
        cols = ", ".join(_COLUMNS + (("result",) if with_result else ()))
        with self._lock:
            row = self._db.execute(f"SELECT {cols} FROM reports WHERE id = ?", (rid,)).fetchone()
        if row is None:
            return None
        d = dict(row)
        if with_result:
            d["result"] = json.loads(d["result"]) if d["result"] else None
        return d

    def all(self) -> list[dict[str, Any]]:
        with self._lock:
            rows = self._db.execute(f"SELECT {', '.join(_COLUMNS)} FROM reports ORDER BY created, rowid").fetchall()
        return [dict(r) for r in rows]

    def results(self, ids: list[str]) -> dict[str, dict]:
        if not ids:
            return {}
        with self._lock:
            rows = self._db.execute(
                f"SELECT id, result FROM reports WHERE id IN ({','.join('?' * len(ids))})", ids).fetchall()
        return {r["id"]: json.loads(r["result"]) for r in rows if r["result"]}

    def pending(self) -> int:
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM reports WHERE status IN ('queued', 'running')").fetchone()[0]

    def queue_position(self, rid: str) -> int:
        """How many queued reports are ahead of this one."""
        with self._lock:
            row = self._db.execute(
                "SELECT COUNT(*) FROM reports WHERE status = 'queued' AND rowid < (SELECT rowid FROM reports "
                "WHERE id = ?)", (rid,)).fetchone()
        return int(row[0])

    def claim_next(self) -> dict[str, Any] | None:
        """The oldest queued report, now marked running (one transaction: never handed out twice)."""
        with self._lock:
            row = self._db.execute(
                "SELECT id FROM reports WHERE status = 'queued' ORDER BY rowid LIMIT 1").fetchone()
            if row is None:
                return None
            self._db.execute("UPDATE reports SET status = 'running', started = ? WHERE id = ?",
                             (time.time(), row["id"]))
            return self.get(row["id"])

    def finish(self, rid: str, result: dict[str, Any] | None, error: str | None) -> None:
        status = "failed" if error else "done"
        with self._lock:
            self._db.execute("UPDATE reports SET status = ?, error = ?, finished = ?, result = ? WHERE id = ?",
                             (status, error, time.time(),
                              json.dumps(result, ensure_ascii=False) if result is not None else None, rid))

    def requeue_interrupted(self) -> int:
        """Reports left running by a server that stopped: check them again."""
        with self._lock:
            cur = self._db.execute("UPDATE reports SET status = 'queued', started = NULL WHERE status = 'running'")
            return cur.rowcount

    def chain(self, rid: str) -> list[str]:
        """This report and its earlier versions, newest first."""
        out: list[str] = []
        with self._lock:
            cur: str | None = rid
            while cur and cur not in out:
                out.append(cur)
                row = self._db.execute("SELECT previous FROM reports WHERE id = ?", (cur,)).fetchone()
                cur = row["previous"] if row else None
        return out

    # ---------------------------------------------------------------------------------- decisions

    def decide(self, rid: str, fingerprint: str, decision: str, note: str = "") -> None:
        if decision not in DECISIONS:
            raise ValueError(decision)
        with self._lock:
            self._db.execute(
                "INSERT INTO decisions (report, fingerprint, decision, note, updated) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (report, fingerprint) DO UPDATE SET decision = excluded.decision, "
                "note = excluded.note, updated = excluded.updated",
                (rid, fingerprint, decision, note, time.time()))

    def decisions(self, rid: str) -> dict[str, dict[str, Any]]:
        """fingerprint → {decision, note, updated, report}: this report's own, else the nearest earlier
        version's."""
        chain = self.chain(rid)
        with self._lock:
            rows = self._db.execute(
                f"SELECT report, fingerprint, decision, note, updated FROM decisions WHERE report IN "
                f"({','.join('?' * len(chain))})", chain).fetchall()
        rank = {r: i for i, r in enumerate(chain)}
        out: dict[str, dict[str, Any]] = {}
        for r in sorted(rows, key=lambda r: rank[r["report"]], reverse=True):
            out[r["fingerprint"]] = dict(r)  # nearer versions overwrite older ones
        return out
