/**
 * Compares two V8 heap snapshots of one process (the soak's, KHIU_SOAK_HEAP_SNAPSHOTS=1):
 * what grew between them by kind of object, and for the objects that grew most, the chain
 * of references that keeps one of them alive.
 *
 *   npx tsx test/bench/soak-heap-diff.ts BEFORE.heapsnapshot AFTER.heapsnapshot [rows]
 */
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: {
    meta: {
      node_fields: string[];
      node_types: [string[], ...unknown[]];
      edge_fields: string[];
      edge_types: [string[], ...unknown[]];
    };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

interface Heap {
  /** Per node (by index): its kind (type and name), self size and id. */
  kind: string[];
  size: number[];
  /** Per node: the nodes that refer to it, with the edge's name. */
  retainers: { from: number; edge: string }[][];
}

function load(file: string): Heap {
  const s = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const nf = s.snapshot.meta.node_fields;
  const ef = s.snapshot.meta.edge_fields;
  const nodeTypes = s.snapshot.meta.node_types[0];
  const edgeTypes = s.snapshot.meta.edge_types[0];
  const [nType, nName, nSize, nEdges] = ['type', 'name', 'self_size', 'edge_count'].map((f) =>
    nf.indexOf(f),
  ) as [number, number, number, number];
  const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((f) => ef.indexOf(f)) as [
    number,
    number,
    number,
  ];
  const count = s.nodes.length / nf.length;
  const kind: string[] = new Array(count);
  const size: number[] = new Array(count);
  const retainers: { from: number; edge: string }[][] = Array.from({ length: count }, () => []);
  let edge = 0;
  for (let n = 0; n < count; n += 1) {
    const base = n * nf.length;
    const type = nodeTypes[s.nodes[base + nType]!]!;
    const name = s.strings[s.nodes[base + nName]!]!;
    kind[n] = /string/.test(type)
      ? `(${type})`
      : type === 'code'
        ? '(code)'
        : `${type} ${name.slice(0, 60)}`;
    size[n] = s.nodes[base + nSize]!;
    for (let e = 0; e < s.nodes[base + nEdges]!; e += 1, edge += ef.length) {
      const t = edgeTypes[s.edges[edge + eType]!]!;
      if (t === 'weak') continue;
      const raw = s.edges[edge + eName]!;
      const label = t === 'element' || t === 'hidden' ? `[${raw}]` : s.strings[raw]!;
      retainers[s.edges[edge + eTo]! / nf.length]!.push({ from: n, edge: label });
    }
  }
  return { kind, size, retainers };
}

function totals(heap: Heap): Map<string, { count: number; bytes: number }> {
  const byKind = new Map<string, { count: number; bytes: number }>();
  heap.kind.forEach((k, n) => {
    const t = byKind.get(k) ?? { count: 0, bytes: 0 };
    t.count += 1;
    t.bytes += heap.size[n]!;
    byKind.set(k, t);
  });
  return byKind;
}

/** The shortest chain of references from a root to node `n`, as "kind.edge -> ...". */
function retainerPath(heap: Heap, n: number, maxDepth = 14): string {
  const seen = new Set<number>([n]);
  let frontier: { node: number; path: string[] }[] = [{ node: n, path: [] }];
  for (let depth = 0; depth < maxDepth; depth += 1) {
    const next: typeof frontier = [];
    for (const { node, path } of frontier) {
      for (const r of heap.retainers[node]!) {
        if (seen.has(r.from)) continue;
        seen.add(r.from);
        const step = [`${heap.kind[r.from]}.${r.edge}`, ...path];
        if (heap.kind[r.from]!.startsWith('synthetic')) return step.join(' -> ');
        next.push({ node: r.from, path: step });
      }
    }
    frontier = next.slice(0, 5000);
  }
  return '(no root within reach)';
}

const [beforeFile, afterFile, rowsArg] = process.argv.slice(2);
if (!beforeFile || !afterFile) {
  process.stderr.write('usage: soak-heap-diff.ts BEFORE.heapsnapshot AFTER.heapsnapshot [rows]\n');
  process.exit(2);
}
const rows = Number(rowsArg ?? 25);
const before = totals(load(beforeFile));
const afterHeap = load(afterFile);
const after = totals(afterHeap);
const sum = (m: Map<string, { bytes: number }>) => [...m.values()].reduce((a, t) => a + t.bytes, 0);
process.stdout.write(
  `heap ${(sum(before) / 1048576).toFixed(1)} -> ${(sum(after) / 1048576).toFixed(1)} MiB\n`,
);
const growth = [...after]
  .map(([k, t]) => {
    const b = before.get(k) ?? { count: 0, bytes: 0 };
    return { kind: k, count: t.count - b.count, bytes: t.bytes - b.bytes };
  })
  .sort((a, b) => b.bytes - a.bytes)
  .slice(0, rows);
for (const g of growth) {
  process.stdout.write(
    `${(g.bytes / 1024).toFixed(0).padStart(8)} KiB ${String(g.count).padStart(8)} ${g.kind}\n`,
  );
}
// A retainer chain for one of the newest objects of each of the top kinds (objects, not code).
for (const g of growth.filter((x) => !x.kind.startsWith('(')).slice(0, 5)) {
  const newest = afterHeap.kind.lastIndexOf(g.kind);
  process.stdout.write(`\n${g.kind}:\n  ${retainerPath(afterHeap, newest)}\n`);
}
