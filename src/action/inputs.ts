// Reading action inputs (INPUT_<NAME> variables, read by @actions/core) into typed values.
// Every error names the input and says what was expected; none echoes a secret input.
import * as core from '@actions/core';
import { InputError } from '../lib/basics/errors/errors.ts';

/** An input's value, trimmed; '' when not given. */
export function optionalInput(name: string): string {
  return core.getInput(name, { trimWhitespace: true });
}

export function requiredInput(name: string): string {
  const value = optionalInput(name);
  if (value === '')
    throw new InputError('input-missing', `input ${name}: required, found nothing (add \`${name}:\` under \`with:\`)`);
  return value;
}

/** Non-empty lines, trimmed; lines starting with '#' are comments. */
export function lineInput(name: string): string[] {
  return optionalInput(name)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** The YAML 1.2 core schema booleans, as @actions/core's getBooleanInput, with our message. */
export function booleanInput(name: string, fallback: boolean): boolean {
  const value = optionalInput(name);
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new InputError(
    'input-invalid',
    `input ${name}: expected true or false, found ${JSON.stringify(value.slice(0, 40))}`,
  );
}

/** A positive whole number (safe integer). */
export function positiveIntegerInput(name: string): number {
  const text = requiredInput(name);
  const n = Number(text);
  if (!/^[1-9][0-9]*$/.test(text) || !Number.isSafeInteger(n)) {
    throw new InputError(
      'bad-version',
      `input ${name}: expected a positive whole number up to 2^53-1, found ${JSON.stringify(text.slice(0, 40))}`,
    );
  }
  return n;
}
