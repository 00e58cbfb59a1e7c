"""Extraction throughput: articles per minute of the full extractor over a sample corpus.

Prints one JSON object. The corpus is the bundled example plus any text files given, repeated to
``--articles`` documents (each copy made unique so nothing is cached). Run it against two
checkouts with the same interpreter to compare them side by side:

    python benchmarks/extract_throughput.py --articles 200 [FILES...]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()

    from kg.documents.sources import documents_from_text
    from kg.extract.pipeline import Extractor

    texts = [(ROOT / "examples" / "madrid-talks.txt").read_text(encoding="utf-8")]
    texts += [f.read_text(encoding="utf-8") for f in args.files]
    docs = []
    i = 0
    while len(docs) < args.articles:
        base = texts[i % len(texts)]
        docs += documents_from_text(f"{base}\nUpdate {i}.", source=f"bench-{i}")[:1]
        i += 1
    words = sum(len(d.text.split()) for d in docs)
    extractor = Extractor()
    list(extractor(docs[:5]))  # warm-up
    start = time.perf_counter()
    n = sum(1 for _ in extractor(docs))
    seconds = time.perf_counter() - start
    print(
        json.dumps(
            {
                "articles": n,
                "words": words,
                "seconds": round(seconds, 3),
                "articles_per_minute": round(n / seconds * 60, 1),
                "words_per_s": round(words / seconds, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
