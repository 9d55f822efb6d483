// The template language: `{{ name }}` (or `{{ a.b }}`) is replaced by the
// variable's value; GitHub Actions expressions `${{ ... }}` pass through
// untouched, as does anything between braces that is not a name. An unknown
// variable is an error, never an empty string.

import { NatsghError } from '../errors.js';

const PLACEHOLDER = /(\$?)\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*\}\}/g;

/** In a repository's template, render.ts reports it as template_variable_missing; in natsgh's own, a bug. */
export class TemplateVariableError extends NatsghError {
  constructor(
    readonly template: string,
    readonly variable: string,
  ) {
    super(`template ${template} uses {{ ${variable} }}, which is not defined`, { code: 'internal' });
    this.name = 'TemplateVariableError';
  }
}

function lookup(variables: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(variables, name)) return variables[name];
  let value: unknown = variables;
  for (const part of name.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

export function substituteVariables(
  text: string,
  variables: Record<string, unknown>,
  templateName: string,
): string {
  return text.replace(PLACEHOLDER, (match, dollar: string, name: string) => {
    if (dollar) return match;
    const value = lookup(variables, name);
    if (value === undefined || value === null || typeof value === 'object') {
      throw new TemplateVariableError(templateName, name);
    }
    return String(value);
  });
}
