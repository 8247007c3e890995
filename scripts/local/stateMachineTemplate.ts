/**
 * The state machines exactly as the CDK app synthesizes them: synth in-process (no bundling) or
 * read a `cdk.out/*.template.json`, find the two AWS::StepFunctions::StateMachine resources and
 * resolve their DefinitionString (CloudFormation intrinsics) into ASL JSON, with every token
 * replaced by a placeholder value (Lambda functions become
 * `arn:aws:lambda:us-east-1:000000000000:function:<LogicalId>`).
 *
 * A synth takes several seconds, so the resolved definitions are cached on disk, keyed by a hash
 * of everything the synth reads (infra/, shared/, cdk.json, package-lock.json and the
 * installed aws-cdk-lib version); any change to those files re-synthesizes.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIFT_STATE_MACHINE_ID, SWEEP_STATE_MACHINE_ID } from '#infra/stages';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const PLACEHOLDER_REGION = 'us-east-1';
export const PLACEHOLDER_ACCOUNT = '000000000000';

/** An Amazon States Language document. */
export interface AslDefinition {
  StartAt: string;
  States: Record<string, AslState>;
  Comment?: string;
  TimeoutSeconds?: number;
  [key: string]: unknown;
}

export interface AslState {
  Type: string;
  [key: string]: unknown;
}

export type WhichStateMachine = 'sweep' | 'lift';

export const STATE_MACHINE_IDS: Record<WhichStateMachine, string> = {
  sweep: SWEEP_STATE_MACHINE_ID,
  lift: LIFT_STATE_MACHINE_ID,
};

export interface StateMachineDefinitions {
  sweep: AslDefinition;
  lift: AslDefinition;
  /** CloudFormation logical ids of the two state machine resources. */
  logicalIds: Record<WhichStateMachine, string>;
  /** `synth`, `cache` or the template file path. */
  source: string;
}

export interface LoadDefinitionsOptions {
  /** A synthesized template: a `*.template.json` path, or the parsed template. Default: synth in-process. */
  template?: string | CfnTemplate;
  /** Where resolved definitions are cached (default `<project>/node_modules/.cache/crackdown-asl`); false = no cache. */
  cacheDir?: string | false;
}

export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
}

export interface CfnTemplate {
  Resources: Record<string, CfnResource>;
  Parameters?: Record<string, { Default?: unknown }>;
}

// ---------------------------------------------------------------------------------------------
// finding the state machines

/**
 * The state machine resource for a construct id: by `aws:cdk:path` metadata
 * (`<Stack>/<id>/Resource`), else by logical id (`<id>` + CDK's 8-hex hash), else by prefix.
 */
export function findStateMachineLogicalId(template: CfnTemplate, constructId: string): string {
  const machines = Object.entries(template.Resources ?? {}).filter(([, r]) => r.Type === 'AWS::StepFunctions::StateMachine');
  const byPath = machines.filter(([, r]) => {
    const path = r.Metadata?.['aws:cdk:path'];
    return typeof path === 'string' && path.split('/').slice(1, -1).includes(constructId);
  });
  const byHash = machines.filter(([id]) => new RegExp(`^${constructId}[0-9A-F]{8}$`).test(id));
  const byPrefix = machines.filter(([id]) => id.startsWith(constructId));
  for (const found of [byPath, byHash, byPrefix]) {
    if (found.length === 1) return found[0][0];
    if (found.length > 1) {
      throw new Error(`several state machines match ${constructId}: ${found.map(([id]) => id).join(', ')}`);
    }
  }
  throw new Error(`no AWS::StepFunctions::StateMachine for ${constructId} in the template (found: ${machines.map(([id]) => id).join(', ') || 'none'})`);
}

// ---------------------------------------------------------------------------------------------
// resolving intrinsics

const PSEUDO: Record<string, string> = {
  'AWS::Partition': 'aws',
  'AWS::Region': PLACEHOLDER_REGION,
  'AWS::AccountId': PLACEHOLDER_ACCOUNT,
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::NoValue': '',
};

function serviceOf(type: string): string {
  return (type.split('::')[1] ?? 'unknown').toLowerCase();
}

/** Placeholder for `Fn::GetAtt [logicalId, attribute]`. */
function placeholderAttr(template: CfnTemplate, logicalId: string, attr: string): string {
  const r = template.Resources[logicalId];
  if (!r) throw new Error(`Fn::GetAtt names ${logicalId}, which is not a resource of the template`);
  const region = PLACEHOLDER_REGION;
  const account = PLACEHOLDER_ACCOUNT;
  if (attr !== 'Arn') return `${logicalId}.${attr}`;
  switch (r.Type) {
    case 'AWS::Lambda::Function':
      return `arn:aws:lambda:${region}:${account}:function:${logicalId}`;
    case 'AWS::StepFunctions::StateMachine':
      return `arn:aws:states:${region}:${account}:stateMachine:${logicalId}`;
    case 'AWS::IAM::Role':
      return `arn:aws:iam::${account}:role/${logicalId}`;
    case 'AWS::S3::Bucket':
      return `arn:aws:s3:::${logicalId.toLowerCase()}`;
    case 'AWS::DynamoDB::Table':
      return `arn:aws:dynamodb:${region}:${account}:table/${logicalId}`;
    case 'AWS::SNS::Topic':
    case 'AWS::SQS::Queue':
      return `arn:aws:${serviceOf(r.Type)}:${region}:${account}:${logicalId}`;
    default:
      return `arn:aws:${serviceOf(r.Type)}:${region}:${account}:${r.Type.split('::')[2]?.toLowerCase() ?? 'resource'}/${logicalId}`;
  }
}

/** Placeholder for `Ref`: pseudo parameters, parameter defaults, or the resource's Ref value. */
function placeholderRef(template: CfnTemplate, name: string): string {
  if (name in PSEUDO) return PSEUDO[name];
  if (name === 'AWS::StackName') return 'Crackdown';
  const param = template.Parameters?.[name];
  if (param) return param.Default !== undefined ? String(param.Default) : name;
  const r = template.Resources[name];
  if (!r) throw new Error(`Ref names ${name}, which is neither a parameter nor a resource of the template`);
  switch (r.Type) {
    case 'AWS::SNS::Topic':
      return placeholderAttr(template, name, 'Arn'); // a topic's Ref is its ARN
    case 'AWS::SQS::Queue':
      return `https://sqs.${PLACEHOLDER_REGION}.amazonaws.com/${PLACEHOLDER_ACCOUNT}/${name}`;
    case 'AWS::StepFunctions::StateMachine':
      return placeholderAttr(template, name, 'Arn');
    case 'AWS::S3::Bucket':
      return name.toLowerCase();
    default:
      return name; // functions, tables, roles…: the physical name
  }
}

/** Resolves the CloudFormation intrinsics a DefinitionString may hold into plain values. */
export function resolveIntrinsics(value: unknown, template: CfnTemplate, where: string): unknown {
  const recur = (v: unknown) => resolveIntrinsics(v, template, where);
  if (Array.isArray(value)) return value.map(recur);
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) {
    const [fn] = keys;
    const arg = obj[fn];
    switch (fn) {
      case 'Ref':
        return placeholderRef(template, String(arg));
      case 'Fn::GetAtt': {
        const [id, attr] = Array.isArray(arg) ? (arg as string[]) : String(arg).split(/\.(.*)/s);
        return placeholderAttr(template, id, attr);
      }
      case 'Fn::Join': {
        const [sep, parts] = arg as [string, unknown];
        const list = recur(parts);
        if (!Array.isArray(list)) throw new Error(`${where}: Fn::Join over a non-list`);
        return list.map((p) => String(p)).join(sep);
      }
      case 'Fn::Sub': {
        const [text, vars] = Array.isArray(arg) ? (arg as [string, Record<string, unknown>]) : [String(arg), {}];
        const resolvedVars = (recur(vars) ?? {}) as Record<string, unknown>;
        return text.replace(/\$\{([^}!][^}]*)\}/g, (_m, name: string) => {
          if (name in resolvedVars) return String(resolvedVars[name]);
          const dot = name.indexOf('.');
          return dot > 0 && !name.startsWith('AWS::') ? placeholderAttr(template, name.slice(0, dot), name.slice(dot + 1)) : placeholderRef(template, name);
        });
      }
      case 'Fn::Select': {
        const [index, list] = arg as [unknown, unknown];
        const arr = recur(list);
        if (!Array.isArray(arr)) throw new Error(`${where}: Fn::Select over a non-list`);
        return arr[Number(recur(index))];
      }
      case 'Fn::Split': {
        const [sep, text] = arg as [string, unknown];
        return String(recur(text)).split(sep);
      }
      default:
        throw new Error(`${where}: the intrinsic ${fn} is not supported by the local runner (${JSON.stringify(obj).slice(0, 200)})`);
    }
  }
  return Object.fromEntries(keys.map((k) => [k, recur(obj[k])]));
}

/** The ASL of one state machine resource, tokens resolved. */
export function definitionOf(template: CfnTemplate, logicalId: string): AslDefinition {
  const props = template.Resources[logicalId]?.Properties ?? {};
  if (props.Definition !== undefined) {
    return resolveIntrinsics(props.Definition, template, logicalId) as AslDefinition; // `Definition` (object) form
  }
  const body = props.DefinitionString;
  if (body === undefined) throw new Error(`state machine ${logicalId} has neither DefinitionString nor Definition`);
  const text = resolveIntrinsics(body, template, logicalId);
  if (typeof text !== 'string') throw new Error(`DefinitionString of ${logicalId} did not resolve to a string`);
  try {
    return JSON.parse(text) as AslDefinition;
  } catch (err) {
    throw new Error(`DefinitionString of ${logicalId} is not JSON after resolving tokens: ${(err as Error).message}`);
  }
}

export function definitionsFromTemplate(template: CfnTemplate, source: string): StateMachineDefinitions {
  const logicalIds = {
    sweep: findStateMachineLogicalId(template, STATE_MACHINE_IDS.sweep),
    lift: findStateMachineLogicalId(template, STATE_MACHINE_IDS.lift),
  };
  return { sweep: definitionOf(template, logicalIds.sweep), lift: definitionOf(template, logicalIds.lift), logicalIds, source };
}

// ---------------------------------------------------------------------------------------------
// synth + cache

/** Synthesizes the CDK app in-process without bundling and returns the stack's template. */
export async function synthTemplate(): Promise<CfnTemplate> {
  const { buildCrackdownApp } = (await import('#infra/crackdownApp')) as {
    buildCrackdownApp(opts?: { bundling?: boolean; outdir?: string }): {
      app: { synth(): { getStackArtifact(id: string): { template: unknown } } };
      stack: { artifactId: string };
    };
  };
  const { app, stack } = buildCrackdownApp({ bundling: false });
  return app.synth().getStackArtifact(stack.artifactId).template as CfnTemplate;
}

function collectFiles(dir: string, out: string[]): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries.sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) collectFiles(p, out);
    else if (/\.(ts|mts|js|mjs|json)$/.test(name)) out.push(p);
  }
}

/** Hash of everything the in-process synth reads. */
export function synthInputsHash(): string {
  const files: string[] = [];
  collectFiles(join(PROJECT_ROOT, 'infra'), files);
  collectFiles(join(PROJECT_ROOT, 'shared'), files);
  for (const f of ['cdk.json', 'package.json', 'package-lock.json', 'node_modules/aws-cdk-lib/package.json', 'scripts/local/stateMachineTemplate.ts']) {
    files.push(join(PROJECT_ROOT, f));
  }
  const h = createHash('sha256');
  for (const f of files) {
    h.update(f.slice(PROJECT_ROOT.length));
    h.update('\0');
    h.update(existsSync(f) ? readFileSync(f) : '<missing>');
    h.update('\0');
  }
  return h.digest('hex').slice(0, 24);
}

const memo = new Map<string, StateMachineDefinitions>();

/** Both state machines' ASL, tokens resolved: from a template file/object, the cache, or a fresh synth. */
export async function loadStateMachineDefinitions(opts: LoadDefinitionsOptions = {}): Promise<StateMachineDefinitions> {
  if (opts.template !== undefined) {
    if (typeof opts.template !== 'string') return definitionsFromTemplate(opts.template, 'template object');
    const path = resolve(opts.template);
    return definitionsFromTemplate(JSON.parse(readFileSync(path, 'utf8')) as CfnTemplate, path);
  }
  const key = synthInputsHash();
  const hit = opts.cacheDir === false ? undefined : memo.get(key);
  if (hit) return hit;
  const cacheDir = opts.cacheDir === undefined ? join(PROJECT_ROOT, 'node_modules', '.cache', 'crackdown-asl') : opts.cacheDir;
  const cacheFile = cacheDir ? join(cacheDir, `${key}.json`) : undefined;
  if (cacheFile && existsSync(cacheFile)) {
    try {
      const cached = { ...(JSON.parse(readFileSync(cacheFile, 'utf8')) as StateMachineDefinitions), source: 'cache' };
      memo.set(key, cached);
      return cached;
    } catch {
      /* corrupt cache: synth again */
    }
  }
  const defs = definitionsFromTemplate(await synthTemplate(), 'synth');
  memo.set(key, defs);
  if (cacheDir && cacheFile) {
    try {
      mkdirSync(cacheDir, { recursive: true });
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(defs));
      renameSync(tmp, cacheFile);
    } catch {
      /* a read-only tree only loses the cache */
    }
  }
  return defs;
}
