"""examples/notebook.ipynb runs from top to bottom on a real kernel (nbclient), as a notebook user
runs it: the walkthrough cannot rot."""

from __future__ import annotations

from pathlib import Path

NOTEBOOK = Path(__file__).resolve().parent.parent / "examples" / "notebook.ipynb"


def test_notebook_runs_and_shows_the_explorer_inline():
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(
        nb, timeout=240, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    ).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "\n".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "with He Lifeng" in text and "Rachel Reeves -> Scott Bessent" in text
    assert "nearest names: Bessent" in text
    html = [o["data"]["text/html"] for o in outputs if o.output_type == "execute_result" and "text/html" in o["data"]]
    assert any(h.startswith("<iframe srcdoc=") and "kg-search" in h for h in html)
    assert any("<table" in h and "participants" in h for h in html)  # the DataFrame
