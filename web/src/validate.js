/**
 * Argument checks for the engine API (DOM-free, tested in Node). Each throws a
 * TypeError or RangeError whose message names the argument and what is allowed,
 * before anything reaches the wasm module.
 * @module validate
 */

const describe = (v) => (typeof v === 'string' ? `'${v}'` : Array.isArray(v) ? 'an array' : String(v));

/** A whole number in [0, cap]. */
export function checkCount(value, cap, name) {
  if (typeof value !== 'number') throw new TypeError(`${name} must be a number, got ${typeof value}`);
  if (!Number.isInteger(value) || value < 0 || value > cap) {
    throw new RangeError(`${name} = ${describe(value)} is invalid; allowed: whole number 0 <= ${name} <= ${cap}`);
  }
}

export function checkPreset(preset, presets) {
  const names = presets.map((p) => p.name);
  if (typeof preset !== 'string') throw new TypeError(`preset must be a string; allowed: ${names.join(', ')}`);
  if (!names.includes(preset)) throw new RangeError(`preset '${preset}' is unknown; allowed: ${names.join(', ')}`);
}

/**
 * A class label: required (0 <= label < classes) for conditional runs, absent otherwise.
 * @returns {number} the label for the raw call (-1 for none)
 */
export function checkLabel(label, classes, required) {
  if (label === undefined && !required && classes === 0) return -1;
  if (classes === 0) throw new RangeError(`label = ${describe(label)} is invalid; this run is not conditional (no labels)`);
  if (label === undefined) throw new TypeError(`label is required for a conditional run; allowed: 0 <= label <= ${classes - 1}`);
  if (typeof label !== 'number') throw new TypeError(`label must be a number, got ${typeof label}`);
  if (!Number.isInteger(label) || label < 0 || label >= classes) {
    throw new RangeError(`label = ${describe(label)} is invalid; allowed: whole number 0 <= label <= ${classes - 1}`);
  }
  return label;
}

/**
 * n points of `width` values each, as a Float32Array (copied when given an array).
 */
export function checkPoints(points, width, name, cap) {
  const ok = points instanceof Float32Array || points instanceof Float64Array || Array.isArray(points);
  if (!ok) throw new TypeError(`${name} must be a Float32Array or an array of numbers`);
  if (points.length % width !== 0) {
    throw new RangeError(`${name} has ${points.length} values; allowed: a multiple of ${width} (${width} per point)`);
  }
  if (points.length / width > cap) throw new RangeError(`${name} has ${points.length / width} points; allowed: at most ${cap}`);
  const values = points instanceof Float32Array ? points : Float32Array.from(points);
  for (let i = 0; i < points.length; i++) {
    if (typeof points[i] !== 'number') throw new TypeError(`${name}[${i}] must be a number, got ${typeof points[i]}`);
    if (!Number.isFinite(values[i])) throw new RangeError(`${name}[${i}] = ${points[i]} is invalid; allowed: finite numbers`);
  }
  return values;
}

function checkOption(key, value, option) {
  if (option.choices.length > 0) {
    if (typeof value !== 'string') throw new TypeError(`${key} must be a string; allowed: ${option.choices.join(', ')}`);
    if (!option.choices.includes(value)) {
      throw new RangeError(`${key} = '${value}' is invalid; allowed: ${option.choices.join(', ')}`);
    }
    return value;
  }
  const number = typeof value === 'boolean' && option.integer && option.max === 1 ? Number(value) : value;
  if (typeof number !== 'number') throw new TypeError(`${key} must be a number, got ${typeof value}; allowed: ${option.range}`);
  const below = option.minOpen ? number <= option.min : number < option.min;
  if (!Number.isFinite(number) || below || number > option.max || (option.integer && !Number.isInteger(number))) {
    throw new RangeError(`${key} = ${describe(value)} is invalid; allowed: ${option.range}`);
  }
  return String(number);
}

/**
 * Checks an overrides object against the option table.
 * @returns {{settings: [string, string][], points?: Float32Array}}
 */
export function checkOverrides(overrides, options) {
  if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
    throw new TypeError('overrides must be a plain object of option name -> value');
  }
  const byName = new Map(options.map((o) => [o.name, o]));
  const settings = [];
  let points;
  for (const [key, value] of Object.entries(overrides)) {
    if (key === 'points') continue;
    if (key === 'pointsDim') {
      checkCount(value, 16, 'pointsDim');
      if (value === 0) throw new RangeError('pointsDim = 0 is invalid; allowed: whole number 1 <= pointsDim <= 16');
      settings.push([key, String(value)]);
      continue;
    }
    const option = byName.get(key);
    if (!option) throw new RangeError(`option '${key}' is unknown; allowed: ${[...byName.keys(), 'points', 'pointsDim'].join(', ')}`);
    settings.push([key, checkOption(key, value, option)]);
  }
  if ('points' in overrides) points = checkPoints(overrides.points, overrides.pointsDim ?? 2, 'points', 1_000_000);
  return { settings, points };
}

export const toSettingsText = (settings) => settings.map(([k, v]) => `${k}=${v}`).join('\n');
