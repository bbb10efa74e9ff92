#!/usr/bin/env python3
"""Record real Go outputs for the GMP Lab examples.

Builds every example once (CGO_ENABLED=0 go build -trimpath), then runs the
experiments below and writes, per experiment directory under
simulator/src/test/resources/realgo/:
  COMMAND.txt   exact command line + env, go version, date, machine
  stdout.txt, stderr.txt, exitcode.txt   of run 1 (stderr may be truncated)
  summary.txt   when runs > 1: figures per run and their range

Usage: python3 tools/record.py [experiment-name-prefix ...]   (from examples/)
"""
import datetime
import os
import platform
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from schedsummary import summarize  # noqa: E402

EX = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
OUT = os.path.join(EX, '..', 'simulator', 'src', 'test', 'resources', 'realgo')
BIN = '/tmp/gmplab-realgo-bin'
MAX_STDERR = 150_000  # bytes kept per stderr.txt
KEEP_BLOCKS = 6       # SCHED blocks kept from the start when truncating


def sh(cmd, **kw):
    return subprocess.run(cmd, shell=True, capture_output=True, text=True, **kw)


GOVERSION = sh('go version').stdout.strip()
BUILD = 'CGO_ENABLED=0 go build -trimpath -o %s/ ./...' % BIN


def truncate(stderr):
    if len(stderr) <= MAX_STDERR:
        return stderr
    lines = stderr.splitlines(keepends=True)
    starts = [i for i, l in enumerate(lines) if l.startswith('SCHED ')]
    if len(starts) > KEEP_BLOCKS + 1:
        head = ''.join(lines[:starts[KEEP_BLOCKS]])
        tail = ''.join(lines[starts[-1]:])
        note = ('... [TRUNCATED by tools/record.py: %d SCHED blocks omitted (%d bytes); '
                'first %d blocks and the last block kept; figures in summary.txt are '
                'computed from the full output] ...\n' % (len(starts) - KEEP_BLOCKS - 1,
                                                          len(stderr) - len(head) - len(tail), KEEP_BLOCKS))
        if len(head) + len(tail) <= MAX_STDERR * 2:
            return head + note + tail
    return stderr[:MAX_STDERR] + '\n... [TRUNCATED by tools/record.py at %d of %d bytes] ...\n' % (
        MAX_STDERR, len(stderr))


def ranges(nums):
    """[299,128,129,130,0] -> '299 128-130 0'"""
    out = []
    i = 0
    while i < len(nums):
        j = i
        while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
            j += 1
        out.append(str(nums[i]) if i == j else '%d-%d' % (nums[i], nums[j]))
        i = j + 1
    return ' '.join(out)


def stdout_figures(name, stdout):
    f = {}
    if name.startswith(('overflow', 'spawnorder')):
        nums = [int(x) for x in stdout.split() if x.isdigit()]
        f['order'] = ranges(nums)
    m = re.search(r'Y resumed after (\d+)', stdout)
    if m:
        f['Y_resumed_after_workers'] = m.group(1)
    for k in ('first-run order', 'finish order'):
        m = re.search(k + r':\s*(\[.*\])', stdout)
        if m:
            f[k.replace(' ', '_').replace('-', '_')] = m.group(1).replace(' ', ',')
    for g, a, b in re.findall(r'g(\d) first-run\s+([\d.]+)ms finish\s+([\d.]+)ms', stdout):
        f['g%s_first_ms' % g] = a
        f['g%s_finish_ms' % g] = b
    m = re.search(r'slices=(\d+) min=([\d.]+)ms median=([\d.]+)ms max=([\d.]+)ms total=([\d.]+)ms', stdout)
    if m:
        for k, v in zip(('slices', 'slice_min_ms', 'slice_median_ms', 'slice_max_ms', 'total_ms'), m.groups()):
            f[k] = v
        lens = [float(x) for x in re.findall(r'^\s+g\d:\s+[\d.]+-\s*[\d.]+\s+([\d.]+)$', stdout, re.M)]
        full = sorted(lens)
        f['slices_15ms_to_25ms'] = sum(1 for x in full if 15 <= x <= 25)
        f['slices_5ms_to_15ms'] = sum(1 for x in full if 5 <= x < 15)
    m = re.search(r'workers=(\d+) threads-used=(\d+) on-main-thread=(\d+) per-thread=\[([\d ]+)\]', stdout)
    if m:
        f['threads_used'] = m.group(2)
        f['on_main_thread'] = m.group(3)
        f['per_thread'] = m.group(4).replace(' ', ',')
    m = re.search(r'total=([\d.]+)ms', stdout)
    if m and 'workers=' in stdout:
        f['total_ms'] = m.group(1)
    for l in stdout.splitlines():
        if l.startswith('stats:'):
            for k, v in re.findall(r'(\w+)=([\d.]+)', l):
                f[k] = v
    m = re.search(r'NumGoroutine: (\d+)', stdout)
    if m:
        f['NumGoroutine'] = m.group(1)
    return f


def machine():
    return 'nproc=%s kernel=%s load=%s' % (os.cpu_count(), platform.release(),
                                           open('/proc/loadavg').read().split()[:3])


def record(name, prog, args='', env=None, runs=1, note='', dist=False):
    env = env or {}
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    envstr = ' '.join('%s=%s' % kv for kv in env.items())
    cmd = ('%s ./%s %s' % (envstr, prog, args)).strip()
    results = []
    for r in range(runs):
        e = dict(os.environ)
        e.pop('GOMAXPROCS', None)
        e.pop('GODEBUG', None)
        e.update(env)
        p = subprocess.run([os.path.join(BIN, prog)] + args.split(), env=e, cwd=BIN,
                           capture_output=True, text=True, timeout=120)
        results.append(p)
    p = results[0]
    with open(os.path.join(d, 'COMMAND.txt'), 'w') as fh:
        fh.write('command: %s\n' % cmd)
        fh.write('build (once, in examples/): %s\n' % BUILD)
        fh.write('source: examples/%s/main.go\n' % prog)
        fh.write('runs: %d (stdout.txt/stderr.txt/exitcode.txt are from run 1)\n' % runs)
        fh.write('go version: %s\n' % GOVERSION)
        fh.write('date: %s\n' % datetime.datetime.utcnow().strftime('%Y-%m-%d %H:%M:%S UTC'))
        fh.write('machine: %s\n' % machine())
        if note:
            fh.write('note: %s\n' % note)
    open(os.path.join(d, 'stdout.txt'), 'w').write(p.stdout)
    open(os.path.join(d, 'stderr.txt'), 'w').write(truncate(p.stderr))
    open(os.path.join(d, 'exitcode.txt'), 'w').write('%d\n' % p.returncode)
    figs = []
    for q in results:
        f = stdout_figures(name, q.stdout)
        f.update(summarize(q.stderr))
        f['exitcode'] = q.returncode
        figs.append(f)
    if dist:
        # distribution of whole stdouts over many runs (ordering experiments)
        counts = {}
        for q in results:
            key = stdout_figures(name, q.stdout).get('order') or q.stdout.replace('\n', ' ').strip()
            counts[key] = counts.get(key, 0) + 1
        with open(os.path.join(d, 'summary.txt'), 'w') as fh:
            fh.write('# %s — distribution of stdout over %d runs of: %s\n' % (name, runs, cmd))
            fh.write('# %s; %s\n' % (GOVERSION, machine()))
            fh.write('# count  stdout (integer runs compressed as a-b)\n')
            for k, c in sorted(counts.items(), key=lambda kv: -kv[1]):
                fh.write('%5d  %s\n' % (c, k))
    elif runs > 1:
        keys = []
        for f in figs:
            for k in f:
                if k not in keys:
                    keys.append(k)
        with open(os.path.join(d, 'summary.txt'), 'w') as fh:
            fh.write('# %s — %d runs of: %s\n' % (name, runs, cmd))
            fh.write('# %s; %s\n' % (GOVERSION, machine()))
            same = all(q.stdout == results[0].stdout for q in results)
            fh.write('stdout_identical_across_runs=%s\n' % same)
            for k in keys:
                vals = [f.get(k, '') for f in figs]
                rng = ''
                try:
                    nums = [float(v) for v in vals]
                    lo, hi = min(nums), max(nums)
                    fmt = (lambda x: '%g' % x)
                    rng = '   range=%s..%s' % (fmt(lo), fmt(hi)) if lo != hi else '   (all %s)' % fmt(lo)
                except (ValueError, TypeError):
                    if len(set(map(str, vals))) == 1:
                        rng = '   (all same)'
                fh.write('%s: %s%s\n' % (k, ' | '.join(str(v) for v in vals), rng))
    print('%-28s rc=%d %s' % (name, p.returncode, {k: figs[0][k] for k in list(figs[0])[:0]}))
    return figs


def experiments():
    E = []
    add = lambda *a, **k: E.append((a, k))  # noqa: E731
    # --- ordering puzzles (GOMAXPROCS set inside the programs) ---
    # Canonical runs use the env GOMAXPROCS=1, so that the program's own
    # runtime.GOMAXPROCS(1) is a no-op (n == current returns early). Without it
    # (default GOMAXPROCS = nproc = 2) runtime.GOMAXPROCS(1) does a
    # stop-the-world + procresize, and in ~10 % of runs main is then preempted
    # in the middle of its spawn burst: see the */from-p2 distributions.
    P1 = {'GOMAXPROCS': '1'}
    NOTE_P1 = 'env GOMAXPROCS=1 makes the in-program runtime.GOMAXPROCS(1) a no-op (no stop-the-world)'
    NOTE_P2 = ('default GOMAXPROCS (= nproc = 2): the in-program runtime.GOMAXPROCS(1) does a '
               'stop-the-world + procresize(1) before the burst')
    add('spawnorder', 'spawnorder', env=P1, runs=5, note=NOTE_P1)
    add('spawnorder/dist-env-p1', 'spawnorder', env=P1, runs=200, dist=True, note=NOTE_P1)
    add('spawnorder/dist-from-p2', 'spawnorder', runs=200, dist=True, note=NOTE_P2)
    add('overflow', 'overflow', env=P1, runs=5, note=NOTE_P1)
    add('overflow/dist-env-p1', 'overflow', env=P1, runs=200, dist=True, note=NOTE_P1)
    add('overflow/dist-from-p2', 'overflow', runs=200, dist=True, note=NOTE_P2)
    add('overflow/scheddetail', 'overflow', env={'GOMAXPROCS': '1', 'GODEBUG': 'schedtrace=1,scheddetail=1'},
        runs=5, note=NOTE_P1 + '; the 0 ms scheddetail block shows what sat in P0 before main ran')
    add('gosched', 'gosched', env=P1, runs=5, note=NOTE_P1)
    add('gosched/dist-env-p1', 'gosched', env=P1, runs=100, dist=True, note=NOTE_P1)
    for g in (1, 2):
        add('pingpong/p%d' % g, 'pingpong', env={'GOMAXPROCS': str(g), 'GODEBUG': 'schedtrace=1'}, runs=5)
    # --- threads: syscalls vs sleeps vs netpoll ---
    for prog in ('syscalls', 'sleeps', 'netwait'):
        for n in (10, 50):
            for g in (1, 2, 4):
                # one program per N (syscalls10, syscalls50, ...): no command-line arguments
                add('%s%d/p%d' % (prog, n, g), '%s%d' % (prog, n),
                    env={'GOMAXPROCS': str(g), 'GODEBUG': 'schedtrace=1'}, runs=5)
    add('syscalls10/p2-scheddetail', 'syscalls10',
        env={'GOMAXPROCS': '2', 'GODEBUG': 'schedtrace=1,scheddetail=1'}, runs=5)
    add('netwait10/p2-scheddetail', 'netwait10',
        env={'GOMAXPROCS': '2', 'GODEBUG': 'schedtrace=1,scheddetail=1'}, runs=5)
    for g in (1, 2, 4):
        add('idle/p%d' % g, 'idle', env={'GOMAXPROCS': str(g), 'GODEBUG': 'schedtrace=1'}, runs=5)
    add('idle/p1-scheddetail', 'idle', env={'GOMAXPROCS': '1', 'GODEBUG': 'schedtrace=1,scheddetail=1'}, runs=5)
    # --- CPU-bound: preemption ---
    add('timeslice/async', 'timeslice', env=P1, runs=5, note=NOTE_P1)
    add('timeslice/asyncpreemptoff', 'timeslice', env={'GOMAXPROCS': '1', 'GODEBUG': 'asyncpreemptoff=1'},
        runs=5, note=NOTE_P1)
    add('slices/async', 'slices', env=P1, runs=5, note=NOTE_P1)
    add('slices/asyncpreemptoff', 'slices', env={'GOMAXPROCS': '1', 'GODEBUG': 'asyncpreemptoff=1'},
        runs=5, note=NOTE_P1)
    # retake latency: sysmon deep-sleeps when all Ps are idle unless schedtrace
    # is on; entersyscall wakes it (20 us period) -> very different latencies.
    add('retake/back-to-back', 'retake', env=P1, runs=5, note=NOTE_P1)
    add('retakeidle/after-idle', 'retakeidle', env=P1, runs=5, note=NOTE_P1)
    add('retake/back-to-back-schedtrace', 'retake', env={'GOMAXPROCS': '1', 'GODEBUG': 'schedtrace=1000'},
        runs=5, note=NOTE_P1 + '; schedtrace keeps sysmon out of deep sleep (§10)')
    add('retakeidle/after-idle-schedtrace', 'retakeidle',
        env={'GOMAXPROCS': '1', 'GODEBUG': 'schedtrace=1000'},
        runs=5, note=NOTE_P1 + '; schedtrace keeps sysmon out of deep sleep (§10)')
    add('steal', 'steal', env={'GOMAXPROCS': '4', 'GODEBUG': 'schedtrace=1'}, runs=5,
        note='env GOMAXPROCS=4 makes the in-program runtime.GOMAXPROCS(4) a no-op; the machine has 2 CPUs')
    for g in (1, 2, 4):
        add('greuse/p%d' % g, 'greuse', env={'GOMAXPROCS': str(g), 'GODEBUG': 'schedtrace=50,scheddetail=1'}, runs=5)
    # --- classic teaching programs ---
    for prog in ('workerpool', 'fanin', 'prodcons'):
        add(prog, prog, env=P1, runs=5, note=NOTE_P1)
        add(prog + '/dist-from-p2', prog, runs=100, dist=True, note=NOTE_P2)
    for prog in ('pipeline', 'selecttimeout', 'mutexcounter', 'contextcancel', 'deadlock', 'panic',
                 'atomiccounter', 'oncedo'):
        add(prog, prog, runs=5)
    return E


if __name__ == '__main__':
    b = sh('cd %s && %s' % (EX, BUILD))
    if b.returncode:
        sys.exit(b.stderr)
    sel = sys.argv[1:]
    for a, k in experiments():
        if not sel or any(a[0].startswith(s) for s in sel):
            record(*a, **k)
