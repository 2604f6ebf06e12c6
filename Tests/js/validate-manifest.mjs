// Validates a Teams app manifest and its localization files against the official JSON schemas shipped in npm
// @microsoft/app-manifest (draft-04 schemas, so ajv-draft-04), and checks the icons' sizes and transparency.
// Usage: node validate-manifest.mjs <dir with manifest.json, localization files and icons>
// Prints one JSON object: { "<file>": ["error", ...] }.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const dir = process.argv[2];
const require = createRequire(import.meta.url);
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const schemas = `@microsoft/app-manifest/build/json-schemas/teams/v${manifest.manifestVersion}`;
// unicodeRegExp: false — the localization schema's patterns are not valid in JavaScript's unicode mode.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = (file, schemaFile) => {
  const check = ajv.compile(JSON.parse(readFileSync(require.resolve(`${schemas}/${schemaFile}`), 'utf8')));
  check(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  return (check.errors ?? []).map(e => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
};

const results = { 'manifest.json': validate('manifest.json', 'MicrosoftTeams.schema.json') };
for (const { file } of manifest.localizationInfo?.additionalLanguages ?? []) {
  results[file] = validate(file, 'MicrosoftTeams.Localization.schema.json');
}

// PNG header: width and height at bytes 16-23, colour type at byte 25 (6 = RGBA).
const png = (file, size, transparent) => {
  const bytes = readFileSync(join(dir, file));
  const errors = [];
  if (bytes.readUInt32BE(16) !== size || bytes.readUInt32BE(20) !== size) errors.push(`must be ${size}x${size}`);
  if (transparent && bytes[25] !== 6) errors.push('must have an alpha channel (transparent background)');
  return errors;
};
results[manifest.icons.color] = png(manifest.icons.color, 192, false);
results[manifest.icons.outline] = png(manifest.icons.outline, 32, true);
console.log(JSON.stringify(results));
