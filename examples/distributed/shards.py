"""Fans the shards of a data-mesh sweep out over a Dask cluster and merges them.

Starts a local Dask cluster (2 worker processes), runs `data-mesh sweep ... --shard k/n` for
k = 1..n as Dask tasks (each runs the native binary in a subprocess and hands its records back
through Dask), writes the gathered shard files, runs `data-mesh merge`, and checks that the merged
summary is byte for byte the summary of the same sweep run on this machine in one piece.

    python shards.py --binary target/release/data-mesh --shards 4 -- \
        src/scenarios/partition-heal.json --seeds 1..40 --vary options.links.loss=0,0.05,0.1

Exits 0 when the summaries are equal, 1 when they differ or a shard fails.
"""

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from dask.distributed import Client, LocalCluster


def run_shard(binary, sweep, k, n):
    """Runs shard k of n of `data-mesh sweep <sweep>` on a worker; returns its records (JSON lines)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "shard.jsonl"
        command = [binary, "sweep", *sweep, "--shard", f"{k}/{n}", "--jobs", "1", "--quiet", "--out", str(out)]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"shard {k}/{n}: {done.stderr.strip()}")
        return out.read_text()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True, help="the data-mesh binary")
    parser.add_argument("--shards", type=int, default=4, help="how many shards (n)")
    parser.add_argument("--workers", type=int, default=2, help="Dask worker processes")
    parser.add_argument("--dir", default=".", help="where the shard files and summaries go")
    parser.add_argument("sweep", nargs="+", help="the sweep's input and flags (after --)")
    args = parser.parse_args()
    binary = str(Path(args.binary).resolve())
    sweep = [str(Path(args.sweep[0]).resolve()), *args.sweep[1:]]
    work = Path(args.dir)
    work.mkdir(parents=True, exist_ok=True)

    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True) as cluster, Client(cluster) as client:
        print(f"dask: {len(client.scheduler_info()['workers'])} workers at {cluster.scheduler_address}")
        futures = [client.submit(run_shard, binary, sweep, k, args.shards, pure=False) for k in range(1, args.shards + 1)]
        shards = []
        for k, records in enumerate(client.gather(futures), start=1):
            path = work / f"shard-{k}.jsonl"
            path.write_text(records)
            shards.append(str(path))
            print(f"shard {k}/{args.shards}: {len(records.splitlines())} runs")

    merged = work / "merged-summary.jsonl"
    subprocess.run([binary, "merge", *shards, "--summary", str(merged)], check=True, stdout=subprocess.DEVNULL)
    single = work / "single-summary.jsonl"
    subprocess.run([binary, "sweep", *sweep, "--quiet", "--summary", str(single)], check=True, stdout=subprocess.DEVNULL)
    same = merged.read_bytes() == single.read_bytes()
    points = len(single.read_text().splitlines())
    print(f"merged summary of {args.shards} shards {'equals' if same else 'DIFFERS from'} the single-machine summary ({points} points)")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
