import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { Content, type Scenario, ScenarioFile } from './schema.ts';

export const SCENARIO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios');

export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

type Issue = { path: PropertyKey[]; message: string };

/** `demo` -> scenarios/demo.json; anything that looks like a path is read as given. */
export function scenarioPath(nameOrPath: string): string {
  const looksLikePath = nameOrPath.includes('/') || nameOrPath.endsWith('.json');
  if (!looksLikePath) return join(SCENARIO_DIR, `${nameOrPath}.json`);
  return isAbsolute(nameOrPath) ? nameOrPath : resolve(nameOrPath);
}

export function loadScenario(nameOrPath: string): Scenario {
  const file = scenarioPath(nameOrPath);
  const parsed = parseFile(file, ScenarioFile);
  const content =
    typeof parsed.content === 'string'
      ? parseFile(resolve(dirname(file), parsed.content), Content)
      : parsed.content;
  const scenario = { ...parsed, content } as Scenario;
  const issues = crossCheck(scenario);
  if (issues.length > 0) throw invalid(file, issues);
  return scenario;
}

function parseFile<T extends z.ZodType>(file: string, schema: T): z.infer<T> {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ScenarioError(`unable to read scenario file ${file}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new ScenarioError(`scenario file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const result = schema.safeParse(json);
  if (!result.success) throw invalid(file, result.error.issues);
  return result.data;
}

function invalid(file: string, issues: readonly Issue[]): ScenarioError {
  const lines = issues.map((issue) => `  - ${formatPath(issue.path)}: ${issue.message}`);
  return new ScenarioError(`scenario file ${file} is invalid:\n${lines.join('\n')}`);
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((part, index) => {
      if (typeof part === 'number') return `[${part}]`;
      return index === 0 ? String(part) : `.${String(part)}`;
    })
    .join('');
}

/** Rules that span fields: names that must refer to each other. */
function crossCheck(scenario: Scenario): Issue[] {
  const issues: Issue[] = [];
  const pools = scenario.content.pools;
  const checkMix = (mix: Record<string, number>, path: PropertyKey[], mentionsOnly: boolean) => {
    for (const pool of Object.keys(mix)) {
      if (!pools[pool]) {
        issues.push({ path: [...path, pool], message: `unknown pool "${pool}"` });
      } else if (mentionsOnly && !pools[pool].mentionsTrust) {
        issues.push({
          path: [...path, pool],
          message: `pool "${pool}" does not mention the trust`,
        });
      }
    }
    if (!Object.values(mix).some((weight) => weight > 0)) {
      issues.push({ path, message: 'needs at least one pool with a weight above 0' });
    }
  };
  if (scenario.mode === 'bench') {
    checkMix(scenario.mix, ['mix'], true);
    return issues;
  }
  const byName = new Map(scenario.feeds.map((feed) => [feed.name, feed]));
  scenario.feeds.forEach((feed, index) => {
    const path = ['feeds', index];
    if (scenario.feeds.findIndex((other) => other.name === feed.name) !== index) {
      issues.push({ path: [...path, 'name'], message: `duplicate feed name "${feed.name}"` });
    }
    checkMix(feed.mix, [...path, 'mix'], feed.isQueryFeed);
    if (feed.style === 'comments') {
      const target = feed.commentsOn ? byName.get(feed.commentsOn) : undefined;
      if (target?.style !== 'blog') {
        issues.push({
          path: [...path, 'commentsOn'],
          message: 'a comments feed must name a feed whose style is "blog"',
        });
      }
    } else if (feed.commentsOn) {
      issues.push({
        path: [...path, 'commentsOn'],
        message: 'only a comments feed has commentsOn',
      });
    }
  });
  return issues;
}
