/** The adapters turn plans into writes: no notice composing, entry building or deciding under shared/adapters/. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterImportViolations, domainSdkImports } from './adapterImports.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const filesUnder = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));

describe('adapter imports', () => {
  it('no file under shared/adapters/ imports a notice composer, an entry builder or a decider', () => {
    const files = filesUnder('shared/adapters');
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap((f) => adapterImportViolations(f, readFileSync(join(ROOT, f), 'utf8')))).toEqual([]);
  });

  it('no domain file imports an AWS SDK', () => {
    const files = filesUnder('shared').filter((f) => !f.startsWith(join('shared', 'adapters')));
    expect(files.flatMap((f) => domainSdkImports(f, readFileSync(join(ROOT, f), 'utf8')))).toEqual([]);
  });

  it('the rule catches what it is for', () => {
    const file = 'shared/adapters/example.ts';
    const found = adapterImportViolations(
      file,
      [
        "import { composeLiftNotice } from '#shared/notify/composeNotice';",
        "import { decideAction } from '#shared/policy/decideAction';",
        "import { ledgerKey, type LedgerEntry } from '#shared/enforcement/ledgerEntry';",
        "import { chainEntry } from '../audit/hashChain.ts';",
        "import { appealDecideEntry, planAppealSubmit } from '#shared/audit/planAppealDecision';",
        "export { restorePenalty } from '#shared/audit/restorePenalty';",
        "const m = await import('#shared/brand/brandPoints');",
      ].join('\n'),
    );
    expect(found.map((f) => [f.module, f.names, f.reason])).toEqual([
      ['#shared/notify/composeNotice', ['composeLiftNotice'], 'composes notices'],
      ['#shared/policy/decideAction', ['decideAction'], 'decides outcomes'],
      ['#shared/enforcement/ledgerEntry', ['ledgerKey'], 'builds ledger entries'],
      ['#shared/audit/hashChain', ['chainEntry'], 'decides penalties / links ledger entries'],
      ['#shared/audit/planAppealDecision', ['appealDecideEntry'], 'builds appeal ledger entries (only its plan* functions are for adapters)'],
      ['#shared/audit/restorePenalty', ['restorePenalty'], 'decides penalties / links ledger entries'],
      ['#shared/brand/brandPoints', ['*'], 'decides brand points'],
    ]);
  });

  it('types, ports, plans and sibling adapters are allowed', () => {
    const text = [
      "import type { LedgerEntry } from '#shared/enforcement/ledgerEntry';",
      "import { type Notice } from '#shared/notify/composeNotice';",
      "import { BlobNotFoundError } from '#shared/ports/blobStore';",
      "import { planLift } from '#shared/enforcement/planLift';",
      "import { planApply } from '../enforcement/planApply.ts';",
      "import { tableName } from './tableDefinitions.ts';",
      "import { GetCommand } from '@aws-sdk/lib-dynamodb';",
    ].join('\n');
    expect(adapterImportViolations('shared/adapters/example.ts', text)).toEqual([]);
    expect(domainSdkImports('shared/audit/x.ts', text).map((f) => f.module)).toEqual(['@aws-sdk/lib-dynamodb']);
  });
});
