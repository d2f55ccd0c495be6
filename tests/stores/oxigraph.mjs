// Load newsgraph output into an in-memory Oxigraph store and run SPARQL queries.
//
// usage: node oxigraph.mjs DATA_DIR ONTOLOGY QUERY_DIR OUT_DIR
//
// DATA_DIR holds ttl/NAME.ttl and nq/NAME.nq (tests/stores/lib.sh makes them).
// The Turtle files go into one named graph, the N-Quads files keep their
// graphs, the ontology gets its own graph.  Oxigraph's parsers are strict: a
// syntax error or an invalid IRI throws and the run fails.  Every graph's
// triple count must equal the distinct statements of its files.  Each query
// runs twice, with the Turtle graph or with the article graphs as the default
// graph (plus the ontology), and its answer is written as SPARQL 1.1 CSV to
// OUT_DIR/{ttl,nq}/NAME.csv.  (Oxigraph 0.5.11's own CSV writer does not quote
// IRIs that contain a comma, such as #char=0,13: the CSV is written here from
// the JSON results.)
import fs from 'node:fs';
import path from 'node:path';
import oxigraph from 'oxigraph';
import { webcrypto } from 'node:crypto';

// Oxigraph's wasm build draws random numbers from the Web Crypto API, which
// Node 18 (Debian 12's nodejs) does not put on globalThis by default.
globalThis.crypto ??= webcrypto;

const [dataDir, ontologyFile, queryDir, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node oxigraph.mjs DATA_DIR ONTOLOGY QUERY_DIR OUT_DIR');
  process.exit(2);
}
const BASE = 'https://w3id.org/newsgraph/id/';
const TTL_GRAPH = oxigraph.namedNode('urn:newsgraph-test:turtle');
const ONTOLOGY_GRAPH = oxigraph.namedNode('https://w3id.org/newsgraph/ontology');

const store = new oxigraph.Store();
let failed = false;
const fail = (msg) => { console.error('FAIL: ' + msg); failed = true; };

function load(file, options) {
  try {
    store.load(fs.readFileSync(file, 'utf8'), options);
  } catch (e) {
    console.error(`FAIL: ${file} does not parse: ${e.message ?? e}`);
    process.exit(1);
  }
}

const listDir = (dir, ext) => fs.readdirSync(dir).filter((f) => f.endsWith(ext)).sort();
const ttlFiles = listDir(path.join(dataDir, 'ttl'), '.ttl');
const nqFiles = listDir(path.join(dataDir, 'nq'), '.nq');
if (ttlFiles.length === 0 || ttlFiles.length !== nqFiles.length) {
  console.error(`FAIL: ${ttlFiles.length} Turtle and ${nqFiles.length} N-Quads files in ${dataDir}`);
  process.exit(1);
}

load(ontologyFile, { format: 'text/turtle', to_graph_name: ONTOLOGY_GRAPH });
for (const f of ttlFiles) load(path.join(dataDir, 'ttl', f), { format: 'text/turtle', to_graph_name: TTL_GRAPH });
for (const f of nqFiles) load(path.join(dataDir, 'nq', f), { format: 'application/n-quads' });

// Triple counts: an article graph holds exactly the distinct lines of its
// N-Quads file; the Turtle graph holds the same triples as all N-Quads files.
const articleGraphs = [];
const allTriples = new Set();
for (const f of nqFiles) {
  const name = f.slice(0, -'.nq'.length);
  const graph = oxigraph.namedNode(`${BASE}article/${name}`);
  articleGraphs.push(graph);
  const lines = new Set(fs.readFileSync(path.join(dataDir, 'nq', f), 'utf8').split('\n').filter((l) => l.trim() !== ''));
  for (const l of lines) allTriples.add(l.replace(/ <[^>]*> \.$/, ' .'));
  const got = store.match(null, null, null, graph).length;
  if (got !== lines.size) fail(`graph <${graph.value}> has ${got} triples, ${f} has ${lines.size}`);
}
const gotTtl = store.match(null, null, null, TTL_GRAPH).length;
if (gotTtl !== allTriples.size) fail(`the Turtle graph has ${gotTtl} triples, the N-Quads files ${allTriples.size} distinct triples`);
const otherGraphs = new Set();
for (const q of store.match(null, null, null, null)) otherGraphs.add(q.graph.termType === 'DefaultGraph' ? '(default)' : q.graph.value);
for (const g of [TTL_GRAPH, ONTOLOGY_GRAPH, ...articleGraphs]) otherGraphs.delete(g.value);
if (otherGraphs.size > 0) fail(`unexpected graphs: ${[...otherGraphs].join(' ')}`);
if (!failed) console.log(`loaded ontology, ${ttlFiles.length} Turtle and ${nqFiles.length} N-Quads files (${allTriples.size} triples)`);

function csvCell(term) {
  if (term === undefined) return '';
  const v = term.type === 'bnode' ? `_:${term.value}` : term.value;
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

const datasets = { ttl: [TTL_GRAPH, ONTOLOGY_GRAPH], nq: [...articleGraphs, ONTOLOGY_GRAPH] };
const queries = listDir(queryDir, '.rq');
if (queries.length === 0) fail(`no queries in ${queryDir}`);
for (const [dataset, graphs] of Object.entries(datasets)) {
  fs.mkdirSync(path.join(outDir, dataset), { recursive: true });
  for (const q of queries) {
    const name = q.slice(0, -'.rq'.length);
    let json;
    try {
      json = JSON.parse(store.query(fs.readFileSync(path.join(queryDir, q), 'utf8'),
        { results_format: 'json', default_graph: graphs }));
    } catch (e) {
      fail(`${name} (${dataset}): ${e.message ?? e}`);
      continue;
    }
    const vars = json.head.vars;
    let out = vars.join(',') + '\r\n';
    for (const b of json.results.bindings) out += vars.map((v) => csvCell(b[v])).join(',') + '\r\n';
    fs.writeFileSync(path.join(outDir, dataset, `${name}.csv`), out);
  }
}
process.exit(failed ? 1 : 0);
