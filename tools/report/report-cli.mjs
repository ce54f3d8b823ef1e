#!/usr/bin/env node
// @ts-check
// `npm run report -- <name | file.graphql> --token <secret> [--url …] [--format csv|json|ndjson] [--out file]
//   [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--var name=value …] [--page-size n] [--export]`
// With --export the server runs it as a bulk export (docs/api.md "Bulk exports"): the CLI starts it, shows its
// progress and downloads the file once READY.
// Runs a report query against the Passerelle GraphQL API with an API token, following the connection the
// query pages with (the field that takes `$after`) to its end, and writes its nodes. Waits and retries when
// the cost budget is spent (HTTP 429 / extensions.cost). docs/api.md, "Scripted reporting".
import { createWriteStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import * as graphqlModule from 'graphql';
import { ReportWriter } from './report-format.mjs';

/** @type {typeof import('graphql')} */
const graphql = /** @type {any} */ (graphqlModule).default ?? graphqlModule; // CommonJS in Node, ESM in Vite
const { Kind, parse } = graphql;

const reportsDir = path.join(import.meta.dirname, 'reports');
const MAX_RETRIES = 20;

/** @param {string} message */
function usage(message) {
  process.stderr.write(
    `${message}\n\nUsage: npm run report -- <name | file.graphql> --token <secret> [--url http://localhost:4000/graphql]\n` +
      `  [--format csv|json|ndjson] [--out file] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--var name=value] [--page-size n]\n` +
      `  [--export]   run it on the server as a bulk export (csv or ndjson), wait with a progress bar, download it\n` +
      `Named reports: ${namedReports().join(', ')}\n`,
  );
  process.exit(2);
}

function namedReports() {
  return existsSync(reportsDir)
    ? readdirSync(reportsDir)
        .filter((f) => f.endsWith('.graphql'))
        .map((f) => f.slice(0, -'.graphql'.length))
    : [];
}

/**
 * The response path of the connection the query pages with: the field whose arguments use `$after`.
 * @param {import('graphql').OperationDefinitionNode} operation
 * @returns {{ path: string[]; field: import('graphql').FieldNode } | null}
 */
export function pagedConnection(operation) {
  /** @param {import('graphql').SelectionSetNode} set @param {string[]} at */
  const search = (set, at) => {
    for (const selection of set.selections) {
      if (selection.kind !== Kind.FIELD) continue;
      const key = selection.alias?.value ?? selection.name.value;
      const usesAfter = selection.arguments?.some(
        (arg) => arg.value.kind === Kind.VARIABLE && arg.value.name.value === 'after',
      );
      if (usesAfter) return { path: [...at, key], field: selection };
      if (selection.selectionSet) {
        /** @type {{ path: string[]; field: import('graphql').FieldNode } | null} */
        const found = search(selection.selectionSet, [...at, key]);
        if (found) return found;
      }
    }
    return null;
  };
  return search(operation.selectionSet, []);
}

/**
 * The CSV columns: the leaf paths of the connection's `edges { node { … } }` (or `nodes { … }`) selection.
 * @param {import('graphql').FieldNode} connection
 */
export function nodeColumns(connection) {
  const child = (/** @type {import('graphql').FieldNode | undefined} */ field, /** @type {string} */ name) =>
    /** @type {import('graphql').FieldNode | undefined} */ (
      field?.selectionSet?.selections.find((s) => s.kind === Kind.FIELD && s.name.value === name)
    );
  const node = child(child(connection, 'edges'), 'node') ?? child(connection, 'nodes');
  /** @type {string[][]} */
  const columns = [];
  /** @param {import('graphql').SelectionSetNode} set @param {string[]} at */
  const walk = (set, at) => {
    for (const s of set.selections) {
      if (s.kind !== Kind.FIELD || s.name.value === '__typename') continue;
      const key = s.alias?.value ?? s.name.value;
      if (s.selectionSet) walk(s.selectionSet, [...at, key]);
      else columns.push([...at, key]);
    }
  };
  if (node?.selectionSet) walk(node.selectionSet, []);
  return { columns, viaEdges: !!child(connection, 'edges') };
}

/** @param {unknown} value @param {string[]} at */
const dig = (value, at) =>
  at.reduce(
    (v, key) => (v && typeof v === 'object' ? /** @type {Record<string, unknown>} */ (v)[key] : undefined),
    value,
  );

/**
 * One request; waits and retries while the budget is spent (429 THROTTLED), as long as the server says.
 * @param {{ url: string; token: string; lang: string }} target
 * @param {string} query
 * @param {Record<string, unknown>} variables
 * @param {(line: string) => void} note
 */
export async function request(target, query, variables, note) {
  for (let attempt = 0; ; attempt += 1) {
    const response = await fetch(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        authorization: `Bearer ${target.token}`,
        'accept-language': target.lang,
      },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    /** @type {{ data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }>; extensions?: any }} */
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`HTTP ${response.status}: not a GraphQL answer (${text.slice(0, 200)})`);
    }
    const throttled = response.status === 429 || body.errors?.some((e) => e.extensions?.code === 'THROTTLED');
    if (!throttled) return body;
    if (attempt >= MAX_RETRIES) throw new Error('still throttled after retrying: try a smaller --page-size');
    const status = body.extensions?.cost?.throttleStatus;
    const requested = body.extensions?.cost?.requestedQueryCost;
    const fromBudget =
      status && requested ? Math.max(0, requested - status.currentlyAvailable) / status.restoreRate : NaN;
    const retryAfter = Number(response.headers.get('retry-after'));
    const seconds = Math.max(
      Number.isFinite(fromBudget) ? fromBudget : 0,
      Number.isFinite(retryAfter) ? retryAfter : 1,
      0.2,
    );
    note(`throttled: waiting ${seconds.toFixed(1)} s for the cost budget to refill`);
    await sleep(seconds * 1000);
  }
}

/**
 * Seconds to wait before the next page so that it is not refused: when the budget left is below what the
 * last page asked for.
 * @param {any} cost extensions.cost of the last answer
 */
export function pauseBeforeNext(cost) {
  const status = cost?.throttleStatus;
  if (!status || !cost.requestedQueryCost) return 0;
  const missing = cost.requestedQueryCost - status.currentlyAvailable;
  return missing > 0 ? missing / status.restoreRate : 0;
}

/** @param {number} done @param {number | undefined} total */
export function progressLine(done, total) {
  if (!total) return `\r${done} rows`;
  const width = 30;
  const filled = Math.round((Math.min(done, total) / total) * width);
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} rows`;
}

const START_EXPORT = `mutation($input: StartExportInput!) { startExport(input: $input) {
  export { id status } userErrors { field code message } } }`;
const EXPORT_PROGRESS = `query($id: ID!) { export(id: $id) {
  id status pagesDone rows totalRows errorCode errorMessage downloadUrl } }`;

/**
 * Starts a bulk export on the server, waits for it (a progress line on `progress`, every `pollMs`) and
 * streams its file to `write`. Answers the export as last read; throws with the server's words on failure.
 * @param {{ url: string; token: string; lang: string }} target
 * @param {{ report?: string; query?: string; variables: Record<string, unknown>; format: 'csv' | 'ndjson' }} what
 * @param {{ note: (line: string) => void; progress: (line: string) => void; write: (chunk: Uint8Array) => void; pollMs?: number }} io
 */
export async function runExport(target, what, io) {
  const input = {
    report: what.report ?? null,
    query: what.query ?? null,
    variables: JSON.stringify(what.variables),
    format: what.format.toUpperCase(),
  };
  const started = await request(target, START_EXPORT, { input }, io.note);
  if (started.errors?.length) throw new Error(started.errors.map((e) => e.message).join('\n'));
  const payload = started.data?.startExport;
  if (payload.userErrors.length) throw new Error(payload.userErrors.map((e) => e.message).join('\n'));
  const id = payload.export.id;
  io.note(`export ${id} started`);
  for (;;) {
    const read = await request(target, EXPORT_PROGRESS, { id }, io.note);
    const current = read.data?.export;
    if (!current) throw new Error(`export ${id}: ${read.errors?.[0]?.message ?? 'not found'}`);
    io.progress(progressLine(current.rows, current.totalRows ?? undefined));
    if (current.status === 'FAILED')
      throw new Error(
        `export failed: ${current.errorCode}${current.errorMessage ? ` (${current.errorMessage})` : ''}`,
      );
    if (current.status === 'EXPIRED') throw new Error('export expired before it was downloaded');
    if (current.status === 'READY') {
      const response = await fetch(new URL(current.downloadUrl, target.url), {
        headers: { authorization: `Bearer ${target.token}`, 'accept-language': target.lang },
      });
      if (!response.ok || !response.body) throw new Error(`download failed: HTTP ${response.status}`);
      for await (const chunk of response.body) io.write(chunk);
      return current;
    }
    await sleep(io.pollMs ?? 1000);
  }
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      token: { type: 'string' },
      url: { type: 'string' },
      format: { type: 'string', default: 'csv' },
      out: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      var: { type: 'string', multiple: true },
      'page-size': { type: 'string' },
      lang: { type: 'string', default: 'en' },
      export: { type: 'boolean', default: false },
    },
  });
  const [report] = positionals;
  if (!report) usage('Name a report or a .graphql file.');
  const file = report.endsWith('.graphql')
    ? path.resolve(report)
    : path.join(reportsDir, `${report}.graphql`);
  if (!existsSync(file)) usage(`No report "${report}".`);
  const token = values.token ?? process.env.PASSERELLE_TOKEN;
  if (!token) usage('Give an API token with --token (or PASSERELLE_TOKEN).');
  const format = /** @type {'csv' | 'json' | 'ndjson'} */ (values.format);
  if (!['csv', 'json', 'ndjson'].includes(format)) usage('--format is csv, json or ndjson.');
  const url = values.url ?? process.env.PASSERELLE_URL ?? 'http://localhost:4000/graphql';

  const query = readFileSync(file, 'utf8');
  const document = parse(query);
  const operation = /** @type {import('graphql').OperationDefinitionNode | undefined} */ (
    document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)
  );
  if (!operation || operation.operation !== 'query') usage('The file must hold a query.');
  const connection = pagedConnection(operation);
  if (!connection)
    usage('The query must page a connection: declare $after and pass it as `after: $after` to one field.');
  const { columns, viaEdges } = nodeColumns(connection.field);

  /** @type {Record<string, unknown>} */
  const variables = {};
  const declared = new Map((operation.variableDefinitions ?? []).map((d) => [d.variable.name.value, d.type]));
  for (const pair of values.var ?? []) {
    const index = pair.indexOf('=');
    if (index < 1) usage(`--var takes name=value, not "${pair}".`);
    const name = pair.slice(0, index);
    const raw = pair.slice(index + 1);
    const type = declared.get(name);
    const named = type && (type.kind === Kind.NON_NULL_TYPE ? type.type : type);
    variables[name] = named?.kind === Kind.NAMED_TYPE && named.name.value === 'Int' ? Number(raw) : raw;
  }
  if (values.from) variables.from = values.from;
  if (values.to) variables.to = values.to;
  if (values['page-size']) variables.first = Number(values['page-size']);

  if (values.export) {
    if (format === 'json') usage('--export writes csv or ndjson.');
    const out = values.out ? createWriteStream(values.out) : process.stdout;
    const tty = process.stderr.isTTY === true;
    const done = await runExport(
      { url, token, lang: values.lang ?? 'en' },
      {
        ...(report.endsWith('.graphql') ? { query } : { report }),
        variables,
        format: /** @type {'csv' | 'ndjson'} */ (format),
      },
      {
        note: (line) => process.stderr.write(`${line}\n`),
        progress: (line) => {
          if (tty) process.stderr.write(line);
        },
        write: (chunk) => out.write(chunk),
      },
    );
    if (tty) process.stderr.write('\n');
    process.stderr.write(
      `${done.rows} rows in ${done.pagesDone} page(s)${values.out ? ` written to ${values.out}` : ''}\n`,
    );
    if (out !== process.stdout) await new Promise((resolve) => out.end(resolve));
    return;
  }

  const out = values.out ? createWriteStream(values.out) : process.stdout;
  const writer = new ReportWriter(format, columns, (chunk) => out.write(chunk));
  const tty = process.stderr.isTTY === true;
  const note = (/** @type {string} */ line) => process.stderr.write(`${tty ? '\n' : ''}${line}\n`);
  const target = { url, token, lang: values.lang ?? 'en' };

  let after = null;
  let pages = 0;
  for (;;) {
    const body = await request(target, query, { ...variables, after }, note);
    if (body.errors?.length) {
      for (const error of body.errors)
        process.stderr.write(`error: ${error.message} (${error.extensions?.code ?? 'ERROR'})\n`);
      if (!body.data) process.exit(1);
    }
    const page = /** @type {any} */ (dig(body.data, connection.path));
    if (!page) {
      process.stderr.write(`error: no data at ${connection.path.join('.')}\n`);
      process.exit(1);
    }
    const nodes = viaEdges ? (page.edges ?? []).map((/** @type {any} */ e) => e.node) : (page.nodes ?? []);
    writer.add(nodes);
    pages += 1;
    if (tty) process.stderr.write(progressLine(writer.count, page.totalCount));
    if (!page.pageInfo?.hasNextPage) break;
    after = page.pageInfo.endCursor;
    const pause = pauseBeforeNext(body.extensions?.cost);
    if (pause > 0) await sleep(pause * 1000);
  }
  writer.end();
  if (tty) process.stderr.write('\n');
  process.stderr.write(
    `${writer.count} rows in ${pages} page(s)${values.out ? ` written to ${values.out}` : ''}\n`,
  );
  if (out !== process.stdout) await new Promise((resolve) => out.end(resolve));
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('report-cli.mjs')) {
  main().catch((error) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
