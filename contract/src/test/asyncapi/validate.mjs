// Validates an AsyncAPI document (and the JSON Schema files it refers to) with the AsyncAPI parser and prints its
// errors and warnings as JSON; exits 1 when there is any. ./tsunagu test copies it next to the parser it installs
// under .tools/asyncapi (npm), and SchemaDocumentsTest runs it on the committed document.
import { Parser, fromFile } from '@asyncapi/parser';
import path from 'node:path';
const file = path.resolve(process.argv[2]);
const parser = new Parser();
const { document, diagnostics } = await fromFile(parser, file).parse();
const problems = diagnostics.filter(d => d.severity <= 1).map(d => ({
  severity: d.severity === 0 ? 'error' : 'warning', code: d.code, message: d.message, path: d.path.join('/') }));
console.log(JSON.stringify({ valid: document !== undefined, problems }, null, 1));
process.exit(document !== undefined && problems.length === 0 ? 0 : 1);
