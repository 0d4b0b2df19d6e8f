#!/usr/bin/env python3
"""Times two `handbook` programs building the same content, interleaved, and prints medians.

    Tests/Scripts/interleaved-time.py WITH WITHOUT CONTENT [PAIRS]

WITH is the program that has the shortcut, WITHOUT the one that does not. Runs them in pairs
(A B, then B A, so that going second favours neither), after two warm-up pairs, and prints the
median wall time of each, the gain (median without - median with) / median without, and the
spread of the per-pair ratios. A pair during which other processes used more than 15% of a core
is set aside and run again: on a 2-core machine a compile next door hides what parallel code
buys. Generate content with ../shared/bench/gen_content.py N DIR. The sites must be identical.
"""
import os, resource, statistics, subprocess, sys, tempfile, time

with_program, without_program, content = sys.argv[1:4]
pairs = int(sys.argv[4]) if len(sys.argv) > 4 else 15
theme = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../themes/default")
work = tempfile.mkdtemp()
HZ = os.sysconf("SC_CLK_TCK")


def busy():
    values = list(map(int, open("/proc/stat").readline().split()[1:9]))
    return (sum(values) - values[3] - values[4]) / HZ


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(program, name):
    start = time.perf_counter()
    subprocess.run([program, "build", "--content", content, "--theme", theme, "--output", f"{work}/{name}"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - start) * 1000


for _ in range(2):
    run(with_program, "with"), run(without_program, "without")
timed, set_aside = [], 0
while len(timed) < pairs and set_aside < 3 * pairs:
    busy_before, cpu_before, wall_before = busy(), children_cpu(), time.perf_counter()
    if len(timed) % 2:
        a = run(with_program, "with"); b = run(without_program, "without")
    else:
        b = run(without_program, "without"); a = run(with_program, "with")
    others = ((busy() - busy_before) - (children_cpu() - cpu_before)) / (time.perf_counter() - wall_before)
    if others > 0.15:
        set_aside += 1
        continue
    timed.append((a, b))
same = subprocess.run(["diff", "-r", "-q", f"{work}/with", f"{work}/without"], capture_output=True).returncode == 0
with_ms = statistics.median(a for a, _ in timed)
without_ms = statistics.median(b for _, b in timed)
ratios = [b / a for a, b in timed]
print(f"with {with_ms:.1f} ms, without {without_ms:.1f} ms, gain {(without_ms - with_ms) / without_ms * 100:.1f}% "
      f"(ratios {min(ratios):.2f}-{max(ratios):.2f}, median {statistics.median(ratios):.3f}; "
      f"{len(timed)} pairs, {set_aside} set aside){'' if same else '; THE SITES DIFFER'}")
