// Checks Microsoft 365 Agents Toolkit project files the way the toolkit's CLI loads them: YAML parsed with the `yaml`
// package and validated with ajv (allowUnionTypes, the "deprecationMessage" keyword) against the schema the CLI ships
// for the file's `version` (node_modules/@microsoft/m365agentstoolkit-cli/resource/yaml-schema/<version>/yaml.schema.json).
// Also: every ${{VARIABLE}} the file and its ARM parameter files use is declared in env/.env.<environment> (SECRET_*
// ones live in the not-committed .user file), and every local file an action names exists.
// Usage: node validate-toolkit-yaml.mjs <repo root> <file.yml> <environment>
// Prints one JSON object: { "schema": "<schema path used>", "errors": ["...", ...] }.
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import { parse } from 'yaml';

const [root, file, environment] = process.argv.slice(2);
const require = createRequire(join(root, 'package.json'));
const text = readFileSync(resolve(root, file), 'utf8');
const project = parse(text);
const errors = [];

const cli = dirname(require.resolve('@microsoft/m365agentstoolkit-cli/package.json'));
const schemaPath = join(cli, 'resource', 'yaml-schema', project.version ?? '', 'yaml.schema.json');
if (!existsSync(schemaPath)) {
  errors.push(`version ${project.version}: the CLI ships no schema for it`);
} else {
  const ajv = new Ajv({ allowUnionTypes: true, allErrors: true, strict: false });
  ajv.addKeyword('deprecationMessage');
  const check = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
  if (!check(project)) errors.push(...check.errors.map(e => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`));
}

const declared = new Set(['TEAMSFX_ENV']);
const envFile = join(root, 'env', `.env.${environment}`);
if (!existsSync(envFile)) errors.push(`env/.env.${environment} is missing`);
else for (const line of readFileSync(envFile, 'utf8').split('\n')) {
  const m = /^([A-Z0-9_]+)=/.exec(line);
  if (m) declared.add(m[1]);
}
const used = (content, where) => {
  for (const [, name] of content.matchAll(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)) {
    if (!declared.has(name) && !name.startsWith('SECRET_')) errors.push(`${where}: \${{${name}}} is not declared in env/.env.${environment}`);
  }
};
used(text, file);

const actions = ['provision', 'deploy', 'publish'].flatMap(stage => project[stage] ?? []);
const local = p => typeof p === 'string' && !p.includes('${{') && (p.startsWith('./') || p.startsWith('../'));
for (const action of actions) {
  const w = action.with ?? {};
  const paths = [w.manifestPath, w.appPackagePath, ...(w.templates ?? []).flatMap(t => [t.path, t.parameters])];
  if (action.uses === 'script') paths.push(w.run.split(' ')[0]);
  for (const p of paths.filter(local)) {
    // Built by an earlier action of the same stage: artifacts/ is made by Manifest/package.sh.
    if (p.startsWith('./artifacts/')) continue;
    if (!existsSync(join(root, p))) errors.push(`${action.uses}: ${p} does not exist`);
  }
  for (const t of w.templates ?? []) if (local(t.parameters) && existsSync(join(root, t.parameters))) used(readFileSync(join(root, t.parameters), 'utf8'), t.parameters);
}
console.log(JSON.stringify({ schema: schemaPath.slice(root.length + 1), errors }));
