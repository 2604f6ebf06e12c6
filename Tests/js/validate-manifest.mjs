// Validates a Teams app manifest and its localization files against the official JSON schemas shipped in npm
// @microsoft/app-manifest (draft-04 schemas, so ajv-draft-04), checks the icons' sizes and transparency, and that
// validDomains names the bot's domain as a bare host name.
// Usage: node validate-manifest.mjs <dir with manifest.json, localization files and icons>
// Prints one JSON object: { "<file>": ["error", ...] }.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
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

// The bot's domain (the developer website's host) is listed, and every entry is a host name: no scheme, path or port,
// and no wildcard standing for a whole top-level domain.
const domains = manifest.validDomains ?? [];
const domainErrors = [
  ...domains.filter(d => !/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(d)).map(d => `/validDomains "${d}" is not a bare host name`),
  ...(domains.includes(new URL(manifest.developer.websiteUrl).host) ? [] : [`/validDomains lacks the bot's domain ${new URL(manifest.developer.websiteUrl).host}`]),
];

const results = { 'manifest.json': [...validate('manifest.json', 'MicrosoftTeams.schema.json'), ...domainErrors] };
for (const { file } of manifest.localizationInfo?.additionalLanguages ?? []) {
  results[file] = validate(file, 'MicrosoftTeams.Localization.schema.json');
}

// PNG header: width and height at bytes 16-23, bit depth at 24, colour type at byte 25 (6 = RGBA).
const png = (file, size, transparent) => {
  const bytes = readFileSync(join(dir, file));
  const errors = [];
  if (bytes.readUInt32BE(16) !== size || bytes.readUInt32BE(20) !== size) errors.push(`must be ${size}x${size}`);
  if (transparent && (bytes[25] !== 6 || bytes[24] !== 8)) errors.push('must have an alpha channel (transparent background)');
  else if (transparent && topLeftAlpha(bytes) !== 0) errors.push('must have a transparent background (its corner is opaque)');
  return errors;
};

// The first pixel of the first row is stored as is whatever the row's filter (no pixel to its left or above), so its
// alpha is the fifth byte of the inflated image data (after the row's filter byte).
const topLeftAlpha = bytes => {
  const data = [];
  for (let at = 8; at < bytes.length; at += 12 + bytes.readUInt32BE(at)) {
    if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT') data.push(bytes.subarray(at + 8, at + 8 + bytes.readUInt32BE(at)));
  }
  return inflateSync(Buffer.concat(data))[4];
};
results[manifest.icons.color] = png(manifest.icons.color, 192, false);
results[manifest.icons.outline] = png(manifest.icons.outline, 32, true);
console.log(JSON.stringify(results));
