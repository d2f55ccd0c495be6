// Differential test of `newsgraph query` (rasqal 0.9.33 over the SQLite
// store) against Oxigraph (npm oxigraph, in process) on the same data.
//
// usage: node differential.mjs NEWSGRAPH STORE NQUADS QUERY_DIR
//
// STORE is the store `newsgraph --store` made of the example; NQUADS the
// same articles as N-Quads (-f nq), loaded into Oxigraph with the union of
// the named graphs as the default graph, as newsgraph's store has it.
// Each QUERY_DIR/*.rq runs in both.  Its header comments say what to expect:
//   # expect: refused WORDS   newsgraph must refuse it (exit 4, one line on
//                             stderr that contains WORDS, nothing on stdout)
//                             and Oxigraph must answer it (it is valid SPARQL)
//   # order: as-is            the rows are compared in order (ORDER BY)
// Without "expect", both must answer and the answers must agree: SELECT rows
// as a multiset (RDF terms normalized: numbers by value, whatever their
// numeric datatype, since Oxigraph stores xsd:nonNegativeInteger as
// xsd:integer and "0.90" as "0.9"; a plain literal is an xsd:string), ASK
// the boolean, CONSTRUCT and DESCRIBE the set of triples.  Prints one line per
// query and exits 1 when any query fails.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import oxigraph from 'oxigraph';
import { webcrypto } from 'node:crypto';

// Oxigraph's wasm build draws random numbers from the Web Crypto API, which
// Node 18 (Debian 12's nodejs) does not put on globalThis by default.
globalThis.crypto ??= webcrypto;

const [newsgraph, storeFile, nquadsFile, queryDir] = process.argv.slice(2);
if (!queryDir) {
  console.error('usage: node differential.mjs NEWSGRAPH STORE NQUADS QUERY_DIR');
  process.exit(2);
}

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const NUMERIC = new Set(['integer', 'decimal', 'double', 'float', 'nonNegativeInteger', 'nonPositiveInteger',
  'positiveInteger', 'negativeInteger', 'long', 'int', 'short', 'byte', 'unsignedLong', 'unsignedInt',
  'unsignedShort', 'unsignedByte'].map((t) => XSD + t));

const store = new oxigraph.Store();
store.load(fs.readFileSync(nquadsFile, 'utf8'), { format: 'application/n-quads' });

// A term as a string that compares equal when the terms are equal in value.
function norm(t) {
  if (!t) return '';
  const type = t.type ?? t.termType;
  const value = t.value;
  if (type === 'uri' || type === 'NamedNode') return `<${value}>`;
  if (type === 'bnode' || type === 'BlankNode') return '_:';
  const lang = t['xml:lang'] ?? t.language ?? '';
  const dt = t.datatype?.value ?? t.datatype ?? (lang ? '' : XSD + 'string');
  if (NUMERIC.has(dt)) {
    const n = Number(value);
    return Number.isFinite(n) ? `num:${Number(n.toPrecision(12))}` : `"${value}"^^<${dt}>`;
  }
  if (dt === XSD + 'boolean') return `bool:${value === 'true' || value === '1'}`;
  return lang ? `"${value}"@${lang.toLowerCase()}` : `"${value}"^^<${dt}>`;
}

// SELECT results as sorted variable names and rows of normalized terms.
function selectAnswer(json, ordered) {
  const vars = [...json.head.vars].sort();
  const rows = json.results.bindings.map((b) => vars.map((v) => norm(b[v])).join('\t'));
  if (!ordered) rows.sort();
  return { vars, rows };
}

function triplesAnswer(quads) {
  return [...new Set(quads.map((q) => [q.subject, q.predicate, q.object].map(norm).join(' ')))].sort();
}

function header(text, key) {
  const m = text.match(new RegExp(`^# ${key}: (.*)$`, 'm'));
  return m ? m[1].trim() : null;
}

function form(text) {
  const body = text.replace(/^#.*$/gm, '').replace(/PREFIX\s+\S*\s+<[^>]*>/gi, '');
  return (body.match(/\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b/i) ?? ['', 'SELECT'])[1].toUpperCase();
}

function runNewsgraph(file) {
  const r = spawnSync(newsgraph, ['query', '--store', storeFile, '-r', 'json', file], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout ?? '', stderr: (r.stderr ?? '').trim() };
}

function runOxigraph(text, f) {
  const options = { use_default_graph_as_union: true };
  if (f === 'SELECT') return JSON.parse(store.query(text, { ...options, results_format: 'json' }));
  return store.query(text, options);
}

function ngAnswer(f, stdout, ordered) {
  if (f === 'SELECT') return selectAnswer(JSON.parse(stdout), ordered);
  if (f === 'ASK') return JSON.parse(stdout).boolean;
  return triplesAnswer(oxigraph.parse(stdout, { format: 'application/n-triples' }));
}

function oxAnswer(f, result, ordered) {
  if (f === 'SELECT') return selectAnswer(result, ordered);
  if (f === 'ASK') return result;
  return triplesAnswer(result);
}

function size(answer) {
  if (typeof answer === 'boolean') return String(answer);
  return `${(answer.rows ?? answer).length} ${answer.rows ? 'rows' : 'triples'}`;
}

function checkRefused(name, refusedWords, ng) {
  const oneLine = ng.stderr !== '' && !ng.stderr.includes('\n');
  if (ng.status === 4 && oneLine && ng.stderr.includes(refusedWords) && ng.stdout === '') {
    return `ok   ${name}: refused, as expected: ${ng.stderr.replace(/^newsgraph query: [^:]*: /, '').slice(0, 100)}`;
  }
  throw new Error(`expected exit 4 and one line with "${refusedWords}", got exit ${ng.status}: ${ng.stderr}`);
}

function checkQuery(file) {
  const name = path.basename(file, '.rq');
  const text = fs.readFileSync(file, 'utf8');
  const f = form(text);
  const ordered = header(text, 'order') === 'as-is';
  const refused = header(text, 'expect')?.replace(/^refused /, '');
  let ox;
  try {
    ox = oxAnswer(f, runOxigraph(text, f), ordered);
  } catch (e) {
    throw new Error(`Oxigraph cannot answer it: ${e.message ?? e}`);
  }
  const ng = runNewsgraph(file);
  if (refused) return checkRefused(name, refused, ng);
  if (ng.status !== 0) throw new Error(`newsgraph query exited ${ng.status}: ${ng.stderr}`);
  const mine = ngAnswer(f, ng.stdout, ordered);
  const a = JSON.stringify(mine), b = JSON.stringify(ox);
  if (a !== b) {
    throw new Error(`answers differ\n  newsgraph: ${a.slice(0, 600)}\n  Oxigraph:  ${b.slice(0, 600)}`);
  }
  return `ok   ${name}: ${f}, ${size(mine)}, same answer`;
}

const files = fs.readdirSync(queryDir).filter((f) => f.endsWith('.rq')).sort().map((f) => path.join(queryDir, f));
let failed = 0;
for (const file of files) {
  try {
    console.log(checkQuery(file));
  } catch (e) {
    failed++;
    console.log(`FAIL ${path.basename(file, '.rq')}: ${e.message}`);
  }
}
console.log(`${files.length - failed} passed, ${failed} failed`);
process.exit(failed || files.length === 0 ? 1 : 0);
