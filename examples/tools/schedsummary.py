#!/usr/bin/env python3
"""Extract figures from GODEBUG=schedtrace (Go 1.19 format) output.

Usage: schedsummary.py stderr.txt  -> prints one "key=value" per line.
Works for summary lines and scheddetail=1 blocks.
"""
import re
import sys

HDR = re.compile(r'^SCHED (\d+)ms: gomaxprocs=(\d+) idleprocs=(\d+) threads=(\d+) '
                 r'spinningthreads=(\d+) idlethreads=(\d+) runqueue=(\d+)(.*)$')


def summarize(text):
    lines = text.splitlines()
    recs = []
    glines = []      # G-line count per detailed block
    gstates = []     # dict status->count per block
    cur = None
    for l in lines:
        m = HDR.match(l)
        if m:
            ms, gmp, idlep, thr, spin, idlet, rq, rest = m.groups()
            q = re.search(r'\[([\d ]+)\]', rest)
            per_p = [int(x) for x in q.group(1).split()] if q else []
            recs.append(dict(ms=int(ms), gomaxprocs=int(gmp), idleprocs=int(idlep), threads=int(thr),
                             spinning=int(spin), idlethreads=int(idlet), runqueue=int(rq), perp=per_p))
            cur = {'G': 0, 'states': {}, 'P': [], 'M': 0}
            glines.append(cur)
            continue
        if cur is not None:
            s = l.strip()
            if s.startswith('G') and ': status=' in s:
                cur['G'] += 1
                st = re.search(r'status=(\d+)', s).group(1)
                cur['states'][st] = cur['states'].get(st, 0) + 1
            elif s.startswith('M') and ': p=' in s:
                cur['M'] += 1
            elif s.startswith('P') and ': status=' in s:
                cur['P'].append(s)
    out = {}
    if not recs:
        return out
    out['sched_lines'] = len(recs)
    out['first_ms'] = recs[0]['ms']
    out['last_ms'] = recs[-1]['ms']
    out['threads_first'] = recs[0]['threads']
    out['threads_max'] = max(r['threads'] for r in recs)
    out['threads_last'] = recs[-1]['threads']
    out['idlethreads_max'] = max(r['idlethreads'] for r in recs)
    out['idlethreads_last'] = recs[-1]['idlethreads']
    out['spinningthreads_max'] = max(r['spinning'] for r in recs)
    out['idleprocs_min'] = min(r['idleprocs'] for r in recs)
    out['runqueue_max'] = max(r['runqueue'] for r in recs)
    pq = [sum(r['perp']) for r in recs if r['perp']]
    if pq:
        out['local_runq_sum_max'] = max(pq)
        out['local_runq_max_per_p'] = ' '.join(str(max(r['perp'][i] for r in recs if r['perp']))
                                             for i in range(len(recs[0]['perp'])))
    det = [b for b in glines if b['G'] or b['M']]
    if det:
        last = det[-1]
        out['detail_blocks'] = len(det)
        out['last_block_G_lines'] = last['G']
        out['last_block_M_lines'] = last['M']
        out['last_block_G_status_counts'] = ' '.join('%s:%d' % kv for kv in sorted(last['states'].items()))
        out['max_G_lines'] = max(b['G'] for b in det)
        gf = [re.search(r'gfreecnt=(\d+)', p) for p in last['P']]
        out['last_block_gfreecnt'] = ' '.join(g.group(1) for g in gf if g)
    # lines printed by the programs themselves; sysmon's trace output may be
    # interleaved in the middle of a line, so search anywhere in the line.
    for l in lines:
        for tag in ('main-start:', 'final:'):
            i = l.find(tag)
            if i >= 0:
                seg = l[i + len(tag):].split(':')[0] if tag == 'main-start:' else l[i + len(tag):]
                for k, v in re.findall(r'(\w+)=([\w.]+)', seg):
                    out[(tag[:-1] + '_' + k).replace('-', '_')] = v
        m = re.search(r'timing: .*\(([\d.]+) ns/exchange\)', l)
        if m:
            out['ns_per_exchange'] = m.group(1)
    return out


if __name__ == '__main__':
    for k, v in summarize(open(sys.argv[1]).read()).items():
        print('%s=%s' % (k, v))
