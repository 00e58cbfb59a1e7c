"""Extraction spread over worker processes or a Dask cluster, results back in input order.

Why this shape: parsing and extraction are pure functions of a document, while writing needs the
store (and the surname join reads what earlier documents wrote). So workers get batches of
``Document`` models and send back ``Extraction`` models; the calling process stays the one
writer and handles them in the order the documents came in. That is what makes a parallel ingest
store exactly the store a serial ingest builds. A bounded window of batches in flight keeps the
corpus out of memory, and local workers are replaced every ``RECYCLE_BATCHES`` batches so that
spaCy's ever-growing string store cannot grow without bound.

Executors used, not written: ``concurrent.futures.ProcessPoolExecutor`` on one machine,
``dask.distributed.Client`` across machines (``pip install 'kg[dask]'``).
"""

from __future__ import annotations

import functools
import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

from kg.errors import InputError, KgError, UsageError
from kg.extract.nlp import DEFAULT_MODEL
from kg.facts.models import Document, Extraction

BATCH_DOCUMENTS = 16
# A batch of 16 articles takes seconds; no answer in this long means a worker that cannot run kg
# (Dask then only logs the error on the worker and the future never ends). $KG_BATCH_TIMEOUT.
BATCH_TIMEOUT_S = 600.0


class WorkerError(KgError):
    """An extraction worker vanished mid-run."""


RECYCLE_BATCHES = 200


@functools.lru_cache(maxsize=2)
def _extractor(model: str):
    from kg.extract.pipeline import Extractor

    return Extractor(model=model)


def extract_batch(documents: list[Document], model: str = DEFAULT_MODEL) -> list[Extraction]:
    """What a worker runs: one model per worker process, loaded on first use and kept."""
    return list(_extractor(model)(documents))


def _exit_with_parent() -> None:
    """Worker initializer: leave when the ingesting process is gone (killed, say), instead of
    lingering as an orphan; the executor cannot tell its workers when it dies unannounced."""
    import os
    import threading
    import time

    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(documents)
    while batch := list(islice(it, size)):
        yield batch


class ParallelExtractor:
    """Callable over documents like ``Extractor``; the work runs in ``workers`` local processes or
    on the Dask scheduler at ``scheduler`` (e.g. ``tcp://10.0.0.5:8786``).

    Usage: ``with ParallelExtractor(workers=2) as x: for extraction in x(documents): ...``
    """

    def __init__(
        self,
        *,
        model: str = DEFAULT_MODEL,
        workers: int = 2,
        scheduler: str | None = None,
        batch_documents: int = BATCH_DOCUMENTS,
        batch_timeout: float | None = None,
    ):
        if workers < 1:
            raise UsageError("--workers must be at least 1")
        self.model = model
        self.batch_documents = batch_documents
        self.batch_timeout = batch_timeout or float(os.environ.get("KG_BATCH_TIMEOUT") or BATCH_TIMEOUT_S)
        self._client = None
        self._pool = None
        if scheduler:
            self._client = _dask_client(scheduler)
            _check_workers(self._client)
            slots = sum(self._client.nthreads().values()) or workers
        else:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=multiprocessing.get_context("spawn"),
                max_tasks_per_child=RECYCLE_BATCHES,
                initializer=_exit_with_parent,
            )
            slots = workers
        self.window = 2 * slots

    def _submit(self, batch: list[Document]):
        if self._client is not None:
            return self._client.submit(extract_batch, batch, self.model, pure=False)
        return self._pool.submit(extract_batch, batch, self.model)

    def __call__(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        """Yield one extraction per document, in order, with at most ``window`` batches in flight."""
        from concurrent.futures.process import BrokenProcessPool

        in_flight: deque = deque()
        try:
            for batch in _batches(documents, self.batch_documents):
                in_flight.append(self._submit(batch))
                if len(in_flight) >= self.window:
                    yield from in_flight.popleft().result(timeout=self.batch_timeout)
            while in_flight:
                yield from in_flight.popleft().result(timeout=self.batch_timeout)
        except BrokenProcessPool:
            raise WorkerError(
                "a worker process died (killed, or out of memory?); the documents written so far are "
                "kept whole: run the same ingest again to go on where it stopped"
            ) from None
        except (KgError, KeyboardInterrupt):
            raise
        except TimeoutError:
            raise WorkerError(
                f"no extraction came back within {self.batch_timeout:g} s: can every worker import kg "
                "(is it installed there)? The documents written so far are kept whole"
            ) from None
        except Exception as exc:
            if self._client is None:
                raise  # a local worker hit a bug in extraction: keep its traceback
            raise WorkerError(
                f"extraction failed on the Dask cluster ({type(exc).__name__}: {exc}); is kg installed "
                "on every worker? The documents written so far are kept whole"
            ) from None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
        if self._client is not None:
            self._client.close()

    def __enter__(self) -> ParallelExtractor:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _check_workers(client) -> None:
    """Every Dask worker must have kg installed (the tasks are kg's own functions)."""
    from importlib.metadata import version

    try:
        client.run(version, "kg")
    except Exception as exc:
        client.close()
        raise WorkerError(f"kg is not installed on every Dask worker ({type(exc).__name__}: {exc})") from None


def _dask_client(address: str):
    try:
        from dask.distributed import Client
    except ImportError:
        raise InputError("--scheduler needs Dask: pip install 'kg[dask]'") from None
    try:
        return Client(address, timeout="5s")
    except (OSError, TimeoutError) as exc:
        raise InputError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
