#!/usr/bin/env python3
"""Executes notebooks with their Jupyter kernel and writes them, outputs included.

usage: execute.py OUT_DIR NOTEBOOK [NOTEBOOK ...]

Why not `jupyter nbconvert --execute`: nbclient stops collecting a cell's outputs when the
kernel reports the cell `idle`, and the Deno kernel sometimes publishes a cell's result a
moment after that (seen on a loaded machine: the value of a cell's last expression, after
its idle status). nbconvert then drops it without a word. This executor files every IOPub
message under the request it answers (its parent header), whenever it arrives, and ends a
notebook only after the kernel has answered one more request and gone quiet.

Exit status: 0 when every notebook ran to the end; 1 when a cell raised (the notebook is
still written, with the error as the cell's output, and no later cell is run) or the
kernel died; 2 on bad usage. Needs jupyter_client (installed with Jupyter).
"""

import json
import os
import signal
import sys
import time
from queue import Empty

from jupyter_client.manager import KernelManager

# After the last request is answered: how long the IOPub channel must stay silent.
QUIET_SECONDS = 1.0
# ...and the longest wait for that silence.
DRAIN_SECONDS = 30.0


def collect(km, kc, outputs, until):
    """Reads IOPub and shell messages into `outputs` (by parent msg_id) until `until()`."""
    replies = {}
    idle = set()
    while not until(replies, idle):
        got = False
        try:
            msg = kc.get_iopub_msg(timeout=0.05)
            got = True
            parent = msg["parent_header"].get("msg_id")
            kind = msg["msg_type"]
            content = msg["content"]
            if kind == "status" and content.get("execution_state") == "idle":
                idle.add(parent)
            elif kind in ("stream", "display_data", "execute_result", "error", "clear_output"):
                outputs.setdefault(parent, []).append((kind, content))
        except Empty:
            pass
        try:
            reply = kc.get_shell_msg(timeout=0)
            got = True
            replies[reply["parent_header"].get("msg_id")] = reply
        except Empty:
            pass
        if not got and not km.is_alive():
            raise RuntimeError("the kernel died")
    return replies


def as_outputs(messages):
    """IOPub messages of one cell as nbformat 4 outputs (consecutive streams merged)."""
    out = []
    for kind, c in messages:
        if kind == "clear_output":
            out = []
        elif kind == "stream":
            if out and out[-1]["output_type"] == "stream" and out[-1]["name"] == c["name"]:
                out[-1]["text"] += c["text"]
            else:
                out.append({"output_type": "stream", "name": c["name"], "text": c["text"]})
        elif kind == "display_data":
            out.append(
                {"output_type": "display_data", "data": c["data"], "metadata": c.get("metadata", {})}
            )
        elif kind == "execute_result":
            out.append(
                {
                    "output_type": "execute_result",
                    "data": c["data"],
                    "metadata": c.get("metadata", {}),
                    "execution_count": c.get("execution_count"),
                }
            )
        elif kind == "error":
            out.append(
                {
                    "output_type": "error",
                    "ename": c.get("ename", ""),
                    "evalue": c.get("evalue", ""),
                    "traceback": c.get("traceback", []),
                }
            )
    return out


def die_with_parent():
    """Linux: the kernel gets SIGKILL when this executor dies, even killed outright."""
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def execute(path, out_dir):
    """Runs one notebook in its own directory; writes it to out_dir; True when no cell raised."""
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    name = nb.get("metadata", {}).get("kernelspec", {}).get("name", "python3")
    km = KernelManager(kernel_name=name)
    km.start_kernel(cwd=os.path.dirname(os.path.abspath(path)), preexec_fn=die_with_parent)
    kc = km.client()
    kc.start_channels()
    outputs = {}
    ran = []
    ok = True
    try:
        kc.wait_for_ready(timeout=300)
        for cell in nb["cells"]:
            if cell["cell_type"] != "code":
                continue
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            msg_id = kc.execute(source, stop_on_error=True)
            replies = collect(km, kc, outputs, lambda r, i: msg_id in r and msg_id in i)
            ran.append((cell, msg_id, replies[msg_id]["content"].get("execution_count")))
            if replies[msg_id]["content"].get("status") != "ok":
                ok = False
                break
        # One more request: the kernel has sent what the cells produced once it answers; then
        # wait for silence, filing late messages under their cells.
        info = kc.kernel_info()
        collect(km, kc, outputs, lambda r, i: info in r)
        last = time.monotonic()
        end = last + DRAIN_SECONDS
        while time.monotonic() - last < QUIET_SECONDS and time.monotonic() < end:
            try:
                msg = kc.get_iopub_msg(timeout=0.1)
            except Empty:
                continue
            last = time.monotonic()
            if msg["msg_type"] in ("stream", "display_data", "execute_result", "error"):
                parent = msg["parent_header"].get("msg_id")
                outputs.setdefault(parent, []).append((msg["msg_type"], msg["content"]))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    for cell, msg_id, count in ran:
        cell["outputs"] = as_outputs(outputs.get(msg_id, []))
        cell["execution_count"] = count
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, os.path.basename(path)), "w", encoding="utf-8") as f:
        json.dump(nb, f, indent=1, ensure_ascii=False)
        f.write("\n")
    return ok


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    out_dir = argv[1]
    failed = [p for p in argv[2:] if not execute(p, out_dir)]
    for p in failed:
        print(f"{p}: a cell raised an error (see its output in {out_dir})", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    # Terminated (a test's deadline, Ctrl-C): unwind, so the kernel is shut down too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sys.exit(main(sys.argv))
