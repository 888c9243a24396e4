"""Tables of benchmark results, plain or Markdown."""

from __future__ import annotations

from typing import Any


def _s(seconds: float | None) -> str:
    return "—" if seconds is None else f"{seconds:.2f}"


def _rebuild(entry: dict[str, Any] | None) -> str:
    """``wall s / CPU s (files touched / files changed)`` for one rebuild."""
    if not entry:
        return "n/a"
    if entry.get("returncode", 0) != 0:
        return "failed"
    cpu = entry.get("cpu_seconds")
    cpu_text = f" / {cpu:.2f}" if cpu is not None else ""
    return f"{entry['seconds']:.2f}{cpu_text} ({entry['touched']}/{entry['changed']})"


def _table(headers: list[str], rows: list[list[str]], markdown: bool) -> str:
    if markdown:
        lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines)
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    fmt = "  ".join(f"{{:>{w}}}" for w in widths)
    return "\n".join([fmt.format(*headers), *(fmt.format(*row) for row in rows)])


def _wall(summary: dict[str, Any]) -> str:
    return f"{summary['seconds']:.2f} ({summary['min_seconds']:.2f})"


TOOL_LABELS = {
    "site": "site-builder build (search included)",
    "hugo+pagefind": "Hugo + Pagefind on Hugo's output",
    "site-no-search": "site-builder build --no-search",
    "hugo": "Hugo alone",
}


def cold_rows(results: dict[str, Any]) -> list[list[str]]:
    rows = []
    for run in results["runs"]:
        for name, summary in run["cold"].items():
            loads = [r["load_before"] for r in summary.get("runs", [])]
            row = [str(run["n"]), TOOL_LABELS.get(name, name)]
            if summary.get("ok"):
                row += [
                    _wall(summary),
                    _s(summary["cpu_seconds"]),
                    f"{summary.get('tree_pss_mb', 0):.0f} / {summary['tree_rss_mb']:.0f} / "
                    f"{summary['max_rss_mb']:.0f}",
                    f"{summary['output_mb']:.0f} / {summary['output_files']}",
                ]
            else:
                row += ["failed", "—", "—", "—"]
            row.append(f"{min(loads):.1f}–{max(loads):.1f}" if loads else "—")
            rows.append(row)
    return rows


COLD_HEADERS = [
    "N", "build", "wall s med (min)", "CPU s", "peak MB PSS / RSS / largest process",
    "output MB / files", "load avg",
]  # fmt: skip


def _ratio(cold: dict[str, Any], ours: str, theirs: str, key: str) -> str:
    a, b = cold.get(ours), cold.get(theirs)
    if not (a and b and a.get("ok") and b.get("ok")):
        return "—"
    return f"{a[key] / b[key]:.2f}"


def ratio_rows(results: dict[str, Any]) -> list[list[str]]:
    rows = []
    for run in results["runs"]:
        cold = run["cold"]
        rows.append(
            [
                str(run["n"]),
                _ratio(cold, "site", "hugo+pagefind", "seconds"),
                _ratio(cold, "site", "hugo+pagefind", "cpu_seconds"),
                _ratio(cold, "site-no-search", "hugo", "seconds"),
                _ratio(cold, "site-no-search", "hugo", "cpu_seconds"),
            ]
        )
    return rows


RATIO_HEADERS = [
    "N", "default ÷ Hugo + Pagefind, wall", "CPU", "--no-search ÷ Hugo, wall", "CPU",
]  # fmt: skip


def rebuild_rows(results: dict[str, Any]) -> list[list[str]]:
    rows = []
    for run in results["runs"]:
        rebuilds = run.get("rebuilds") or {}
        keys = ("noop", "transcript_edit", "annotation_edit", "template_edit", "transcript_add")
        rows.append([str(run["n"]), *(_rebuild(rebuilds.get(k)) for k in keys)])
    return rows


REBUILD_HEADERS = [
    "N", "no-op", "transcript edit", "annotation edit", "template edit", "transcript added",
]  # fmt: skip


def inprocess_rows(results: dict[str, Any]) -> list[list[str]]:
    rows = []
    for run in results["runs"]:
        ip = run["inprocess"]
        if not ip.get("available"):
            reason = ip.get("reason") or ip.get("error", "").strip().splitlines()[-1:]
            rows.append([str(run["n"]), f"not available: {reason}", "", "", "", "", "", ""])
            continue
        rows.append(
            [
                str(run["n"]),
                ip["api"].split(" ")[0],
                f"{ip['first_build_seconds']:.2f} / {ip['first_build_cpu_seconds']:.2f}",
                _rebuild(ip["noop"]),
                _rebuild(ip["transcript_edit"]),
                _rebuild(ip["annotation_edit"]),
                _rebuild(ip["template_edit"]),
                f"{ip.get('tree_pss_mb', 0):.0f} / {ip['tree_rss_mb']:.0f}",
            ]
        )
    return rows


INPROCESS_HEADERS = [
    "N", "API", "first build", "no-op", "transcript edit", "annotation edit", "template edit",
    "peak MB PSS / RSS",
]  # fmt: skip


def print_tables(results: dict[str, Any], *, markdown: bool = False) -> None:
    print("Cold builds (wall seconds: median of the runs, fastest in brackets):\n")
    print(_table(COLD_HEADERS, cold_rows(results), markdown))
    print("\nSide by side (ours ÷ theirs, medians):\n")
    print(_table(RATIO_HEADERS, ratio_rows(results), markdown))
    print("\nsite-builder rebuilds as a fresh CLI process after one change, search included")
    print("(cells: wall s / CPU s (files touched / files whose bytes changed)):\n")
    print(_table(REBUILD_HEADERS, rebuild_rows(results), markdown))
    print("\nsite-builder rebuilds in one long-lived process (the preview server's case;")
    print("same cells, timed from the saved change to the rebuild's return):\n")
    print(_table(INPROCESS_HEADERS, inprocess_rows(results), markdown))
