// Validate newsgraph output with SHACL (rdf-validate-shacl, SHACL Core).
//
// usage: node shacl.mjs DATA_DIR SHAPES ONTOLOGY CASES_DIR
//
// DATA_DIR holds ttl/NAME.ttl and nq/NAME.nq (tests/stores/lib.sh makes them).
// Checks, each of which fails the run:
//  1. every class the output uses (rdf:type objects) has a shape with that
//     sh:targetClass in SHAPES;
//  2. the Turtle output, and the N-Quads output (graphs merged), each with
//     the ontology, conform to SHAPES;
//  3. every case in CASES_DIR (NAME.ru, a SPARQL Update applied by Oxigraph
//     to a copy of the Turtle output) changes the data and makes it
//     non-conformant, with at least one result of the constraint component
//     and path that its "# expect: COMPONENT PATH" line names.
// Parsing is strict (N3.js): a syntax error fails the run.
import fs from 'node:fs';
import path from 'node:path';
import N3 from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import oxigraph from 'oxigraph';

const [dataDir, shapesFile, ontologyFile, casesDir] = process.argv.slice(2);
if (!casesDir) {
  console.error('usage: node shacl.mjs DATA_DIR SHAPES ONTOLOGY CASES_DIR');
  process.exit(2);
}
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const SH = 'http://www.w3.org/ns/shacl#';
const { namedNode, quad, defaultGraph } = N3.DataFactory;

let failed = false;
const fail = (msg) => { console.error('FAIL: ' + msg); failed = true; };

function parse(text, format, where) {
  try {
    return new N3.Parser({ format }).parse(text);
  } catch (e) {
    console.error(`FAIL: ${where} does not parse: ${e.message}`);
    process.exit(1);
  }
}
const toDefaultGraph = (qs) => qs.map((q) => quad(q.subject, q.predicate, q.object, defaultGraph()));
const listDir = (dir, ext) => fs.readdirSync(dir).filter((f) => f.endsWith(ext)).sort();
const readAll = (dir, ext) => listDir(dir, ext).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]);

const shapes = new N3.Store(parse(fs.readFileSync(shapesFile, 'utf8'), 'text/turtle', shapesFile));
const ontology = parse(fs.readFileSync(ontologyFile, 'utf8'), 'text/turtle', ontologyFile);
const ttl = readAll(path.join(dataDir, 'ttl'), '.ttl');
const nq = readAll(path.join(dataDir, 'nq'), '.nq');
if (ttl.length === 0) {
  console.error(`FAIL: no Turtle files in ${dataDir}/ttl`);
  process.exit(1);
}
const ttlQuads = ttl.flatMap(([f, text]) => parse(text, 'text/turtle', f));
const nqQuads = toDefaultGraph(nq.flatMap(([f, text]) => parse(text, 'application/n-quads', f)));

function describe(term) {
  if (!term) return '-';
  return term.termType === 'BlankNode' ? '[blank node]' : term.value;
}

async function validate(dataQuads) {
  const data = new N3.Store([...ontology, ...dataQuads]);
  const validator = new SHACLValidator(shapes);
  return validator.validate(data);
}

// 1. coverage: a shape for every class the tool emits
const targets = new Set(shapes.getObjects(null, namedNode(SH + 'targetClass'), null).map((t) => t.value));
const used = new Set(ttlQuads.filter((q) => q.predicate.value === RDF_TYPE).map((q) => q.object.value));
const missing = [...used].filter((c) => !targets.has(c)).sort();
if (missing.length > 0) fail(`classes in the output without a shape (sh:targetClass): ${missing.join(' ')}`);
else console.log(`ok   every one of the ${used.size} classes in the output has a shape`);

// 2. the real output conforms
for (const [what, qs] of [['Turtle output', ttlQuads], ['N-Quads output', nqQuads]]) {
  const report = await validate(qs);
  if (report.conforms) {
    console.log(`ok   ${what} (${qs.length} triples, with the ontology) conforms`);
  } else {
    fail(`${what} does not conform: ${report.results.length} results, first ones:`);
    for (const r of report.results.slice(0, 20)) {
      console.error(`  ${describe(r.focusNode)} ${describe(r.path)}: ${describe(r.sourceConstraintComponent)}`
        + ` ${r.message.map((m) => m.value).join(' ')} (value ${describe(r.value)})`);
    }
  }
}

// 3. broken copies are caught
//
// Oxigraph runs the updates, but it stores literals in a canonical form
// ("0.90" becomes "0.9", xsd:nonNegativeInteger becomes xsd:integer), which
// the shapes would reject.  So every literal of the original data is mapped
// from its canonical form back to itself after the update; a literal the
// update made up keeps Oxigraph's form.
const canonicalKey = (t) => `${t.value}\u0000${t.datatype?.value ?? ''}\u0000${t.language ?? ''}`;
const literals = new Map();
for (const q of ttlQuads) if (q.object.termType === 'Literal') literals.set(N3.termToId(q.object), q.object);
const probe = new oxigraph.Store();
const originals = [...literals.values()];
const writer = new N3.Writer({ format: 'N-Triples' });
probe.load(originals.map((t, i) => writer.quadToString(namedNode(`urn:x-literal:${i}`), namedNode('urn:x-p'), t)).join(''),
  { format: 'application/n-triples' });
const back = new Map();
for (const q of parse(probe.dump({ format: 'application/n-triples', from_graph_name: oxigraph.defaultGraph() }), 'application/n-triples', 'canonical literals')) {
  const original = originals[Number(q.subject.value.slice('urn:x-literal:'.length))];
  const key = canonicalKey(q.object);
  if (back.has(key) && !back.get(key).equals(original)) {
    fail(`two literals of the output have the same canonical form in Oxigraph: ${key}`);
  }
  back.set(key, original);
}
const restore = (t) => (t.termType === 'Literal' && back.has(canonicalKey(t)) ? back.get(canonicalKey(t)) : t);

const roundTrip = (store) => parse(store.dump({ format: 'application/n-quads' }), 'application/n-quads', 'Oxigraph dump')
  .map((q) => quad(q.subject, q.predicate, restore(q.object), defaultGraph()));
const asSet = (qs) => new Set(qs.map((q) => writer.quadToString(q.subject, q.predicate, q.object)));
{
  const store = new oxigraph.Store();
  for (const [, text] of ttl) store.load(text, { format: 'text/turtle' });
  const a = asSet(roundTrip(store));
  const b = asSet(ttlQuads);
  if (a.size !== b.size || [...a].some((x) => !b.has(x))) fail('the Oxigraph round trip does not give back the output');
}

const cases = listDir(casesDir, '.ru');
if (cases.length === 0) fail(`no cases in ${casesDir}`);
for (const c of cases) {
  const update = fs.readFileSync(path.join(casesDir, c), 'utf8');
  const expect = update.match(/^# expect: (\S+) (\S+)\s*$/m);
  if (!expect) { fail(`${c}: no "# expect: COMPONENT PATH" line`); continue; }
  const prefixes = { sh: SH };
  for (const m of update.matchAll(/^PREFIX\s+([A-Za-z]*):\s*<([^>]*)>/gm)) prefixes[m[1]] = m[2];
  const expand = (curie) => {
    const [p, local] = curie.split(':');
    if (!(p in prefixes)) throw new Error(`${c}: unknown prefix in ${curie}`);
    return prefixes[p] + local;
  };
  const component = expand(expect[1]);
  const expectedPath = expand(expect[2]);

  const store = new oxigraph.Store();
  for (const [, text] of ttl) store.load(text, { format: 'text/turtle' });
  const before = store.dump({ format: 'application/n-quads' });
  try {
    store.update(update);
  } catch (e) {
    fail(`${c}: the update fails: ${e.message ?? e}`);
    continue;
  }
  if (store.dump({ format: 'application/n-quads' }) === before) { fail(`${c}: the update changed nothing`); continue; }
  const broken = roundTrip(store);
  const report = await validate(broken);
  const hits = report.results.filter((r) => r.sourceConstraintComponent?.value === component
    && r.path?.value === expectedPath);
  if (report.conforms) {
    fail(`${c}: the broken data conforms`);
  } else if (hits.length === 0) {
    fail(`${c}: non-conformant, but no ${expect[1]} result on ${expect[2]}; got:`);
    for (const r of report.results.slice(0, 10)) {
      console.error(`  ${describe(r.focusNode)} ${describe(r.path)}: ${describe(r.sourceConstraintComponent)}`);
    }
  } else {
    console.log(`ok   ${c}: ${report.results.length} result(s), ${expect[1]} on ${expect[2]}`
      + ` at ${describe(hits[0].focusNode)}`);
  }
}
process.exit(failed ? 1 : 0);
